package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.ConstantRule;
import org.dmftlab.validation.CountingProgress;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * The general linear-memory update of SPEC §2.1 against an exact identity: Nesterov's look-ahead points
 * y^t = ŵ^t = (1+β) w^t − β w^{t−1} obey y^{t+1} = (1+β) y^t − β y^{t−1} − η(1+β) ∇L(y^t) + ηβ ∇L(y^{t−1}),
 * a rule with two gradient lags and no look-ahead. On the same data and selections, the overlap of the second
 * run must therefore be (1+β) m(t) − β m(t−1) of the first, step by step. This exercises a, b (with a lag whose
 * gradient before step 0 is zero) and c together, with a non-linear loss and mini-batches.
 */
class LinearMemoryTest {

    private static final int STEPS = 15;
    private static final double ETA = 0.2;
    private static final double BETA = 0.6;
    private static final double BATCH = 0.5;

    @Test
    void nesterovLookAheadPointsFollowTheTwoGradientLagRule() {
        Problem problem = new Problem(2.0, 0.05, Plugins.signTeacher(0), Plugins.loss("logistic"),
                Plugins.identity(), 0.2, 0.7);
        UpdateRule nesterov = Plugins.optimizer("nesterov",
                Map.of("learning-rate", ETA, "momentum", BETA, "batch-fraction", BATCH));
        UpdateRule lookAheadForm = new ConstantRule(StepCoefficients.of(new double[] {1 + BETA, -BETA},
                new double[] {ETA * (1 + BETA), -ETA * BETA}, new double[] {1}), BATCH, 0);
        SimulationSettings settings = new SimulationSettings(200, 1, 17, 2);
        Trajectory w = Experiments.simulate(problem, nesterov, STEPS, settings);
        Trajectory y = Experiments.simulate(problem, lookAheadForm, STEPS, settings);
        assertEquals(w.value(Observable.OVERLAP, 0), y.value(Observable.OVERLAP, 0), 0.0);
        for (int t = 1; t <= STEPS; t++) {
            double expected = (1 + BETA) * w.value(Observable.OVERLAP, t) - BETA * w.value(Observable.OVERLAP, t - 1);
            assertEquals(expected, y.value(Observable.OVERLAP, t), 1e-9, "m of the look-ahead point at step " + t);
        }
    }

    @Test
    void progressCountsEveryUpdateOfEverySeed() {
        Problem problem = new Problem(1.0, 0.1, Plugins.linearTeacher(0), Plugins.loss("square"),
                Plugins.identity(), 0, 1);
        CountingProgress counting = new CountingProgress();
        new SimulationEngine().run(new Experiment(problem, Plugins.optimizer("sgd", Map.of()), 7),
                new SimulationSettings(50, 3, 1, 2), counting);
        assertEquals(21, counting.total.get());
        assertEquals(21, counting.done.get());
        assertEquals(1, counting.finished.get());
    }
}
