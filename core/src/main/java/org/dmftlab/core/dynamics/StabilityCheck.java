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
 * that of full-batch GD, a guide only. With schedules (SPEC §2.2, §6) every update is checked with its own η_t, β_t,
 * γ_t; the violation names the first step outside and the schedule's largest learning rate.
 */
public final class StabilityCheck {

    private StabilityCheck() {
    }

    /**
     * The first update outside the region, with the largest learning rate of the run, or empty when none is (or the
     * experiment cannot be checked).
     */
    public static Optional<Violation> firstViolation(Experiment experiment) {
        Problem problem = experiment.problem();
        UpdateSchedule schedule = experiment.schedule();
        if (!problem.loss().constantCurvature() || !schedule.linear()) {
            return Optional.empty();
        }
        double curvature = problem.loss().secondDerivative(0, 0);
        double edge = (1 + Math.sqrt(problem.alpha())) * (1 + Math.sqrt(problem.alpha()));
        double kappa = problem.ridge() + curvature * edge * problem.covariance().eigenvalueQuantile(1.0);
        int firstOutside = -1;
        int largest = 0;
        boolean varying = false;
        for (int t = 0; t < experiment.steps(); t++) {
            Optional<UpdateSchedule.Momentum> step = schedule.momentum(t);
            if (step.isEmpty() || !(1 + 2 * step.get().lookAhead() > 0)) {
                return Optional.empty();
            }
            if (firstOutside < 0 && step.get().learningRate() * kappa >= bound(step.get())) {
                firstOutside = t;
            }
            double largestSoFar = schedule.momentum(largest).orElseThrow().learningRate();
            varying |= step.get().learningRate() != largestSoFar;
            if (step.get().learningRate() > largestSoFar) {
                largest = t;
            }
        }
        if (firstOutside < 0) {
            return Optional.empty();
        }
        UpdateSchedule.Momentum outside = schedule.momentum(firstOutside).orElseThrow();
        return Optional.of(new Violation(firstOutside, outside.learningRate(), bound(outside) / kappa,
                outside.momentum(), outside.lookAhead(), kappa, schedule.momentum(largest).orElseThrow().learningRate(),
                largest, varying));
    }

    /** ηκ must stay below 2(1+β)/(1+2γ). */
    private static double bound(UpdateSchedule.Momentum step) {
        return 2 * (1 + step.momentum()) / (1 + 2 * step.lookAhead());
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
     * @param largestLearningRate the largest η_t of the run's updates
     * @param largestStep  the first update with that learning rate
     * @param scheduled    whether the learning rate varies over the updates (a schedule, SPEC §2.2)
     */
    public record Violation(int step, double learningRate, double limit, double momentum, double lookAhead,
                            double curvature, double largestLearningRate, int largestStep, boolean scheduled) {
    }
}
