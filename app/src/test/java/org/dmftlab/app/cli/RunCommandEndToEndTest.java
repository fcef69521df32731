package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny real runs of both engines through {@code Main.execute}: the output folder of DESIGN.md, determinism across
 * thread counts, divergence and refusals. Sizes are minimal (T = 5, d = 100, 2000 paths): these check the plumbing,
 * the engines' accuracy is checked in core and validation.
 */
class RunCommandEndToEndTest {

    private static final String TRAJECTORY_HEADER = "step,m,q,M,Q,train_loss,test_loss,test_error,";

    @TempDir
    Path dir;

    @Test
    void theoryAloneWritesItsTableTheFigureAndTheReportLast() throws IOException {
        Path out = dir.resolve("theory-only");

        Outcome outcome = dmftlab("run", experiment(), "--engine", "theory", "--out", out.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(Set.of("theory.csv", "figure.png", "two-time.csv", "two-time.png", "run.json"), files(out),
                "no temporary files either; two-time functions by default for T <= 200");
        List<String> table = Files.readAllLines(out.resolve("theory.csv"));
        assertTrue(table.get(0).startsWith(TRAJECTORY_HEADER + "m_mc,"), table.get(0));
        assertEquals(1 + 6, table.size(), "header and t = 0…5");
        assertTrue(table.get(1).startsWith("0,0.2,1.04,"), "m(0) = m0, q(0) = m0² + c0: " + table.get(1));
        assertTrue(outcome.out().contains("theory: 5 steps in "), outcome.out());
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"engine\" : \"theory\""));
    }

    @Test
    void bothEnginesByDefaultWriteTheComparison() throws IOException {
        Path out = dir.resolve("both");

        Outcome outcome = dmftlab("run", experiment(), "--out", out.toString(), "--threads", "2");

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(Set.of("theory.csv", "simulation.csv", "comparison.csv", "figure.png", "two-time.csv",
                "two-time.png", "run.json"), files(out));
        List<String> twoTime = Files.readAllLines(out.resolve("two-time.csv"));
        assertEquals("t,s,theory_C,theory_C_mc,theory_R,theory_R_mc,simulation_C,simulation_C_se", twoTime.get(0));
        assertEquals(1 + 6 * 7 / 2, twoTime.size(), "every pair s <= t of t = 0…5");
        assertTrue(twoTime.get(1).startsWith("0,0,1.04,0.0,0.0,0.0,"), "C(0,0) = q(0), R(0,0) = 0: " + twoTime.get(1));
        assertTrue(Files.readString(out.resolve("simulation.csv")).startsWith(TRAJECTORY_HEADER + "m_se,"));
        List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals("observable,max_abs_difference,max_difference_over_error", comparison.get(0));
        assertEquals(List.of("m", "q", "M", "Q", "train_loss", "test_loss", "test_error"),
                comparison.stream().skip(1).map(line -> line.split(",")[0]).toList());
        for (String row : comparison.subList(1, comparison.size())) {
            double ratio = Double.parseDouble(row.split(",")[2]);
            assertTrue(Double.isFinite(ratio) && ratio >= 0, row);
        }
    }

    @Test
    void sameSeedGivesByteIdenticalSimulationTablesForAnyThreadCount() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        String file = experiment();

        assertEquals(0, dmftlab("run", file, "--engine", "simulation", "--threads", "1", "--out", one.toString(),
                "--set", "simulation.dimension=200", "--set", "simulation.seeds=3").exitCode());
        assertEquals(0, dmftlab("run", file, "--engine", "simulation", "--threads", "2", "--out", two.toString(),
                "--set", "simulation.dimension=200", "--set", "simulation.seeds=3").exitCode());

        assertArrayEquals(Files.readAllBytes(one.resolve("simulation.csv")),
                Files.readAllBytes(two.resolve("simulation.csv")));
    }

    @Test
    void divergingRunExitsWithOneNamingStepAndObservableAndLeavesNoReport() {
        Path out = dir.resolve("diverged");

        Outcome outcome = dmftlab("run", experiment(), "--out", out.toString(),
                "--set", "optimizer.learning-rate=1.0", "--set", "steps=60");

        assertEquals(1, outcome.exitCode(), outcome.err());
        List<String> lines = outcome.err().lines().toList();
        assertEquals(2, lines.size(), "the stability warning, then the failure: " + outcome.err());
        assertTrue(lines.get(0).startsWith("dmftlab: warning: learning rate 1 is above the full-batch stability limit"),
                lines.get(0));
        assertTrue(lines.get(1).matches("dmftlab: \\[run/diverged] .*step \\d+: (m|q|M|Q|train_loss|test_loss|test_error)"
                + " = .*"), lines.get(1));
        assertFalse(outcome.err().contains("Exception"), outcome.err());
        assertFalse(Files.exists(out.resolve("run.json")));
    }

    @Test
    void aRefusalOfTheTheoryNamesTheFile() {
        String file = experiment();

        Outcome outcome = dmftlab("run", file, "--out", dir.resolve("refused").toString(), "--engine", "theory",
                "--set", "theory.mode=exact", "--set", "optimizer.batch-fraction=0.5");

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + file + " (--set theory.mode=exact): [theory/exact-unavailable]"),
                outcome.err());
    }

    @Test
    void theTheoryRefusesARuleOutsideTheLinearFamilyBeforeTheSimulationRuns() {
        String file = experiment();
        Path out = dir.resolve("sign");

        Outcome outcome = dmftlab("run", file, "--out", out.toString(), "--set", "optimizer.id=sign-sgd");

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + file + " (--set optimizer.id=sign-sgd): [theory/nonlinear-rule]"
                + " optimizer.id = sign-sgd: "),
                outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertFalse(Files.exists(out.resolve("simulation.csv")));
    }

    @Test
    void aNewRunReplacesTheFilesOfTheEarlierRunInItsFolder() throws IOException {
        Path out = dir.resolve("reused");
        assertEquals(0, dmftlab("run", experiment(), "--out", out.toString()).exitCode());

        assertEquals(0, dmftlab("run", experiment(), "--out", out.toString(), "--engine", "simulation").exitCode());

        assertEquals(Set.of("simulation.csv", "figure.png", "two-time.csv", "two-time.png", "run.json"), files(out),
                "no stale theory or comparison");
        assertEquals("t,s,simulation_C,simulation_C_se", Files.readAllLines(out.resolve("two-time.csv")).get(0));
    }

    @Test
    void twoTimeFunctionsAreLeftOutWhenTheFigureBlockSaysSo() throws IOException {
        Path out = dir.resolve("no-two-time");

        Outcome outcome = dmftlab("run", experiment(), "--engine", "theory", "--out", out.toString(), "--set",
                "figure.two-time=false");

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(Set.of("theory.csv", "figure.png", "run.json"), files(out));
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"two-time\" : false"));
    }

    @Test
    void sampledTheoryReportsItsMonteCarloError() throws IOException {
        Path out = dir.resolve("sampled");

        Outcome outcome = dmftlab("run", experiment(), "--engine", "theory", "--out", out.toString(),
                "--set", "optimizer.batch-fraction=0.3");

        assertEquals(0, outcome.exitCode(), outcome.err());
        String[] header = Files.readAllLines(out.resolve("theory.csv")).get(0).split(",");
        String[] lastRow = Files.readAllLines(out.resolve("theory.csv")).get(6).split(",");
        int mc = List.of(header).indexOf("m_mc");
        double error = Double.parseDouble(lastRow[mc]);
        assertTrue(error > 0 && error < 0.1, "a small positive Monte-Carlo error on m: " + error);
    }

    private String experiment() {
        return TestExperiments.write(dir, "a.yaml", CONFIG_A).toString();
    }

    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
