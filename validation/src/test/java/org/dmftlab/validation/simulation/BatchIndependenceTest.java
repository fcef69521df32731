package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5.2: for square loss, m(t) does not depend on the batch fraction (the selections have mean 1 and the
 * gradient is linear in w), while q(t) does.
 */
class BatchIndependenceTest {

    private static final int STEPS = 20;

    private static Trajectory simulate(double batchFraction) {
        Problem problem = new Problem(2.0, 0.2, Plugins.linearTeacher(0.1), Plugins.loss("square"),
                Plugins.identity(), 0.1, 1.0);
        Experiment experiment = new Experiment(problem,
                Plugins.optimizer("sgd", Map.of("learning-rate", 0.15, "batch-fraction", batchFraction)), STEPS);
        return Experiments.simulate(experiment, new SimulationSettings(600, 12, 7, 2));
    }

    @Test
    void overlapIsIndependentOfTheBatchFractionButNormIsNot() {
        Trajectory sgd = simulate(0.3);
        Trajectory gd = simulate(1.0);
        double largestNormGap = 0;
        for (int t = 1; t <= STEPS; t++) {
            double mGap = Math.abs(sgd.value(Observable.OVERLAP, t) - gd.value(Observable.OVERLAP, t));
            double mError = Math.hypot(sgd.error(Observable.OVERLAP, t), gd.error(Observable.OVERLAP, t));
            int step = t;
            assertTrue(mGap <= 3 * mError, () -> "m(" + step + ") differs by " + mGap + " > 3 × " + mError);
            double qGap = sgd.value(Observable.NORM, t) - gd.value(Observable.NORM, t);
            double qError = Math.hypot(sgd.error(Observable.NORM, t), gd.error(Observable.NORM, t));
            largestNormGap = Math.max(largestNormGap, qGap / qError);
        }
        // Mini-batch noise inflates |w|²: q at b = 0.3 lies far above q at b = 1.
        assertTrue(largestNormGap > 10, "q(t) barely depends on b: largest gap " + largestNormGap + " errors");
    }
}
