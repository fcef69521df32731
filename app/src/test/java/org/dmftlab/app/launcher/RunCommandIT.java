package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dmftlab run} on the real distribution and module path (so Jackson's and picocli's {@code opens} are
 * really exercised): the shipped examples, shrunk with {@code --set}, run both engines and write the whole output
 * folder; invalid input exits with 2 and one line.
 */
class RunCommandIT {

    @TempDir
    Path scratch;

    @Test
    void paperFigureExampleRunsBothEngines() throws Exception {
        Path out = scratch.resolve("paper-figure");

        Launcher.Result result = Launcher.run(scratch, "run", Launcher.root().resolve("examples/paper-figure.yaml")
                        .toString(), "--out", out.toString(), "--threads", "2", "--set", "steps=10",
                "--set", "simulation.dimension=200", "--set", "simulation.seeds=2");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err(), result::toString);
        for (String name : List.of("theory.csv", "simulation.csv", "comparison.csv", "figure.png", "run.json")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        assertEquals(1 + 11, Files.readAllLines(out.resolve("simulation.csv")).size());
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"module\" : \"org.dmftlab.optimizers@"),
                result::toString);
    }

    @Test
    void sgdBatchExampleRunsTheSampledTheory() throws Exception {
        Path out = scratch.resolve("sgd-batch");

        Launcher.Result result = Launcher.run(scratch, "run", Launcher.root().resolve("examples/sgd-batch.yaml")
                .toString(), "--out", out.toString(), "--engine", "theory", "--set", "steps=10",
                "--set", "theory.paths=4000");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1 + 11, Files.readAllLines(out.resolve("theory.csv")).size());
    }

    @Test
    void invalidOverrideExitsWithTwoAndOneLine() throws Exception {
        Path example = Launcher.root().resolve("examples/paper-figure.yaml");

        Launcher.Result result = Launcher.run(scratch, "run", example.toString(), "--out",
                scratch.resolve("never").toString(), "--set", "problem.alpha=zero");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("dmftlab: " + example + " (--set problem.alpha=zero): [config/wrong-type] problem.alpha = zero:"
                + " expected a real number\n", result.err());
        assertTrue(Files.notExists(scratch.resolve("never")));
    }

    @Test
    void seedsRunOneAtATimeWhenOnlyOneFitsInTheHeap() throws Exception {
        Path out = scratch.resolve("one-at-a-time");

        // X is 6600 × 2200 doubles, 111 MiB a seed: one fits in a 300 MiB heap, three at once (one per thread) not.
        Launcher.Result result = Launcher.runWithHeap(scratch, "300m", "run",
                Launcher.root().resolve("examples/paper-figure.yaml").toString(), "--out", out.toString(),
                "--engine", "simulation", "--threads", "3", "--set", "steps=2", "--set", "simulation.dimension=2200",
                "--set", "simulation.seeds=3", "--set", "simulation.precision=double");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err(), result::toString);
        assertEquals(1 + 3, Files.readAllLines(out.resolve("simulation.csv")).size());
    }

    @Test
    void aSimulationThatCannotFitInTheHeapIsRefusedBeforeItStarts() throws Exception {
        Path example = Launcher.root().resolve("examples/paper-figure.yaml");

        Launcher.Result result = Launcher.runWithHeap(scratch, "300m", "run", example.toString(), "--out",
                scratch.resolve("never").toString(), "--set", "simulation.dimension=5000",
                "--set", "simulation.precision=double");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("dmftlab: " + example + " (--set simulation.dimension=5000):"
                + " [simulation/too-large] simulation.dimension = 5000:"
                + " one seed needs "), result::toString);
        for (String named : List.of("simulation.seeds = 10", "the heap of ", "-Xmx",
                "set simulation.precision: single")) {
            assertTrue(result.err().contains(named), () -> named + " in " + result);
        }
        assertTrue(Files.notExists(scratch.resolve("never")));
    }

    @Test
    void aLongSimulationSaysHowLongItWillTakeBeforeItStarts() throws Exception {
        Path out = scratch.resolve("long");

        Launcher.Started started = Launcher.start(scratch, "run",
                Launcher.root().resolve("examples/paper-figure.yaml").toString(), "--out", out.toString(),
                "--engine", "simulation", "--threads", "2", "--set", "steps=200000");
        String estimate = null;
        try {
            for (int wait = 0; wait < 600 && estimate == null && started.process().isAlive(); wait++) {
                estimate = Files.readAllLines(started.err()).stream()
                        .filter(line -> line.startsWith("dmftlab: estimate: simulation: ")).findFirst().orElse(null);
                Thread.sleep(100);
            }
        } finally {
            started.process().destroyForcibly().waitFor();
        }

        assertTrue(estimate != null, () -> "no estimate: " + read(started.err()));
        assertTrue(estimate.matches(".*X is 6000 × 2000 in single precision, .*; about [0-9.]+ h"), estimate);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            return unreadable.toString();
        }
    }
}
