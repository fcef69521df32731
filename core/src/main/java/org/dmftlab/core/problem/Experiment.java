package org.dmftlab.core.problem;

import java.util.Objects;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.StepCoefficients;
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

    /**
     * The coefficients of steps t = 0…T (the updates of t &lt; T and the query point of the last iterate), read
     * once before an engine's step loop and checked against SPEC §2.1: batch fraction in (0, 1], finite
     * temperature ≥ 0, every step of the declared memory with finite coefficients, and b_{t,0} ≥ 0 where
     * Langevin noise √(2 T_L b_{t,0}) is added.
     *
     * @throws InvalidInputException {@code optimizer/invalid-rule} naming what does not fit
     */
    public StepCoefficients[] coefficients() {
        double b = rule.batchFraction();
        double temperature = rule.temperature();
        if (!(b > 0 && b <= 1) || !(temperature >= 0) || !Double.isFinite(temperature) || rule.memory() < 0) {
            throw invalidRule("batch fraction " + b + ", temperature " + temperature + ", memory " + rule.memory()
                    + ": need 0 < b <= 1, a finite temperature >= 0 and memory >= 0");
        }
        StepCoefficients[] coefficients = new StepCoefficients[steps + 1];
        for (int t = 0; t <= steps; t++) {
            StepCoefficients k = rule.coefficients(t);
            if (k.memory() != rule.memory()) {
                throw invalidRule("step " + t + " has memory " + k.memory() + " but the rule declares "
                        + rule.memory());
            }
            for (int j = 0; j <= k.memory(); j++) {
                if (!Double.isFinite(k.a(j)) || !Double.isFinite(k.b(j)) || !Double.isFinite(k.c(j))) {
                    throw invalidRule("step " + t + " has a non-finite coefficient: " + k);
                }
            }
            if (temperature > 0 && k.b(0) < 0) {
                throw invalidRule("step " + t + " has b_0 = " + k.b(0) + " < 0, so its Langevin noise"
                        + " sqrt(2 T_L b_0) is undefined");
            }
            coefficients[t] = k;
        }
        return coefficients;
    }

    private static InvalidInputException invalidRule(String detail) {
        return new InvalidInputException("optimizer/invalid-rule", "optimizer", null,
                "the update rule does not fit SPEC §2.1: " + detail);
    }
}
