package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.QuadratureError;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheoryResult;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The species quadrature's reported error bound (SPEC §4.5) holds against the converged quadrature at T =
 * {@value #STEPS}: for every observable and step, |x_K(t) − x_ref(t)| ≤ bound, where x_ref is the solve with
 * {@value #REFERENCE} species (its own quadrature error is below 10⁻⁹ here) and K = {@value #SPECIES} is coarse
 * enough for the error to be visible. On the square loss at full batch both solves are exact (path-free), on the
 * logistic loss both are sampled from the same seed, so that their difference is the quadrature's and not the
 * Monte-Carlo error.
 */
class QuadratureErrorTest {

    private static final int STEPS = 300;
    private static final int SPECIES = 8;
    private static final int REFERENCE = 24;

    /** Square loss, linear teacher (Δ = 0.1), α = 2, λ = 0.01, GD η = 0.1 on a power-law spectrum. */
    @ParameterizedTest(name = "power-law exponent {0}")
    @ValueSource(doubles = {1.0, 0.3})
    void boundHoldsForTheExactSolveOfTheSquareLoss(double exponent) {
        Experiment experiment = new Experiment(new Problem(2, 0.01, Plugins.linearTeacher(0.1),
                Plugins.loss("square"), Plugins.covariance("power-law", Map.of("exponent", exponent)), 0, 1),
                Plugins.sgd(0.1, 1), STEPS);
        assertBoundHolds("square, exponent " + exponent, experiment, TheorySettings.Mode.EXACT, 1);
    }

    /** Logistic loss, sign teacher, α = 2, λ = 0.01, SGD η = 0.3, b = ½ on the power law with exponent 1. */
    @Test
    void boundHoldsForTheSampledSolveOfTheLogisticLoss() {
        Experiment experiment = new Experiment(new Problem(2, 0.01, Plugins.signTeacher(0), Plugins.loss("logistic"),
                Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0, 1), Plugins.sgd(0.3, 0.5), STEPS);
        assertBoundHolds("logistic", experiment, TheorySettings.Mode.MONTE_CARLO, 1_600);
    }

    private static void assertBoundHolds(String label, Experiment experiment, TheorySettings.Mode mode, int paths) {
        TheoryResult coarse = solve(experiment, mode, paths, SPECIES);
        Trajectory reference = solve(experiment, mode, paths, REFERENCE).trajectory();
        QuadratureError error = coarse.quadrature().orElseThrow();
        for (Observable o : Observable.values()) {
            double bound = error.bound(o);
            double worst = 0;
            for (int t = 0; t <= STEPS; t++) {
                worst = Math.max(worst, Math.abs(coarse.trajectory().value(o, t) - reference.value(o, t)));
            }
            assertTrue(worst <= bound, label + ", " + o.column() + ": the " + SPECIES + "-species solve is off by "
                    + worst + " but reports a bound of " + bound);
        }
    }

    private static TheoryResult solve(Experiment experiment, TheorySettings.Mode mode, int paths, int species) {
        return new TheoryEngine().run(experiment, new TheorySettings(paths, 1, species, Math.max(1, paths / 10), mode,
                2), Progress.NONE);
    }
}
