package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmftlab run} with a launcher (issue 13; DESIGN.md, "Units of a run"): every unit (the theory's groups and
 * its coarser quadrature's march, the simulation's seeds) is a task, and the merge publishes the tables of a run in
 * this process, byte for byte; {@code --unit} computes one unit into a run's staging folder.
 */
class RunLauncherTest {

    /** Monte-Carlo theory on a power-law spectrum (so with a coarser march), two-time functions recorded. */
    private static final String EXPERIMENT = """
            name: units
            problem:
              alpha: 2.0
              ridge: 0.05
              teacher: {id: sign, flip: 0.1}
              loss: {id: logistic}
              covariance: {id: power-law, exponent: 1.0}
            optimizer: {id: sgd, learning-rate: 0.3, batch-fraction: 0.5}
            steps: 8
            theory: {paths: 600, seed: 4, species: 6, groups: 5}
            simulation: {dimension: 120, seeds: 3, seed: 2}
            """;
    private static final List<String> TABLES = List.of("theory.csv", "simulation.csv", "comparison.csv",
            "two-time.csv");

    @TempDir
    Path dir;

    @Test
    void unitsRunByTheLocalLauncherMergeIntoTheTablesOfAPlainRun() throws IOException {
        Path file = TestExperiments.write(dir, "units.yaml", EXPERIMENT);
        Path plain = dir.resolve("plain");
        Path launched = dir.resolve("launched");

        Outcome byDefault = dmftlab("run", file.toString(), "--out", plain.toString());
        Outcome byUnits = dmftlab("run", file.toString(), "--out", launched.toString(), "--launcher", "local",
                "--set", "launcher.retries=1", "--threads", "2");

        assertEquals(0, byDefault.exitCode(), byDefault.err());
        assertEquals(0, byUnits.exitCode(), byUnits.err());
        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(table)), Files.readAllBytes(launched.resolve(table)),
                    table);
        }
        assertEquals(List.of("launched", "plain", "units.yaml"), names(dir), "no staging folder, units or"
                + " launcher files left");
    }

    @Test
    void aLauncherBlockInTheFileChoosesTheLauncherAndIsNotPartOfTheExperiment() throws IOException {
        Path file = TestExperiments.write(dir, "units.yaml", EXPERIMENT + "launcher: {id: local, retries: 0}\n");
        Outcome outcome = dmftlab("run", file.toString(), "--out", dir.resolve("out").toString(), "--engine",
                "theory");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertFalse(Files.readString(dir.resolve("out/run.json")).contains("retries"), "not in the configuration");

        Outcome bad = dmftlab("run", file.toString(), "--out", dir.resolve("bad").toString(), "--set",
                "launcher.retries=-1");
        assertEquals(2, bad.exitCode(), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("launcher.retries = -1"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")), "refused before anything runs");
    }

    @Test
    void theLocalLauncherCannotDetach() {
        Path file = TestExperiments.write(dir, "units.yaml", EXPERIMENT);
        Outcome outcome = dmftlab("run", file.toString(), "--out", dir.resolve("out").toString(), "--detach");
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: [launcher/cannot-detach] launcher.id = local: "),
                outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aUnitTaskNeedsTheStagingFolderOfARun() {
        Outcome missing = dmftlab("run", "--unit", "theory-0");
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().startsWith("dmftlab: [cli/missing-argument] --staging"), missing.err());

        Outcome none = dmftlab("run", "--unit", "theory-0", "--staging", dir.resolve("nothing").toString());
        assertEquals(2, none.exitCode(), none.err());
        assertEquals(1, none.err().lines().count(), none.err());

        Outcome notAUnit = dmftlab("run", "--unit", "group-3", "--staging", dir.toString());
        assertEquals(2, notAUnit.exitCode(), notAUnit.err());
        assertTrue(notAUnit.err().contains("--unit = group-3"), notAUnit.err());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
