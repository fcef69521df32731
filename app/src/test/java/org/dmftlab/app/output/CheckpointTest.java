package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint's finished units ({@link Checkpoint}, {@link UnitFile}): a unit comes back bit for bit — NaN payloads,
 * −0 and its two-time functions included — and a file that is damaged anywhere, or of another run, is not loaded.
 */
class CheckpointTest {

    private static final int STEPS = 12;

    @TempDir
    Path staging;

    private UnitStore store(String fingerprint) {
        ObjectNode record = JsonNodeFactory.instance.objectNode().put(RunReport.FINGERPRINT, fingerprint);
        return Checkpoint.start(staging, record, Map.of(Engine.SIMULATION, 1), "dmftlab run --resume x")
                .store(Engine.SIMULATION, 1, STEPS, Duration.ZERO);
    }

    private static Trajectory unit() {
        Trajectory trajectory = new Trajectory(STEPS);
        double payload = Double.longBitsToDouble(0x7ff8_0000_0000_0abcL);
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= STEPS; t++) {
                trajectory.set(observable, t, t % 3 == 0 ? -0.0 : t * 1.1 + observable.ordinal(),
                        t % 4 == 1 ? payload : 0.01 * t);
            }
        }
        TwoTimeFunctions twoTime = trajectory.recordTwoTime(TwoTimeGrid.of(STEPS));
        for (int i = 0; i < TwoTimeGrid.of(STEPS).size(); i++) {
            for (int j = 0; j <= i; j++) {
                twoTime.set(TwoTimeFunctions.Function.values()[0], i, j, i - 0.5 * j, payload);
            }
        }
        return trajectory;
    }

    private static void assertSameBits(Trajectory expected, Trajectory actual) {
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= STEPS; t++) {
                assertEquals(Double.doubleToRawLongBits(expected.value(observable, t)),
                        Double.doubleToRawLongBits(actual.value(observable, t)), observable + " at " + t);
                assertEquals(Double.doubleToRawLongBits(expected.error(observable, t)),
                        Double.doubleToRawLongBits(actual.error(observable, t)), observable + " error at " + t);
            }
        }
        TwoTimeFunctions want = expected.twoTime().orElseThrow();
        TwoTimeFunctions got = actual.twoTime().orElseThrow();
        for (TwoTimeFunctions.Function function : TwoTimeFunctions.Function.values()) {
            for (int i = 0; i < want.grid().size(); i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(Double.doubleToRawLongBits(want.value(function, i, j)),
                            Double.doubleToRawLongBits(got.value(function, i, j)), function + " " + i + "," + j);
                    assertEquals(Double.doubleToRawLongBits(want.error(function, i, j)),
                            Double.doubleToRawLongBits(got.error(function, i, j)), function + " error " + i + "," + j);
                }
            }
        }
    }

    @Test
    void aFinishedUnitComesBackBitForBitAndADamagedOneIsNotLoaded() throws IOException {
        Trajectory unit = unit();
        store("a").save(0, unit);

        assertSameBits(unit, store("a").load(0).orElseThrow());
        assertEquals(Optional.empty(), store("b").load(0), "of another run");

        Path file = staging.resolve(Checkpoint.FOLDER).resolve("simulation-0.unit");
        byte[] whole = Files.readAllBytes(file);
        for (int at = 0; at < whole.length; at += Math.max(1, whole.length / 40)) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 1;
            Files.write(file, damaged);
            assertTrue(store("a").load(0).isEmpty(), "damaged at byte " + at);
        }
        Files.write(file, Arrays.copyOf(whole, whole.length - 1));
        assertTrue(store("a").load(0).isEmpty(), "truncated");
    }
}
