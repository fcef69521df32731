package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The theory's Monte-Carlo errors are calibrated (SPEC §4.4, issue 12 defect 11): over {@value #SEEDS} theory seeds,
 * the spread of the estimates matches the error the solve reports. Per problem and observable, pooled over the
 * steps t = 1…{@value #STEPS} (t = 0 is exact):
 * <pre>
 *   ratio = √( Σ_t s_t² / Σ_t mean_seeds(mc_t²) ),
 * </pre>
 * with s_t the standard deviation of the {@value #SEEDS} estimates at step t and mc_t the reported error; a
 * calibrated error has E[mc²] = Var, so the ratio is 1 up to sampling noise, and it must lie in
 * [{@value #LOW}, {@value #HIGH}]. (Squared errors are averaged, not the errors: the mean of an error estimated from
 * 8 groups is below its root mean square by a few per cent, more for heavy-tailed observables.)
 *
 * <p>False alarms: if the steps were perfectly correlated (the worst case; pooling over correlated steps only adds
 * degrees of freedom), s² would have {@value #SEEDS} − 1 = 95 degrees of freedom and the mean of the mc² (each from
 * 8 groups, 7 degrees of freedom) 96 × 7 = 672, so ratio² follows F(95, 672): below 0.75² with probability
 * 3.2·10⁻⁴ and above 1.33² with 3.4·10⁻⁵ (scipy.stats.f). Over the {@value #COMPARISONS} comparisons (Bonferroni)
 * the family-wise false-alarm rate is below 0.6 %. Power: an error reported 1.5 times too small (the issue's
 * heavy-ball case, 1.3–1.6 times) fails a comparison with probability 0.93 in that worst case.
 *
 * <p>Problems: the case (smooth hinge, heavy ball with momentum, mini-batches, a power-law spectrum, flipped
 * labels), logistic SGD with mini-batches, and square loss SGD with mini-batches and a noisy teacher (sampled, not
 * exact), each at {@value #PATHS} paths in 8 groups. Base seeds 1…{@value #SEEDS} (several, by construction).
 */
class MonteCarloCalibrationTest {

    private static final int SEEDS = 96;
    private static final int STEPS = 12;
    private static final int PATHS = 4000;
    private static final double LOW = 0.75;
    private static final double HIGH = 1.33;
    /** Observables compared: the four order parameters and the training loss, in each of the 3 problems. */
    private static final List<Observable> COMPARED = List.of(Observable.OVERLAP, Observable.NORM,
            Observable.POPULATION_OVERLAP, Observable.POPULATION_NORM, Observable.TRAIN_LOSS);
    private static final int COMPARISONS = 15;

    static Stream<Arguments> problems() {
        Problem hinge = new Problem(2.5, 0.05, Plugins.signTeacher(0.1), Plugins.loss("smooth-hinge"),
                Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0, 1);
        Problem logistic = new Problem(2, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"), Plugins.identity(),
                0.2, 1);
        Problem square = new Problem(3, 0.5, Plugins.linearTeacher(0.3), Plugins.loss("square"), Plugins.identity(),
                0.2, 1);
        return Stream.of(
                Arguments.of("smooth-hinge, heavy-ball, power-law", new Experiment(hinge, Plugins.optimizer(
                        "heavy-ball", Map.of("learning-rate", 0.1, "momentum", 0.5, "batch-fraction", 0.4)), STEPS)),
                Arguments.of("logistic, sgd b = 1/2", new Experiment(logistic, Plugins.sgd(0.3, 0.5), STEPS)),
                Arguments.of("square, sgd b = 0.3", new Experiment(square, Plugins.sgd(0.2, 0.3), STEPS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void theSpreadOverSeedsMatchesTheReportedError(String name, Experiment experiment) {
        List<Trajectory> runs = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            runs.add(Experiments.theory(experiment, new TheorySettings(PATHS, seed, 16, PATHS,
                    TheorySettings.Mode.MONTE_CARLO, 2)));
        }
        for (Observable observable : COMPARED) {
            double ratio = ratio(runs, observable);
            assertTrue(ratio >= LOW && ratio <= HIGH, String.format(Locale.ROOT, "%s, %s: the spread over %d seeds"
                    + " is %.3f times the reported Monte-Carlo error", name, observable.column(), SEEDS, ratio));
        }
    }

    /** √(Σ_t s_t² / Σ_t mean(mc_t²)) over t = 1…T. */
    private static double ratio(List<Trajectory> runs, Observable observable) {
        double spread = 0;
        double reported = 0;
        for (int step = 1; step <= STEPS; step++) {
            int t = step;
            double mean = runs.stream().mapToDouble(run -> run.value(observable, t)).average().orElseThrow();
            spread += runs.stream().mapToDouble(run -> Math.pow(run.value(observable, t) - mean, 2)).sum()
                    / (runs.size() - 1);
            reported += runs.stream().mapToDouble(run -> Math.pow(run.error(observable, t), 2)).average()
                    .orElseThrow();
        }
        return Math.sqrt(spread / reported);
    }
}
