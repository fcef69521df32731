package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
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
            case "linear" -> Setups.linearTeacher(0);
            case "noisy-linear" -> Setups.linearTeacher(0.3);
            default -> Plugins.create(PluginFamily.TEACHER, "sign", Map.of("flip", 0.1));
        }, Setups.loss("square"), Setups.identity(), 0.2, 1);
        UpdateRule gd = Setups.sgd(0.1, 1);
        int steps = 15;
        Trajectory exact = Setups.run(problem, gd, steps, Setups.exact());
        Trajectory sampled = Setups.run(problem, gd, steps, Setups.monteCarlo(40_000, 7, 2));
        for (Observable observable : CHECKED) {
            for (int t = 0; t <= steps; t++) {
                double difference = Math.abs(sampled.value(observable, t) - exact.value(observable, t));
                double error = sampled.error(observable, t);
                assertTrue(difference <= SIGMAS * error + 1e-12, observable.column() + " at t = " + t + ": |"
                        + sampled.value(observable, t) + " - " + exact.value(observable, t) + "| > " + SIGMAS
                        + " x " + error);
            }
        }
        assertTrue(sampled.error(Observable.OVERLAP, steps) > 0, "the sampled mode reports its error");
    }

    /**
     * Nesterov (look-ahead: the train loss is observed through the extra iterate field of SPEC §4.3) with Langevin
     * noise, sampled against exact.
     */
    @Test
    void lookAheadWithLangevinNoiseAgreesWithExactMode() {
        Problem problem = Setups.squareProblem(2, 0.2, 0.3, 1);
        UpdateRule nesterov = new Setups.ConstantRule(StepCoefficients.momentum(0.1, 0.5, 0.5), 1, 0.02);
        int steps = 12;
        Trajectory exact = Setups.run(problem, nesterov, steps, Setups.exact());
        Trajectory sampled = Setups.run(problem, nesterov, steps, Setups.monteCarlo(40_000, 9, 2));
        for (Observable observable : CHECKED) {
            for (int t = 0; t <= steps; t++) {
                double difference = Math.abs(sampled.value(observable, t) - exact.value(observable, t));
                assertTrue(difference <= SIGMAS * sampled.error(observable, t) + 1e-12,
                        observable.column() + " at t = " + t + ": " + sampled.value(observable, t) + " vs "
                                + exact.value(observable, t));
            }
        }
    }

    /** SPEC §5.2: for the square loss m(t) does not depend on the batch fraction; q does. */
    @Test
    void overlapIsIndependentOfBatchFractionForSquareLoss() {
        Problem problem = Setups.squareProblem(3, 0.5, 0.2, 1);
        int steps = 12;
        Trajectory gd = Setups.run(problem, Setups.sgd(0.1, 1), steps, Setups.exact());
        Trajectory sgd = Setups.run(problem, Setups.sgd(0.1, 0.3), steps, Setups.monteCarlo(40_000, 3, 2));
        for (int t = 0; t <= steps; t++) {
            double difference = Math.abs(sgd.value(Observable.OVERLAP, t) - gd.value(Observable.OVERLAP, t));
            assertTrue(difference <= SIGMAS * sgd.error(Observable.OVERLAP, t) + 1e-12, "m at t = " + t);
        }
        double qGap = sgd.value(Observable.NORM, 1) - gd.value(Observable.NORM, 1);
        assertTrue(qGap > 10 * sgd.error(Observable.NORM, 1), "q(1) must grow with the selection noise: " + qGap);
    }

    /** Same seed, one or two threads: identical trajectories (logistic loss, sign teacher, b = 0.5). */
    @Test
    void resultsDoNotDependOnThreads() {
        Problem problem = new Problem(2, 0.1, Setups.signTeacher(), Setups.loss("logistic"), Setups.identity(), 0.2,
                1);
        UpdateRule sgd = Setups.sgd(0.2, 0.5);
        Trajectory one = Setups.run(problem, sgd, 8, Setups.monteCarlo(4000, 11, 1));
        Trajectory two = Setups.run(problem, sgd, 8, Setups.monteCarlo(4000, 11, 2));
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= 8; t++) {
                assertEquals(one.value(observable, t), two.value(observable, t), 0, observable.column());
                assertEquals(one.error(observable, t), two.error(observable, t), 0, observable.column());
            }
        }
    }
}
