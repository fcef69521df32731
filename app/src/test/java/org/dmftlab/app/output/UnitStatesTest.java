package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.UnitState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states of units in progress in a checkpoint ({@link UnitStates}): saved through the store when the interval
 * has passed, restored bit for bit into a fresh unit, ignored (the unit left at step 0) when the file is damaged, of
 * another run or of another unit, removed when the unit finishes, and never written with the interval off.
 */
class UnitStatesTest {

    private static final int STEPS = 9;

    @TempDir
    Path staging;

    /** A unit whose state is a step and a few doubles, NaN payloads and −0 included. */
    private static final class Counter implements UnitState {
        int next;
        final double[] values = new double[3000];

        @Override
        public int nextStep() {
            return next;
        }

        @Override
        public void exchange(StateChannel channel) {
            next = (int) channel.value(next);
            channel.doubles(values);
        }

        Counter advanced(int steps) {
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 3 == 0 ? -0.0 : i % 3 == 1 ? Double.longBitsToDouble(0x7ff8_0000_0000_0abcL) : i * 1.1;
            }
            next = steps;
            return this;
        }
    }

    private UnitStore store(String fingerprint, Duration interval) {
        ObjectNode record = JsonNodeFactory.instance.objectNode().put(RunReport.FINGERPRINT, fingerprint);
        return Checkpoint.start(staging, record, Map.of(Engine.THEORY, 2), "dmftlab run --resume x")
                .store(Engine.THEORY, 2, STEPS, interval);
    }

    private Path partial(int unit) {
        return staging.resolve(Checkpoint.FOLDER).resolve("theory-" + unit + UnitStates.SUFFIX);
    }

    /** Starts unit 1 and saves its state at step 5. */
    private Counter saved(UnitStore store) {
        Counter unit = new Counter();
        assertFalse(store.resume(1, unit), "nothing saved yet");
        store.stepDone(1, unit.advanced(5));
        assertTrue(Files.isRegularFile(partial(1)));
        return unit;
    }

    @Test
    void aSavedStateComesBackBitForBit() {
        Counter unit = saved(store("a", Duration.ofNanos(1)));
        Counter fresh = new Counter();
        assertTrue(store("a", Duration.ofNanos(1)).resume(1, fresh));
        assertEquals(5, fresh.nextStep());
        for (int i = 0; i < unit.values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(unit.values[i]), Double.doubleToRawLongBits(fresh.values[i]));
        }
        Checkpoint checkpoint = Checkpoint.of(staging);
        assertEquals("0 of 2 units are saved, 1 more up to a step (theory-1 at step 5 of 9)", checkpoint.progress());
    }

    @Test
    void aDamagedStateOrOneOfAnotherRunOrUnitIsIgnored() throws IOException {
        saved(store("a", Duration.ofNanos(1)));
        byte[] whole = Files.readAllBytes(partial(1));

        Counter other = new Counter();
        assertFalse(store("b", Duration.ofNanos(1)).resume(1, other), "another run's state");
        Files.copy(partial(1), partial(0));
        assertFalse(store("a", Duration.ofNanos(1)).resume(0, other), "another unit's state");

        for (int at : new int[] {10, whole.length / 2, whole.length - 1}) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 1;
            Files.write(partial(1), damaged);
            Counter fresh = new Counter();
            assertFalse(store("a", Duration.ofNanos(1)).resume(1, fresh), "damaged at byte " + at);
            assertEquals(0, fresh.nextStep(), "left at its start");
            assertArrayEquals(new double[fresh.values.length], fresh.values);
        }
        Files.write(partial(1), Arrays.copyOf(whole, whole.length - 40));
        assertFalse(store("a", Duration.ofNanos(1)).resume(1, new Counter()), "truncated");
    }

    @Test
    void aFinishedUnitDropsItsStateAndNoneIsWrittenWithTheIntervalOffOrNotYetDue() {
        UnitStore store = store("a", Duration.ofNanos(1));
        saved(store);
        store.save(1, new Trajectory(STEPS));
        assertFalse(Files.exists(partial(1)));

        UnitStore off = store("a", Duration.ZERO);
        Counter unit = new Counter();
        off.resume(1, unit);
        off.stepDone(1, unit.advanced(3));
        assertFalse(Files.exists(partial(1)), "interval off");

        UnitStore hourly = store("a", Duration.ofHours(1));
        hourly.resume(1, unit);
        hourly.stepDone(1, unit.advanced(4));
        assertFalse(Files.exists(partial(1)), "not due for an hour");
    }

    @Test
    void aRunThatEndsHoweverLeavesNoUnitInFlightForALaterSignalToWaitFor(@TempDir Path runs) {
        for (boolean kept : new boolean[] {false, true}) {
            Path target = runs.resolve(kept ? "kept" : "failed");
            OutputFolder output = OutputFolder.open(target, "--out", new PrintWriter(Writer.nullWriter()));
            ObjectNode record = JsonNodeFactory.instance.objectNode().put(RunReport.FINGERPRINT, "a");
            UnitStore store = output.checkpoint(record, Map.of(Engine.THEORY, 2), "dmftlab run --resume x")
                    .store(Engine.THEORY, 2, STEPS, Duration.ofHours(1));
            store.resume(0, new Counter());
            Path staging = output.staging();
            assertTrue(UnitStates.inFlight().stream().anyMatch(file -> file.startsWith(staging)),
                    "a unit in progress is waited for: " + UnitStates.inFlight());

            if (kept) {
                output.keep();      // --detach, or units that failed after their retries
            } else {
                output.close();     // the unit threw: the run failed without publishing
            }

            assertTrue(UnitStates.inFlight().stream().noneMatch(file -> file.startsWith(staging)),
                    (kept ? "kept: " : "failed: ") + UnitStates.inFlight());
            output.close();
        }
    }
}
