package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dmftlab sweep} and {@code ./dmftlab run --replay} on the real distribution and module path (so Guice's
 * {@code requires} and {@code opens} are really exercised), with the shipped sweep example shrunk by {@code --set}.
 */
class SweepCommandIT {

    @TempDir
    Path scratch;

    @Test
    void sweepExampleRunsEveryPointAndAPointReplaysByteForByte() throws Exception {
        Path out = scratch.resolve("sweep");

        Launcher.Result result = Launcher.run(scratch, "sweep", Launcher.root().resolve("examples/sweep-batch.yaml")
                .toString(), "--out", out.toString(), "--threads", "2", "--set", "steps=4",
                "--set", "theory.paths=1000", "--set", "simulation.dimension=100", "--set", "simulation.seeds=2");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1 + 9, Files.readAllLines(out.resolve("summary.csv")).size(), result::toString);
        assertTrue(Files.size(out.resolve("summary.png")) > 0);

        Path point = out.resolve("learning-rate=0.1_batch-fraction=0.5");
        Path again = scratch.resolve("again");
        Launcher.Result replay = Launcher.run(scratch, "run", "--replay", point.resolve("run.json").toString(),
                "--out", again.toString());

        assertEquals(0, replay.exitCode(), replay::toString);
        assertArrayEquals(Files.readAllBytes(point.resolve("simulation.csv")),
                Files.readAllBytes(again.resolve("simulation.csv")));
    }
}
