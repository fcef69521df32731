package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.StepComparison;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.validation.Agreement;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * X stored in single precision against double precision (docs/performance.md, "Single precision"), on
 * full-batch gradient descent (square loss) and on Nesterov SGD with Langevin noise (logistic loss, flipped sign
 * labels), every observable of SPEC §3 at every step:
 * <ul>
 *   <li>paired: the same seeds draw the same data in both precisions (rounded to float in one), and the means
 *       differ by less than 1 % of their standard error;</li>
 *   <li>independent seeds: no difference is detectable. The two-sample z-scores of the seven observables at three
 *       steps of both cases (42 comparisons) stay below 3.9, the two-sided Student-t threshold (78 degrees of
 *       freedom, 3.85) that holds the family-wise false-alarm rate to 1 % by Bonferroni (0.01 / 42 per
 *       comparison); for three base seeds.</li>
 * </ul>
 */
class PrecisionTest {

    private static final int DIMENSION = 400;
    private static final int STEPS = 12;
    private static final int SEEDS = 40;
    /** Student t_78 at two-sided 0.01 / 42 is 3.85. */
    private static final double THRESHOLD = 3.9;
    private static final List<Integer> TESTED_STEPS = List.of(1, STEPS / 2, STEPS);
    private static final double PAIRED_SHARE = 0.01;

    private static final Experiment GRADIENT_DESCENT = new Experiment(
            new Problem(2.0, 0.1, Plugins.linearTeacher(0.25), Plugins.loss("square"), Plugins.identity(), 0.2, 1),
            Plugins.optimizer("sgd", Map.of("learning-rate", 0.1)), STEPS);
    private static final Experiment NESTEROV = new Experiment(
            new Problem(3.0, 0.1, Plugins.signTeacher(0.1), Plugins.loss("logistic"), Plugins.identity(), 0.3, 0.5),
            Plugins.optimizer("nesterov", Map.of("learning-rate", 0.2, "batch-fraction", 0.4, "momentum", 0.5,
                    "temperature", 0.01)),
            STEPS);

    private static Trajectory simulate(Experiment experiment, long seed, Precision precision) {
        return Experiments.simulate(experiment, new SimulationSettings(DIMENSION, SEEDS, seed, 2, precision));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradient descent", "nesterov"})
    void pairedSeedsDifferByAFractionOfTheStandardError(String name) {
        Experiment experiment = name.equals("nesterov") ? NESTEROV : GRADIENT_DESCENT;
        for (StepComparison step : StepComparison.of(simulate(experiment, 1, Precision.DOUBLE),
                simulate(experiment, 1, Precision.SINGLE))) {
            assertTrue(step.difference() <= PAIRED_SHARE * step.combinedError() + Agreement.ROUNDING,
                    () -> name + ", " + step);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void independentSeedsShowNoDifference(long seed) {
        for (Experiment experiment : List.of(GRADIENT_DESCENT, NESTEROV)) {
            for (StepComparison step : StepComparison.of(simulate(experiment, seed, Precision.DOUBLE),
                    simulate(experiment, seed + 1000, Precision.SINGLE))) {
                if (TESTED_STEPS.contains(step.step())) {
                    assertTrue(step.difference() <= THRESHOLD * step.combinedError(), step::toString);
                }
            }
        }
    }
}
