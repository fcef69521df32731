package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The {@link UpdateRule} contract (SPEC §2.1): coefficients of the declared memory depth, finite for many steps,
 * b_{t,0} ≥ 0 (the Langevin noise √(2 T_L b_{t,0}) needs it), a batch fraction in (0, 1] and a temperature ≥ 0.
 */
final class OptimizerChecks {

    /** Steps whose coefficients are read: schedules must stay finite well beyond typical horizons. */
    static final int STEPS = 1000;

    private OptimizerChecks() {
    }

    static void coefficientsAreFiniteWithTheDeclaredMemory(UpdateRule rule) {
        assertTrue(rule.memory() >= 0, "memory " + rule.memory());
        assertTrue(rule.batchFraction() > 0 && rule.batchFraction() <= 1, "batch fraction " + rule.batchFraction());
        assertTrue(rule.temperature() >= 0 && Double.isFinite(rule.temperature()), "temperature " + rule.temperature());
        for (int t = 0; t < STEPS; t++) {
            StepCoefficients step = rule.coefficients(t);
            assertEquals(rule.memory(), step.memory(), "memory of step " + t);
            assertTrue(step.b(0) >= 0, "b_{t,0} at t = " + t + ": " + step);
            for (int j = 0; j <= step.memory(); j++) {
                assertTrue(Double.isFinite(step.a(j)) && Double.isFinite(step.b(j)) && Double.isFinite(step.c(j)),
                        "step " + t + ": " + step);
            }
        }
    }
}
