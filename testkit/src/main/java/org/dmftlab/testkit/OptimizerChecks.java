package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.dmftlab.core.spi.GradientMap;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The {@link UpdateRule} contract (SPEC §2.1, §2.2, §6): coefficients of the declared memory depth, finite for many
 * steps, b_{t,0} ≥ 0 (the Langevin noise √(2 T_L b_{t,0}) needs it), a batch fraction b_t in (0, 1] at every step
 * and a temperature ≥ 0; and a gradient map that is deterministic and keeps finite gradients finite, with
 * {@link UpdateRule#linear()} true exactly for the identity map.
 */
final class OptimizerChecks {

    /** Steps whose coefficients are read: schedules must stay finite well beyond typical horizons. */
    static final int STEPS = ParameterValues.STEPS;
    /** Coordinates of the gradient the map is applied to; some are exactly 0. */
    private static final int COORDINATES = 1000;
    private static final long SEED = 20261128;

    private OptimizerChecks() {
    }

    static void coefficientsAreFiniteWithTheDeclaredMemory(UpdateRule rule) {
        assertTrue(rule.memory() >= 0, "memory " + rule.memory());
        assertTrue(rule.batchFraction() > 0 && rule.batchFraction() <= 1, "batch fraction " + rule.batchFraction());
        assertTrue(rule.temperature() >= 0 && Double.isFinite(rule.temperature()), "temperature " + rule.temperature());
        for (int t = 0; t < STEPS; t++) {
            double fraction = rule.batchFraction(t);
            assertTrue(fraction > 0 && fraction <= 1, "batch fraction at t = " + t + ": " + fraction);
            StepCoefficients step = rule.coefficients(t);
            assertEquals(rule.memory(), step.memory(), "memory of step " + t);
            assertTrue(step.b(0) >= 0, "b_{t,0} at t = " + t + ": " + step);
            for (int j = 0; j <= step.memory(); j++) {
                assertTrue(Double.isFinite(step.a(j)) && Double.isFinite(step.b(j)) && Double.isFinite(step.c(j)),
                        "step " + t + ": " + step);
            }
        }
    }

    static void gradientMapIsDeterministicAndFinite(UpdateRule rule) {
        GradientMap map = rule.gradientMap();
        assertNotNull(map, "gradientMap() must not be null: return GradientMap.IDENTITY for a linear rule");
        assertEquals(map == GradientMap.IDENTITY, rule.linear(),
                "linear() must be true exactly when the gradient map is GradientMap.IDENTITY");
        SplittableRandom random = new SplittableRandom(SEED);
        double[] gradient = new double[COORDINATES];
        for (int i = 0; i < COORDINATES; i++) {
            gradient[i] = i % 10 == 0 ? 0 : 3 * random.nextGaussian();
        }
        double[] again = gradient.clone();
        map.apply(gradient);
        map.apply(again);
        assertArrayEquals(gradient, again, 0, "the same gradient must map to the same image");
        for (int i = 0; i < COORDINATES; i++) {
            assertTrue(Double.isFinite(gradient[i]), "coordinate " + i + " maps to " + gradient[i]);
        }
    }
}
