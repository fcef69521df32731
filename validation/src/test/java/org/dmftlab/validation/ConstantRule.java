package org.dmftlab.validation;

import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * A test-only linear-memory rule (SPEC §2.1) with the same coefficients at every step: the shapes the standard
 * optimizers do not offer (several gradient lags, a look-ahead with other weights), which both engines accept.
 *
 * @param step          the coefficients (a, b, c) of every step
 * @param batchFraction b in (0, 1]
 * @param temperature   Langevin temperature T_L ≥ 0
 */
public record ConstantRule(StepCoefficients step, double batchFraction, double temperature) implements UpdateRule {

    @Override
    public int memory() {
        return step.memory();
    }

    @Override
    public StepCoefficients coefficients(int t) {
        return step;
    }
}
