package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints and resume on the real launcher (issue 12, defect 10): a run stopped by SIGTERM or {@code kill -9}
 * in the middle of its theory keeps the units it finished (the theory's groups, the simulation's seeds), SIGTERM
 * exits 143 with one line naming the command that resumes it, and that command publishes tables byte-identical to
 * those of an uninterrupted run. A resume with other settings is refused (exit 2) and keeps the saved units.
 */
class ResumeIT {

    /** Twelve units (eight theory groups of about a second each on one thread, four seeds). */
    private static final List<String> SETTINGS = List.of("--set", "steps=100", "--set", "theory.paths=8000",
            "--set", "simulation.dimension=300", "--set", "simulation.seeds=4", "--threads", "1");
    private static final List<String> TABLES = List.of("theory.csv", "simulation.csv", "comparison.csv",
            "two-time.csv");

    @TempDir
    static Path shared;
    private static Map<String, byte[]> uninterrupted;

    @TempDir
    Path scratch;

    @BeforeAll
    static void runUninterrupted() throws Exception {
        Path out = shared.resolve("whole");
        Launcher.Result whole = Launcher.run(shared, args(out, List.of()));
        assertEquals(0, whole.exitCode(), whole::toString);
        uninterrupted = Launcher.files(out, TABLES);
    }

    @Test
    void sigtermKeepsTheFinishedUnitsAndTheResumeCommandPublishesTheSameTables() throws Exception {
        Path out = scratch.resolve("runs").resolve("logistic");
        Launcher.Started started = Launcher.start(scratch, args(out, List.of()));
        Process running = started.process();
        Path units = unitsOf(out, running, 2);
        running.destroy(); // SIGTERM
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(started.err());

        assertEquals(143, running.exitValue(), "128 + SIGTERM: " + err);
        String resumeLine = err.lines().filter(line -> line.startsWith("dmftlab: interrupted: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no interrupted line: " + err));
        assertTrue(resumeLine.contains(" units are saved"), resumeLine);
        assertTrue(resumeLine.endsWith(", resume with: dmftlab run --resume " + out), resumeLine);
        int saved = savedUnits(units);
        assertTrue(saved >= 2 && saved < 12, "stopped midway, with finished units: " + saved);
        assertFalse(Files.exists(out), "nothing published");

        Launcher.Result other = Launcher.run(scratch, args(null, List.of("--set", "steps=101", "--resume",
                out.toString())));
        assertEquals(2, other.exitCode(), other::toString);
        assertTrue(other.err().startsWith("dmftlab: [output/checkpoint-mismatch] --resume = " + out
                + ": was interrupted while running another configuration (steps 100 there, 101 here)"), other::toString);
        assertEquals(1, other.err().lines().count(), other::toString);
        assertEquals(saved, savedUnits(units), "a refused resume keeps the saved units");

        List<String> command = new ArrayList<>(Arrays.asList(resumeLine.substring(resumeLine.indexOf("dmftlab run")
                + "dmftlab ".length()).split(" ")));
        Launcher.Result resumed = Launcher.run(scratch, command.toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.out().contains("dmftlab: resuming " + out), resumed::toString);
        Launcher.assertSameFiles(uninterrupted, out);
        assertEquals(List.of("logistic"), names(out.getParent()), "nothing left beside the folder");
    }

    @Test
    void killNineLosesOnlyTheUnitsInFlight() throws Exception {
        Path out = scratch.resolve("runs").resolve("logistic");
        Process running = Launcher.start(scratch, args(out, List.of())).process();
        Path units = unitsOf(out, running, 1);
        running.destroyForcibly(); // SIGKILL
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, running.exitValue(), "128 + SIGKILL");
        assertTrue(savedUnits(units) >= 1, "the finished units survive");

        Launcher.Result resumed = Launcher.run(scratch, "run", "--resume", out.toString(), "--threads", "2");
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.out().contains("dmftlab: cleared the stale lock of process " + running.pid()),
                resumed::toString);
        Launcher.assertSameFiles(uninterrupted, out);
    }

    @Test
    void aFolderWithoutAnInterruptedRunHasNothingToResume() throws Exception {
        Path out = scratch.resolve("never");
        Launcher.Result refused = Launcher.run(scratch, "run", "--resume", out.toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("dmftlab: [output/nothing-to-resume] --resume = " + out
                + ": holds no interrupted run to resume"), refused::toString);
        assertEquals(1, refused.err().lines().count(), refused::toString);
    }

    /** The checkpoint folder of the run writing {@code out}, once it holds at least {@code count} finished units. */
    private static Path unitsOf(Path out, Process running, int count) throws IOException, InterruptedException {
        for (int wait = 0; wait < 1200; wait++) {
            assertTrue(running.isAlive(), "the run ended early");
            Path units = out.resolveSibling("." + out.getFileName() + ".staging-" + running.pid()).resolve("units");
            if (Files.isDirectory(units) && savedUnits(units) >= count) {
                return units;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run never saved " + count + " units for " + out);
    }

    private static int savedUnits(Path units) throws IOException {
        try (Stream<Path> files = Files.list(units)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".unit")).count();
        }
    }

    private static String[] args(Path out, List<String> more) {
        List<String> args = new ArrayList<>(List.of("run",
                Launcher.root().resolve("examples/logistic-anisotropic.yaml").toString()));
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        args.addAll(SETTINGS);
        args.addAll(more);
        return args.toArray(String[]::new);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
