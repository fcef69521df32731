package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints inside a unit on the real launcher (issue 12, "Checkpoints"): a theory of two groups and a coarser
 * quadrature's march on one thread, with {@code checkpoint.interval} 0.3 s, is stopped by SIGTERM while its first
 * group runs. The group's state is in {@code units/theory-0.partial}, the interrupted line says how far it got, and
 * {@code run --resume} continues it there and publishes tables byte-identical to an uninterrupted run (a damaged
 * state file: UnitStatesTest).
 */
class StepCheckpointIT {

    /** Three units (two groups, the coarser march of 4 species) of about two seconds each on one thread. */
    private static final List<String> SETTINGS = List.of("--engine", "theory", "--set", "steps=100", "--set",
            "theory.paths=1200", "--set", "theory.groups=2", "--set", "theory.species=8", "--set",
            "theory.response-paths=100", "--set", "problem.covariance={id: power-law, exponent: 1.0}", "--set",
            "checkpoint.interval=0.3s", "--threads", "1");
    private static final List<String> TABLES = List.of("theory.csv", "two-time.csv");
    private static final Pattern PROGRESS = Pattern.compile("0 of 3 units are saved, 1 more up to a step \\(theory-0"
            + " at step (\\d+) of 100\\), resume with: dmftlab run --resume ");

    @TempDir
    static Path shared;
    private static Map<String, byte[]> uninterrupted;

    @TempDir
    Path scratch;

    @BeforeAll
    static void runUninterrupted() throws Exception {
        Path out = shared.resolve("whole");
        Launcher.Result whole = Launcher.run(shared, args(out));
        assertEquals(0, whole.exitCode(), whole::toString);
        uninterrupted = Launcher.files(out, TABLES);
    }

    @Test
    void sigtermSavesTheGroupInProgressAndTheResumeContinuesItToTheSameTables() throws Exception {
        Path out = scratch.resolve("runs").resolve("steps");
        Path partial = interruptFirstGroup(out);

        Launcher.Result resumed = Launcher.run(scratch, "run", "--resume", out.toString());
        assertEquals(0, resumed.exitCode(), resumed::toString);
        Launcher.assertSameFiles(uninterrupted, out);
        assertFalse(Files.exists(partial.getParent()), "the staging folder is published or gone");
    }

    /** Starts the run, stops it with SIGTERM once its first group has saved a state; returns the state file. */
    private Path interruptFirstGroup(Path out) throws Exception {
        Launcher.Started started = Launcher.start(scratch, args(out));
        Process running = started.process();
        Path units = out.resolveSibling("." + out.getFileName() + ".staging-" + running.pid()).resolve("units");
        Path partial = units.resolve("theory-0.partial");
        for (int wait = 0; wait < 1200 && !Files.exists(partial); wait++) {
            assertTrue(running.isAlive(), "the run ended early");
            Thread.sleep(25);
        }
        assertTrue(Files.exists(partial), "the first group saved its state");
        assertEquals(0, finishedUnits(units), "stopped inside the first group");
        running.destroy(); // SIGTERM
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(started.err());
        assertEquals(143, running.exitValue(), "128 + SIGTERM: " + err);
        String line = err.lines().filter(l -> l.startsWith("dmftlab: interrupted: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no interrupted line: " + err));
        Matcher progress = PROGRESS.matcher(line);
        assertTrue(progress.find() && line.endsWith("--resume " + out), line);
        int step = Integer.parseInt(progress.group(1));
        assertTrue(step > 0 && step < 100, line);
        assertTrue(Files.exists(partial), "the state survives the signal");
        assertFalse(Files.exists(out), "nothing published");
        return partial;
    }

    private static int finishedUnits(Path units) throws IOException {
        try (Stream<Path> files = Files.list(units)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".unit")).count();
        }
    }

    private static String[] args(Path out) {
        List<String> args = new ArrayList<>(List.of("run",
                Launcher.root().resolve("examples/logistic-anisotropic.yaml").toString(), "--out", out.toString()));
        args.addAll(SETTINGS);
        return args.toArray(String[]::new);
    }
}
