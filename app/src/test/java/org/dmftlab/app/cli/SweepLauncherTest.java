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
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of {@code dmftlab sweep} (DESIGN.md, "Launchers"): chosen with {@code --launcher} or the file's
 * {@code launcher:} block, its parameters validated before anything runs; and {@code --point}, the task of one grid
 * point, which writes exactly what the whole sweep writes for that point, and publishes a divergence as the point's
 * result (exit 0), which no launcher runs again.
 */
class SweepLauncherTest {

    private static final String SWEEP = """
            name: tiny
            base: a.yaml
            grid:
              optimizer.learning-rate: [0.05, 0.1]
            """;

    @TempDir
    Path dir;

    @Test
    void theLocalLauncherWithRetriesGivesTheSameTablesAsTheDefault() throws IOException {
        Path file = files(SWEEP);
        Path plain = dir.resolve("plain");
        Path local = dir.resolve("local");

        Outcome byDefault = dmftlab("sweep", file.toString(), "--out", plain.toString(), "--engine", "theory");
        Outcome chosen = dmftlab("sweep", file.toString(), "--out", local.toString(), "--engine", "theory",
                "--launcher", "local", "--set", "launcher.retries=2", "--threads", "1");

        assertEquals(0, byDefault.exitCode(), byDefault.err());
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertSameBytes(plain, local, "summary.csv", "learning-rate=0.05/theory.csv", "learning-rate=0.1/theory.csv");
    }

    @Test
    void aPointRunAloneWritesWhatTheSweepWritesForIt() throws IOException {
        Path file = files(SWEEP);
        Path whole = dir.resolve("whole");
        Path alone = dir.resolve("alone");
        assertEquals(0, dmftlab("sweep", file.toString(), "--out", whole.toString()).exitCode());

        Outcome point = dmftlab("sweep", file.toString(), "--out", alone.toString(), "--point", "learning-rate=0.1",
                "--threads", "1");

        assertEquals(0, point.exitCode(), point.err());
        assertSameBytes(whole, alone, "learning-rate=0.1/theory.csv", "learning-rate=0.1/simulation.csv",
                "learning-rate=0.1/comparison.csv");
        assertFalse(Files.exists(alone.resolve("learning-rate=0.05")), "only the point runs");
        assertFalse(Files.exists(alone.resolve("summary.csv")), "a point task writes no summary");
    }

    @Test
    void aDivergingPointIsPublishedAsDivergedNotRetriedAndFailsNothing() throws IOException {
        Path file = files(SWEEP.replace("0.1]", "30]"));
        Path out = dir.resolve("out");

        Outcome sweep = dmftlab("sweep", file.toString(), "--out", out.toString(), "--launcher", "local", "--set",
                "launcher.retries=2", "--threads", "1");

        assertEquals(0, sweep.exitCode(), sweep.err());
        assertFalse(sweep.out().contains("retrying"), "a published divergence is the point's result:\n" + sweep.out());
        assertTrue(sweep.out().contains("(2 points, 0 failed, 1 diverged)"), sweep.out());
        assertTrue(Files.readAllLines(out.resolve("summary.csv")).get(2).startsWith("30,learning-rate=30,diverged,"
                + "theory diverged at step "), () -> out.resolve("summary.csv").toString());
        assertTrue(Files.readString(out.resolve("learning-rate=30/run.json")).contains("\"diverged\" : [ {"));
    }

    @Test
    void aDivergingPointRunAloneEndsWithExitZeroAfterPublishingItsDivergence() throws IOException {
        Path file = files(SWEEP.replace("0.1]", "30]"));
        Path out = dir.resolve("out");

        Outcome point = dmftlab("sweep", file.toString(), "--out", out.toString(), "--point", "learning-rate=30",
                "--threads", "1");

        assertEquals(0, point.exitCode(), "the task of a point that diverged succeeded: " + point.err());
        assertEquals("", point.err());
        assertTrue(point.out().matches("(?s)theory diverged at step \\d+ \\(\\w+\\), recorded in run\\.json\n"
                + "simulation diverged at step \\d+ \\(\\w+\\), recorded in run\\.json\nwrote .*"), point.out());
        assertTrue(Files.readString(out.resolve("learning-rate=30/run.json")).contains("\"engine\" : \"simulation\""));
    }

    @Test
    void anUnknownPointIsRefused() {
        Path file = files(SWEEP);

        Outcome point = dmftlab("sweep", file.toString(), "--out", dir.resolve("o").toString(), "--point", "nope");

        assertEquals(2, point.exitCode(), point.err());
        assertTrue(point.err().contains("[cli/bad-argument] --point = nope"), point.err());
    }

    @Test
    void aBadLauncherParameterIsRefusedBeforeAnythingRuns() {
        Path file = files(SWEEP);
        Path out = dir.resolve("out");

        Outcome range = dmftlab("sweep", file.toString(), "--out", out.toString(), "--set", "launcher.retries=-1");
        Outcome key = dmftlab("sweep", file.toString(), "--out", out.toString(), "--set", "launcher.partition=x");
        Outcome id = dmftlab("sweep", file.toString(), "--out", out.toString(), "--launcher", "nowhere");

        assertRefused(range, "dmftlab: --set: [config/out-of-range] launcher.retries = -1");
        assertRefused(key, "dmftlab: --set: [config/unknown-key] launcher.partition = x");
        assertRefused(id, "dmftlab: --launcher: [plugins/unknown-id] launcher.id = nowhere");
        assertTrue(id.err().contains("known: local"), id.err());
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void slurmParametersAreCheckedBeforeAnythingRuns() {
        Path file = files(SWEEP);
        Path out = dir.resolve("out");

        Outcome time = dmftlab("sweep", file.toString(), "--out", out.toString(), "--launcher", "slurm",
                "--set", "launcher.time-limit=soon");
        Outcome unavailable = dmftlab("sweep", file.toString(), "--out", out.toString(), "--launcher", "slurm");

        assertRefused(time, "dmftlab: --set: [config/out-of-range] launcher.time-limit = soon: 'slurm' expects time"
                + " limit of each task");
        // In this JVM there is no ./dmftlab script for the tasks to run.
        assertRefused(unavailable, "dmftlab: [launcher/unavailable] launcher.id = slurm: the tasks run the dmftlab"
                + " script");
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void theLocalLauncherCannotDetach() {
        Path file = files(SWEEP);
        Path out = dir.resolve("out");

        Outcome outcome = dmftlab("sweep", file.toString(), "--out", out.toString(), "--detach");

        assertRefused(outcome, "dmftlab: [launcher/cannot-detach] launcher.id = local: the tasks of the local launcher"
                + " are threads of this process");
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void theSweepFileMayNameTheLauncher() {
        Path file = files(SWEEP + "launcher: {id: local, retries: 1000}\n");

        Outcome outcome = dmftlab("sweep", file.toString(), "--out", dir.resolve("out").toString());

        assertRefused(outcome, "dmftlab: " + file + ": [config/out-of-range] launcher.retries = 1000");
    }

    private Path files(String sweep) {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        return TestExperiments.write(dir, "tiny.yaml", sweep);
    }

    private static void assertRefused(Outcome outcome, String start) {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith(start), outcome.err());
    }

    private static void assertSameBytes(Path one, Path other, String... files) throws IOException {
        for (String file : List.of(files)) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(other.resolve(file)), file);
        }
    }
}
