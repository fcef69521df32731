package org.dmftlab.validation.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.UnitState;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheoryResult;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * A unit in progress saved between two steps and restored into a fresh engine continues with the bits of a unit that
 * never stopped (issue 12, "Checkpoints"; DESIGN.md, "Units of a run"): every unit of a run saves its state at step
 * {@value #SAVED_AT} and runs to the end; a second run is given only those states (no finished unit), restores every
 * unit from them, computes only the remaining steps and must give the same bits, two-time functions included. The
 * horizon is longer than the data side's window of recent responses (32), so the stored far-lag responses are part
 * of the state.
 */
class StepCheckpointsTest {

    private static final int STEPS = 40;
    private static final int SAVED_AT = 23;

    /** Monte-Carlo: logistic loss, mini-batch, Nesterov (look-ahead), Langevin noise, power-law spectrum. */
    private static final Experiment SAMPLED = new Experiment(new Problem(2, 0.05, Plugins.signTeacher(0.1),
            Plugins.loss("logistic"), Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0.1, 1),
            Plugins.optimizer("nesterov", Map.of("learning-rate", 0.2, "momentum", 0.5, "batch-fraction", 0.5,
                    "temperature", 0.01)), STEPS).withTwoTimeFunctions();
    private static final TheorySettings MONTE_CARLO = new TheorySettings(400, 11, 6, 100,
            TheorySettings.Mode.MONTE_CARLO, 2, 2);

    /** Exact: square loss at full batch, heavy ball, power-law spectrum (a coarser march too). */
    private static final Experiment GAUSSIAN = new Experiment(new Problem(2, 0.05, Plugins.linearTeacher(0.1),
            Plugins.loss("square"), Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0.1, 1),
            Plugins.optimizer("heavy-ball", Map.of("learning-rate", 0.2, "momentum", 0.5)), STEPS)
            .withTwoTimeFunctions();
    private static final TheorySettings EXACT = new TheorySettings(400, 11, 6, 100, TheorySettings.Mode.EXACT, 2, 2);

    /** Heavy ball at batch fraction 1/2 with Langevin noise, four seeds in single precision. */
    private static final Experiment SIMULATED = new Experiment(new Problem(2, 0.05, Plugins.signTeacher(0.1),
            Plugins.loss("logistic"), Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0.1, 1),
            Plugins.optimizer("heavy-ball", Map.of("learning-rate", 0.2, "momentum", 0.5, "batch-fraction", 0.5,
                    "temperature", 0.01)), STEPS).withTwoTimeFunctions();
    private static final SimulationSettings SIMULATION = new SimulationSettings(300, 4, 5, 2);

    /** Saves every unit's state when it reaches {@link #SAVED_AT}; restores the states it was given. */
    private static final class PartialStore implements UnitStore {
        final Map<Integer, byte[]> partial = new ConcurrentHashMap<>();
        final Map<Integer, byte[]> given;
        final AtomicInteger stepsDone = new AtomicInteger();

        PartialStore(Map<Integer, byte[]> given) {
            this.given = given;
        }

        @Override
        public Optional<Trajectory> load(int unit) {
            return Optional.empty();
        }

        @Override
        public void save(int unit, Trajectory trajectory) {
        }

        @Override
        public boolean resume(int unit, UnitState state) {
            byte[] saved = given.get(unit);
            if (saved == null) {
                return false;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved));
            state.exchange(new Reader(in));
            try {
                assertEquals(0, in.available(), "the whole state is read back");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }

        @Override
        public void stepDone(int unit, UnitState state) {
            stepsDone.incrementAndGet();
            if (state.nextStep() == SAVED_AT) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                state.exchange(new Writer(new DataOutputStream(bytes)));
                partial.put(unit, bytes.toByteArray());
            }
        }
    }

    @Test
    void aMonteCarloMarchRestoredMidwayGivesTheBitsOfAnUninterruptedOne() {
        restoredRunsGiveTheSameBits(SAMPLED, MONTE_CARLO, 3);
    }

    @Test
    void aMarchWithDoublePrecisionHistoriesRestoredMidwayGivesTheBitsOfAnUninterruptedOne() {
        restoredRunsGiveTheSameBits(SAMPLED, MONTE_CARLO.withPrecision(Precision.DOUBLE), 3);
    }

    @Test
    void anExactMarchRestoredMidwayGivesTheBitsOfAnUninterruptedOne() {
        restoredRunsGiveTheSameBits(GAUSSIAN, EXACT, 2);
    }

    @Test
    void aSimulationSeedRestoredMidwayGivesTheBitsOfAnUninterruptedOne() {
        SimulationEngine engine = new SimulationEngine();
        PartialStore first = new PartialStore(Map.of());
        Trajectory uninterrupted = engine.run(SIMULATED, SIMULATION, Progress.NONE, first);
        assertEquals(SIMULATION.seeds(), first.partial.size(), "every seed saved its state at step " + SAVED_AT);
        assertEquals(SIMULATION.seeds() * STEPS, first.stepsDone.get());

        PartialStore second = new PartialStore(first.partial);
        Trajectory resumed = engine.run(SIMULATED, SIMULATION, Progress.NONE, second);
        assertEquals(SIMULATION.seeds() * (STEPS - SAVED_AT), second.stepsDone.get());
        assertSameBits(uninterrupted, resumed);

        PartialStore alone = new PartialStore(first.partial);
        Trajectory seed = engine.unit(SIMULATED, SIMULATION, 2, Progress.NONE, alone);
        assertEquals(STEPS - SAVED_AT, alone.stepsDone.get(), "a seed computed alone continues too");
        assertSameBits(engine.unit(SIMULATED, SIMULATION, 2, Progress.NONE), seed);
    }

    /** The state restored is really used: unit 0 given unit 1's state ends elsewhere. */
    @Test
    void aRestoredStateIsUsedAsItIs() {
        TheoryEngine engine = new TheoryEngine();
        PartialStore first = new PartialStore(Map.of());
        Trajectory uninterrupted = engine.run(SAMPLED, MONTE_CARLO, Progress.NONE, first).trajectory();
        PartialStore swapped = new PartialStore(Map.of(0, first.partial.get(1), 1, first.partial.get(1),
                2, first.partial.get(2)));
        Trajectory wrong = engine.run(SAMPLED, MONTE_CARLO, Progress.NONE, swapped).trajectory();
        assertNotEquals(uninterrupted.value(Observable.OVERLAP, STEPS), wrong.value(Observable.OVERLAP, STEPS));
    }

    private static void restoredRunsGiveTheSameBits(Experiment experiment, TheorySettings settings, int units) {
        TheoryEngine engine = new TheoryEngine();
        assertEquals(units, engine.units(experiment, settings));
        PartialStore first = new PartialStore(Map.of());
        TheoryResult uninterrupted = engine.run(experiment, settings, Progress.NONE, first);
        assertEquals(units, first.partial.size(), "every unit saved its state at step " + SAVED_AT);
        assertEquals(units * (STEPS), first.stepsDone.get());

        PartialStore second = new PartialStore(first.partial);
        TheoryResult resumed = engine.run(experiment, settings, Progress.NONE, second);
        assertEquals(units * (STEPS - SAVED_AT), second.stepsDone.get(), "only the steps after the saved one");
        assertSameBits(uninterrupted.trajectory(), resumed.trajectory());
        for (Observable observable : Observable.values()) {
            assertEquals(uninterrupted.quadrature().orElseThrow().bound(observable),
                    resumed.quadrature().orElseThrow().bound(observable), observable.column());
        }
    }

    static void assertSameBits(Trajectory expected, Trajectory actual) {
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= STEPS; t++) {
                assertEquals(Double.doubleToRawLongBits(expected.value(observable, t)),
                        Double.doubleToRawLongBits(actual.value(observable, t)), observable + " " + t);
                assertEquals(Double.doubleToRawLongBits(expected.error(observable, t)),
                        Double.doubleToRawLongBits(actual.error(observable, t)), "error " + observable + " " + t);
            }
        }
        TwoTimeFunctions first = expected.twoTime().orElseThrow();
        TwoTimeFunctions second = actual.twoTime().orElseThrow();
        assertTrue(first.grid().size() > 2);
        for (int i = 0; i < first.grid().size(); i++) {
            for (int j = 0; j <= i; j++) {
                for (TwoTimeFunctions.Function function : TwoTimeFunctions.Function.values()) {
                    assertEquals(Double.doubleToRawLongBits(first.value(function, i, j)),
                            Double.doubleToRawLongBits(second.value(function, i, j)), function + " " + i + "," + j);
                }
            }
        }
    }

    /** A channel that writes to a stream. */
    record Writer(DataOutputStream out) implements StateChannel {
        @Override
        public void doubles(double[] values) {
            try {
                for (double value : values) {
                    out.writeLong(Double.doubleToRawLongBits(value));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long value(long value) {
            try {
                out.writeLong(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return value;
        }
    }

    /** A channel that reads from a stream. */
    record Reader(DataInputStream in) implements StateChannel {
        @Override
        public void doubles(double[] values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.longBitsToDouble(in.readLong());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long value(long value) {
            try {
                return in.readLong();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
