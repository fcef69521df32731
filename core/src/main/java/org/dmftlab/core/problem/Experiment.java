package org.dmftlab.core.problem;

import java.util.Objects;
import org.dmftlab.core.spi.UpdateRule;

/**
 * A problem, an algorithm and a horizon: what both engines run. Observables are recorded at t = 0…steps.
 *
 * @param problem the learning problem (SPEC §1)
 * @param rule    the update rule (SPEC §2.1)
 * @param steps   T ≥ 1, the number of updates
 */
public record Experiment(Problem problem, UpdateRule rule, int steps) {

    public Experiment {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(rule, "rule");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1");
        }
    }
}
