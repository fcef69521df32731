package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.simulation.SimulationStepper;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * Same seed ⇒ bit-identical trajectories whatever the number of threads, for one seed (row blocks in parallel)
 * and for several seeds (seeds in parallel). The case exercises every random source: mini-batch selections,
 * a look-ahead query point (Nesterov), Langevin noise, label noise, and several row blocks (n = 900).
 */
class DeterminismTest {

    private static final int STEPS = 12;

    private static final Experiment EXPERIMENT = new Experiment(
            new Problem(3.0, 0.1, Plugins.signTeacher(0.1), Plugins.loss("logistic"), Plugins.identity(),
                    0.3, 0.5),
            Plugins.optimizer("nesterov", Map.of("learning-rate", 0.2, "batch-fraction", 0.4, "momentum", 0.5,
                    "temperature", 0.01)),
            STEPS);

    private static Trajectory simulate(int seeds, int threads) {
        return Experiments.simulate(EXPERIMENT, new SimulationSettings(300, seeds, 42, threads));
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

    @Test
    void oneSeedDoesNotDependOnTheThreadCount() {
        assertIdentical(simulate(1, 1), simulate(1, 3));
    }

    @Test
    void severalSeedsDoNotDependOnTheThreadCount() {
        assertIdentical(simulate(4, 1), simulate(4, 3));
    }

    @Test
    void theStepperIsSeedZeroOfTheEngine() {
        Trajectory engine = simulate(1, 2);
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
