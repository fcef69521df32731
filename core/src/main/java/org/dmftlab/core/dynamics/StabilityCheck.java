package org.dmftlab.core.dynamics;

import java.util.Optional;
import org.dmftlab.core.problem.Problem;

/**
 * The full-batch stability region of SPEC §6, checked before a run. On a quadratic with curvature κ the momentum
 * family w^{t+1} = w^t + β(w^t − w^{t−1}) − η κ ŵ^t, ŵ^t = w^t + γ(w^t − w^{t−1}) has the characteristic
 * polynomial z² − (1 + β − ηκ(1+γ)) z + (β − ηκγ); its root crosses z = −1 at ηκ = 2(1+β)/(1+2γ), which gives
 * the three conditions of SPEC §6: GD ηκ &lt; 2, heavy ball ηκ &lt; 2(1+β), Nesterov ηκ &lt; 2(1+β)/(1+2β).
 * The largest curvature is κ = λ + ℓ″(1+√α)² σ_max (top of the Marchenko–Pastur spectrum of XᵀX).
 *
 * <p>Checked only where that is exact and simple: losses with constant curvature ℓ″ (square type) and linear
 * rules whose every step has the momentum form ({@link UpdateSchedule#momentum}) with 1 + 2γ &gt; 0; other losses,
 * other linear-memory rules and rules with a gradient map (sign-SGD) are not checked. With b &lt; 1 the region is
 * that of full-batch GD, a guide only.
 */
public final class StabilityCheck {

    private StabilityCheck() {
    }

    /** The first step outside the region, or empty when none is (or the experiment cannot be checked). */
    public static Optional<Violation> firstViolation(Experiment experiment) {
        Problem problem = experiment.problem();
        UpdateSchedule schedule = experiment.schedule();
        if (!problem.loss().constantCurvature() || !schedule.linear()) {
            return Optional.empty();
        }
        double curvature = problem.loss().secondDerivative(0, 0);
        double edge = (1 + Math.sqrt(problem.alpha())) * (1 + Math.sqrt(problem.alpha()));
        double kappa = problem.ridge() + curvature * edge * problem.covariance().eigenvalueQuantile(1.0);
        for (int t = 0; t < experiment.steps(); t++) {
            Optional<UpdateSchedule.Momentum> step = schedule.momentum(t);
            if (step.isEmpty() || !(1 + 2 * step.get().lookAhead() > 0)) {
                return Optional.empty();
            }
            double eta = step.get().learningRate();
            double beta = step.get().momentum();
            double gamma = step.get().lookAhead();
            double bound = 2 * (1 + beta) / (1 + 2 * gamma);
            if (eta * kappa >= bound) {
                return Optional.of(new Violation(t, eta, bound / kappa, beta, gamma, kappa));
            }
        }
        return Optional.empty();
    }

    /**
     * A step whose learning rate is at or above the stability limit η &lt; 2(1+β)/((1+2γ) κ).
     *
     * @param step         the first such step t
     * @param learningRate its η_t
     * @param limit        its limit 2(1+β_t)/((1+2γ_t) κ)
     * @param momentum     β_t
     * @param lookAhead    γ_t
     * @param curvature    κ = λ + ℓ″(1+√α)² σ_max
     */
    public record Violation(int step, double learningRate, double limit, double momentum, double lookAhead,
                            double curvature) {
    }
}
