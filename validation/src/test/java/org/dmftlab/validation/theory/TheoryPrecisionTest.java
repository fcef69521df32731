package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.StepComparison;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Agreement;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.dmftlab.validation.bench.LongHorizonCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paths' histories stored in single precision against double precision (SPEC §4.4, "Precision of the stored
 * histories"), paired: the same seed draws the same random numbers in both, rounded in one. Every observable of
 * SPEC §3 at every step differs by at most {@value #PAIRED_SHARE} of the combined Monte-Carlo error, and some
 * differ (the setting reaches the data side). The horizon is beyond the window of recent responses (32), with
 * fewer response paths than paths, so the ring and the triangles are both rounded. Cases: issue 10's identity and
 * power-law problems (SGD, b = ½), and Nesterov with Langevin noise on the power law (the look-ahead field).
 *
 * <p>It can fail: with the normals, gradients and curvatures kept to 8 bits of mantissa instead of a float's 24
 * (checked by masking the stored bits by hand), m at step 1 differs by 8 % of its combined error in all three
 * cases and the test fails.
 */
class TheoryPrecisionTest {

    private static final int STEPS = 80;
    private static final double PAIRED_SHARE = 0.01;
    private static final TheorySettings DOUBLE = new TheorySettings(4_000, 5, 8, 400,
            TheorySettings.Mode.MONTE_CARLO, 2).withPrecision(Precision.DOUBLE);

    private static Experiment experiment(String name) {
        if (!name.equals("nesterov")) {
            return LongHorizonCases.experiment(name, STEPS);
        }
        return new Experiment(new Problem(2, 0.05, Plugins.signTeacher(0.1), Plugins.loss("logistic"),
                Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0.1, 1),
                Plugins.optimizer("nesterov", Map.of("learning-rate", 0.2, "momentum", 0.5, "batch-fraction", 0.5,
                        "temperature", 0.01)), STEPS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"identity", "power-law", "nesterov"})
    void singlePrecisionDiffersFromDoubleByAFractionOfTheError(String name) {
        Experiment experiment = experiment(name);
        Trajectory exact = Experiments.theory(experiment, DOUBLE);
        Trajectory rounded = Experiments.theory(experiment, DOUBLE.withPrecision(Precision.SINGLE));
        double largest = 0;
        for (StepComparison step : StepComparison.of(exact, rounded)) {
            assertTrue(step.difference() <= PAIRED_SHARE * step.combinedError() + Agreement.ROUNDING,
                    () -> name + ", " + step);
            largest = Math.max(largest, step.difference());
        }
        assertTrue(largest > 0, name + ": single and double precision gave the same bits");
    }
}
