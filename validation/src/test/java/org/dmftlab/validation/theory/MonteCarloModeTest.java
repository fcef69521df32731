package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.Agreement;
import org.dmftlab.validation.ConstantRule;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sampled (Monte-Carlo) mode against the exact mode and SPEC §5.2, with its own error bars. */
class MonteCarloModeTest {

    /**
     * Allowed distance in reported Monte-Carlo errors. The error comes from 8 independent groups, so the distance
     * over it follows a Student t law with 7 degrees of freedom (not a normal one): 5 is its two-sided 0.1% point,
     * about 4 normal sigmas, for ~50 correlated comparisons per test.
     */
    private static final double SIGMAS = 5;
    private static final List<Observable> CHECKED =
            List.of(Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS, Observable.TEST_ERROR);

    /** Noiseless and noisy linear teachers, and a sign teacher with flips (label moments by quadrature). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linear", "noisy-linear", "sign"})
    void fullBatchSquareLossAgreesWithExactMode(String teacher) {
        Problem problem = new Problem(3, 0.5, switch (teacher) {
            case "linear" -> Plugins.linearTeacher(0);
            case "noisy-linear" -> Plugins.linearTeacher(0.3);
            default -> Plugins.signTeacher(0.1);
        }, Plugins.loss("square"), Plugins.identity(), 0.2, 1);
        UpdateRule gd = Plugins.sgd(0.1, 1);
        int steps = 15;
        Trajectory exact = Experiments.theory(problem, gd, steps, Experiments.exact());
        Trajectory sampled = Experiments.theory(problem, gd, steps, Experiments.monteCarlo(40_000, 7, 2));
        Agreement.assertWithinErrors(teacher, exact, sampled, CHECKED, SIGMAS);
        assertTrue(sampled.error(Observable.OVERLAP, steps) > 0, "the sampled mode reports its error");
    }

    /**
     * Nesterov (look-ahead: the train loss is observed through the extra iterate field of SPEC §4.3) with Langevin
     * noise, sampled against exact.
     */
    @Test
    void lookAheadWithLangevinNoiseAgreesWithExactMode() {
        Problem problem = Experiments.squareProblem(2, 0.2, 0.3, 1);
        UpdateRule nesterov = new ConstantRule(StepCoefficients.momentum(0.1, 0.5, 0.5), 1, 0.02);
        int steps = 12;
        Trajectory exact = Experiments.theory(problem, nesterov, steps, Experiments.exact());
        Trajectory sampled = Experiments.theory(problem, nesterov, steps, Experiments.monteCarlo(40_000, 9, 2));
        Agreement.assertWithinErrors("nesterov with Langevin noise", exact, sampled, CHECKED, SIGMAS);
    }

    /** SPEC §5.2: for the square loss m(t) does not depend on the batch fraction; q does. */
    @Test
    void overlapIsIndependentOfBatchFractionForSquareLoss() {
        Problem problem = Experiments.squareProblem(3, 0.5, 0.2, 1);
        int steps = 12;
        Trajectory gd = Experiments.theory(problem, Plugins.sgd(0.1, 1), steps, Experiments.exact());
        Trajectory sgd = Experiments.theory(problem, Plugins.sgd(0.1, 0.3), steps,
                Experiments.monteCarlo(40_000, 3, 2));
        Agreement.assertWithinErrors("b = 0.3 against b = 1", gd, sgd, List.of(Observable.OVERLAP), SIGMAS);
        double qGap = sgd.value(Observable.NORM, 1) - gd.value(Observable.NORM, 1);
        assertTrue(qGap > 10 * sgd.error(Observable.NORM, 1), "q(1) must grow with the selection noise: " + qGap);
    }

    /** Same seed, one or two threads: identical trajectories (logistic loss, sign teacher, b = 0.5). */
    @Test
    void resultsDoNotDependOnThreads() {
        Problem problem = new Problem(2, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"), Plugins.identity(), 0.2,
                1);
        UpdateRule sgd = Plugins.sgd(0.2, 0.5);
        Trajectory one = Experiments.theory(problem, sgd, 8, Experiments.monteCarlo(4000, 11, 1));
        Trajectory two = Experiments.theory(problem, sgd, 8, Experiments.monteCarlo(4000, 11, 2));
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= 8; t++) {
                assertEquals(one.value(observable, t), two.value(observable, t), 0, observable.column());
                assertEquals(one.error(observable, t), two.error(observable, t), 0, observable.column());
            }
        }
    }
}
