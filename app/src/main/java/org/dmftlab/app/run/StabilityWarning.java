package org.dmftlab.app.run;

import java.util.Optional;
import org.dmftlab.app.output.ShortNumbers;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.StabilityCheck;

/**
 * The warning {@code run} and {@code sweep} print before running outside the full-batch stability region of SPEC §6
 * ({@link StabilityCheck}), with numbers shortened by {@link ShortNumbers}.
 */
public final class StabilityWarning {

    private StabilityWarning() {
    }

    /**
     * A one-line warning naming the first step outside the region and, for a learning-rate schedule, its largest
     * learning rate; empty when no step is outside (or the run cannot be checked).
     */
    public static Optional<String> of(Experiment experiment) {
        return StabilityCheck.firstViolation(experiment).map(violation -> {
            String region = " (SPEC §6: η < 2(1+β)/((1+2γ) κ) with momentum β = "
                    + ShortNumbers.format(violation.momentum()) + ", look-ahead γ = "
                    + ShortNumbers.format(violation.lookAhead()) + " and largest curvature κ = λ + ℓ″(1+√α)² σ_max = "
                    + ShortNumbers.format(violation.curvature()) + ")";
            if (!violation.scheduled()) {
                return "learning rate " + ShortNumbers.format(violation.learningRate())
                        + " is above the full-batch stability limit " + ShortNumbers.format(violation.limit())
                        + (violation.step() == 0 ? "" : " from step " + violation.step() + " on") + region
                        + "; the run will likely diverge: lower the learning rate";
            }
            return "the learning-rate schedule reaches " + ShortNumbers.format(violation.largestLearningRate())
                    + " (its largest, at step " + violation.largestStep() + "); first outside the full-batch"
                    + " stability region at step " + violation.step() + ", where η_t = "
                    + ShortNumbers.format(violation.learningRate()) + " is above the limit "
                    + ShortNumbers.format(violation.limit()) + region
                    + "; the run may diverge: lower the learning rate or shorten the steps outside";
        });
    }
}
