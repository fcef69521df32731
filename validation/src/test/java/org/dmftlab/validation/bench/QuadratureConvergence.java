package org.dmftlab.validation.bench;

import java.util.Locale;
import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheoryResult;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;

/**
 * How the species quadrature of SPEC §4.5 converges (not a test): exact (path-free) solves of the square loss, linear
 * teacher with noise 0.1, α = 2, λ = 0.01, gradient descent, on the power law of the given exponent, for each number
 * of species K; prints m(T), q(T), train_loss(T) and the reported quadrature error bounds of m and q. Arguments:
 * exponent steps learningRate K…
 */
public final class QuadratureConvergence {

    private QuadratureConvergence() {
    }

    public static void main(String[] args) {
        double exponent = Double.parseDouble(args[0]);
        int steps = Integer.parseInt(args[1]);
        double learningRate = Double.parseDouble(args[2]);
        Experiment experiment = new Experiment(new Problem(2, 0.01, Plugins.linearTeacher(0.1), Plugins.loss("square"),
                Plugins.covariance("power-law", Map.of("exponent", exponent)), 0, 1), Plugins.sgd(learningRate, 1),
                steps);
        for (int i = 3; i < args.length; i++) {
            int species = Integer.parseInt(args[i]);
            TheoryResult result = new TheoryEngine().run(experiment, new TheorySettings(1, 1, species, 1,
                    TheorySettings.Mode.EXACT, 1), Progress.NONE);
            System.out.printf(Locale.ROOT, "K = %d: m = %.10f, q = %.10f, train_loss = %.10f; bounds m %.2g, q %.2g%n",
                    species, result.trajectory().value(Observable.OVERLAP, steps),
                    result.trajectory().value(Observable.NORM, steps),
                    result.trajectory().value(Observable.TRAIN_LOSS, steps),
                    result.quadrature().map(q -> q.bound(Observable.OVERLAP)).orElse(0.0),
                    result.quadrature().map(q -> q.bound(Observable.NORM)).orElse(0.0));
        }
    }
}
