package org.dmftlab.app.run;

import java.util.Optional;
import org.dmftlab.app.output.ShortNumbers;
import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The full-batch stability region of SPEC §6, checked before a run. On a quadratic with curvature κ the momentum
 * family w^{t+1} = w^t + β(w^t − w^{t−1}) − η κ ŵ^t, ŵ^t = w^t + γ(w^t − w^{t−1}) has the characteristic
 * polynomial z² − (1 + β − ηκ(1+γ)) z + (β − ηκγ); its root crosses z = −1 at ηκ = 2(1+β)/(1+2γ), which gives
 * the three conditions of SPEC §6: GD ηκ &lt; 2, heavy ball ηκ &lt; 2(1+β), Nesterov ηκ &lt; 2(1+β)/(1+2β).
 * The largest curvature is κ = λ + ℓ″(1+√α)² σ_max (top of the Marchenko–Pastur spectrum of XᵀX).
 *
 * <p>Checked only where that is exact and simple: losses with constant curvature ℓ″ (square type) and linear
 * rules whose coefficients have the momentum form (a = (1+β, −β), b = (η, 0), c = (1+γ, −γ)); other losses,
 * other linear-memory rules and rules with a gradient map (sign-SGD) are not checked. With b &lt; 1 the region is that of full-batch GD, a guide only.
 */
public final class StabilityCheck {

    /** Tolerance for recognising the momentum form in the coefficients. */
    private static final double FORM_TOLERANCE = 1e-12;

    private StabilityCheck() {
    }

    /** A one-line warning naming the first step outside the region, or empty when none is (or cannot be checked). */
    public static Optional<String> warning(Experiment experiment) {
        Problem problem = experiment.problem();
        if (!problem.loss().constantCurvature() || !experiment.rule().linear()) {
            return Optional.empty();
        }
        double curvature = problem.loss().secondDerivative(0, 0);
        double edge = (1 + Math.sqrt(problem.alpha())) * (1 + Math.sqrt(problem.alpha()));
        double kappa = problem.ridge() + curvature * edge * problem.covariance().eigenvalueQuantile(1.0);
        UpdateRule rule = experiment.rule();
        for (int t = 0; t < experiment.steps(); t++) {
            StepCoefficients step = rule.coefficients(t);
            if (!momentumForm(step)) {
                return Optional.empty();
            }
            double eta = step.b(0);
            double beta = step.memory() == 0 ? 0 : -step.a(1);
            double gamma = step.memory() == 0 ? 0 : -step.c(1);
            double bound = 2 * (1 + beta) / (1 + 2 * gamma);
            if (eta * kappa >= bound) {
                String when = t == 0 ? "" : " from step " + t + " on";
                return Optional.of("learning rate " + ShortNumbers.format(eta) + " is above the full-batch"
                        + " stability limit " + ShortNumbers.format(bound / kappa) + when
                        + " (SPEC §6: η < 2(1+β)/((1+2γ) κ) with momentum β = " + ShortNumbers.format(beta)
                        + ", look-ahead γ = " + ShortNumbers.format(gamma) + " and largest curvature"
                        + " κ = λ + ℓ″(1+√α)² σ_max = " + ShortNumbers.format(kappa)
                        + "); the run will likely diverge: lower the learning rate");
            }
        }
        return Optional.empty();
    }

    /** a = (1+β, −β), b = (η, 0), c = (1+γ, −γ), with 1 + 2γ &gt; 0; memory 0 means β = γ = 0. */
    private static boolean momentumForm(StepCoefficients step) {
        if (step.memory() > 1) {
            return false;
        }
        boolean lagFree = step.memory() == 0 || Math.abs(step.b(1)) <= FORM_TOLERANCE;
        double aSum = step.a(0) + (step.memory() == 0 ? 0 : step.a(1));
        double cSum = step.c(0) + (step.memory() == 0 ? 0 : step.c(1));
        double gamma = step.memory() == 0 ? 0 : -step.c(1);
        return lagFree && Math.abs(aSum - 1) <= FORM_TOLERANCE && Math.abs(cSum - 1) <= FORM_TOLERANCE
                && 1 + 2 * gamma > 0;
    }
}
