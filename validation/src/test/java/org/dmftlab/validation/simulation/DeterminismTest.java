package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.simulation.SimulationStepper;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Same seed ⇒ bit-identical trajectories whatever the number of threads and however many seeds are in flight at
 * once, for one seed (row blocks in parallel) and for several seeds (seeds in parallel), with X in single and in
 * double precision. The case exercises every random source: mini-batch selections, a look-ahead query point
 * (Nesterov), Langevin noise, label noise, and several row blocks (n = 900).
 */
class DeterminismTest {

    private static final int STEPS = 12;

    private static final Experiment EXPERIMENT = new Experiment(
            new Problem(3.0, 0.1, Plugins.signTeacher(0.1), Plugins.loss("logistic"), Plugins.identity(),
                    0.3, 0.5),
            Plugins.optimizer("nesterov", Map.of("learning-rate", 0.2, "batch-fraction", 0.4, "momentum", 0.5,
                    "temperature", 0.01)),
            STEPS);

    private static Trajectory simulate(int seeds, int threads, Precision precision) {
        return Experiments.simulate(EXPERIMENT, new SimulationSettings(300, seeds, 42, threads, precision));
    }

    private static void assertIdentical(Trajectory expected, Trajectory actual) {
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= STEPS; t++) {
                assertEquals(expected.value(observable, t), actual.value(observable, t), 0.0,
                        observable.column() + "(" + t + ")");
                assertEquals(expected.error(observable, t), actual.error(observable, t), 0.0,
                        observable.column() + "_se(" + t + ")");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void oneSeedDoesNotDependOnTheThreadCount(Precision precision) {
        assertIdentical(simulate(1, 1, precision), simulate(1, 3, precision));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void severalSeedsDoNotDependOnTheThreadCount(Precision precision) {
        assertIdentical(simulate(4, 1, precision), simulate(4, 3, precision));
    }

    @Test
    void seedsInFlightDoNotChangeTheResult() {
        SimulationSettings settings = new SimulationSettings(300, 4, 42, 3);
        long oneSeedHeap = MemoryTest.heapFor(EXPERIMENT, settings, 1);
        assertEquals(1, new SimulationEngine(oneSeedHeap).memory(EXPERIMENT, settings).seedsInFlight());
        assertIdentical(simulate(4, 3, settings.precision()),
                new SimulationEngine(oneSeedHeap).run(EXPERIMENT, settings, Progress.NONE));
    }

    @Test
    void precisionsDiffer() {
        assertNotEquals(simulate(1, 1, Precision.SINGLE).value(Observable.TRAIN_LOSS, STEPS),
                simulate(1, 1, Precision.DOUBLE).value(Observable.TRAIN_LOSS, STEPS));
    }

    @Test
    void theStepperIsSeedZeroOfTheEngine() {
        Trajectory engine = simulate(1, 2, SimulationSettings.DEFAULT_PRECISION);
        try (SimulationStepper stepper = SimulationStepper.open(EXPERIMENT, new SimulationSettings(300, 1, 42, 3))) {
            for (int t = 0; t <= STEPS; t++) {
                stepper.step();
            }
            for (Observable observable : Observable.values()) {
                for (int t = 0; t <= STEPS; t++) {
                    assertEquals(engine.value(observable, t), stepper.trajectory().value(observable, t), 0.0,
                            observable.column() + "(" + t + ")");
                }
            }
        }
    }
}
