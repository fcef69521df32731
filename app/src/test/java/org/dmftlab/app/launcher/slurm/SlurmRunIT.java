package org.dmftlab.app.launcher.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dmftlab.app.launcher.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmftlab run} through the {@code slurm} launcher on the real single-node cluster (issue 13; scripts/README.md),
 * through the real {@code ./dmftlab}: every unit of the run (the theory's groups, the simulation's seeds) is a task of
 * a job array, and the merged tables are byte-identical to a run on this machine; a detached run is collected by the
 * same command run again.
 */
@ExtendWith(SlurmAvailable.class)
class SlurmRunIT {

    /** Four theory groups and two seeds: six tasks of about a JVM start each. */
    private static final String EXPERIMENT = """
            name: split
            problem:
              alpha: 2.0
              ridge: 0.1
              teacher: {id: sign, flip: 0.05}
              loss: {id: logistic}
            optimizer: {id: sgd, learning-rate: 0.3, batch-fraction: 0.5}
            steps: 6
            theory: {paths: 400, seed: 3, groups: 4}
            simulation: {dimension: 80, seeds: 2, seed: 5}
            """;
    private static final List<String> TABLES = List.of("theory.csv", "simulation.csv", "comparison.csv",
            "two-time.csv");

    @TempDir
    Path scratch;

    @Test
    void aRunSplitIntoSlurmTasksGivesTheTablesOfALocalRun() throws Exception {
        Path file = Files.writeString(scratch.resolve("split.yaml"), EXPERIMENT);
        Path local = scratch.resolve("local");
        Path slurm = scratch.resolve("slurm");
        Launcher.Result here = Launcher.run(scratch, "run", file.toString(), "--out", local.toString());
        assertEquals(0, here.exitCode(), here::toString);

        Launcher.Result split = Launcher.run(scratch, "run", file.toString(), "--out", slurm.toString(), "--launcher",
                "slurm", "--set", "launcher.poll-seconds=0.3", "--set", "launcher.time-limit=10");

        assertEquals(0, split.exitCode(), split::toString);
        assertTrue(split.out().contains("dmftlab: submitted 6 tasks as Slurm job "), split::toString);
        assertSameTables(local, slurm);
        assertEquals(List.of("local", "slurm", "split.yaml"), names(scratch).stream()
                .filter(name -> !name.endsWith(".txt")).toList(), "no staging folder left");
    }

    @Test
    void aDetachedRunIsCollectedByTheSameCommand() throws Exception {
        Path file = Files.writeString(scratch.resolve("split.yaml"), EXPERIMENT);
        Path local = scratch.resolve("local");
        Path slurm = scratch.resolve("slurm");
        assertEquals(0, Launcher.run(scratch, "run", file.toString(), "--engine", "theory", "--out",
                local.toString()).exitCode());
        String[] command = {"run", file.toString(), "--engine", "theory", "--out", slurm.toString(), "--launcher",
                "slurm", "--set", "launcher.poll-seconds=0.3", "--detach"};

        Launcher.Result detached = Launcher.run(scratch, command);
        assertEquals(0, detached.exitCode(), detached::toString);
        assertTrue(detached.out().contains(" of 4 units are still running; run the same command again"),
                detached::toString);
        assertFalse(Files.exists(slurm), "nothing published yet");

        Launcher.Result collected = Launcher.run(scratch, command);
        for (int again = 0; again < 60 && collected.exitCode() == 0 && !Files.exists(slurm); again++) {
            Thread.sleep(1000);
            collected = Launcher.run(scratch, command);
        }
        assertEquals(0, collected.exitCode(), collected.toString());
        assertTrue(Files.exists(slurm), collected.toString());
        for (String table : List.of("theory.csv", "two-time.csv")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(table)), Files.readAllBytes(slurm.resolve(table)),
                    table);
        }
    }

    private static void assertSameTables(Path expected, Path actual) throws IOException {
        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(table)), Files.readAllBytes(actual.resolve(table)),
                    table);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
