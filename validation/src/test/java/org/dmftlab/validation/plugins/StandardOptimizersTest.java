package org.dmftlab.validation.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standard optimizers reproduce the coefficients of SPEC §2 on hand-checked examples, in the linear-memory
 * form of SPEC §2.1 with memory 1: w^{t+1} = a_0 w^t + a_1 w^{t−1} − b_0 ∇L(ŵ^t), ŵ^t = c_0 w^t + c_1 w^{t−1}.
 */
class StandardOptimizersTest {

    /** Coefficients are sums like 1 + 0.7: compare to rounding, and treat −0 as 0. */
    private static final double EXACT = 1e-15;

    private static void assertStep(double[] a, double[] b, double[] c, StepCoefficients step) {
        assertEquals(1, step.memory(), "memory");
        assertArrayEquals(a, new double[] {step.a(0), step.a(1)}, EXACT, "a of " + step);
        assertArrayEquals(b, new double[] {step.b(0), step.b(1)}, EXACT, "b of " + step);
        assertArrayEquals(c, new double[] {step.c(0), step.c(1)}, EXACT, "c of " + step);
    }

    @Test
    void sgdIsAPlainGradientStep() {
        UpdateRule sgd = Plugins.optimizer("sgd", Map.of("learning-rate", 0.3));
        for (int t : new int[] {0, 1, 17}) {
            assertStep(new double[] {1, 0}, new double[] {0.3, 0}, new double[] {1, 0}, sgd.coefficients(t));
        }
    }

    @Test
    void heavyBallAddsMomentumButNoLookAhead() {
        UpdateRule heavyBall = Plugins.optimizer("heavy-ball", Map.of("learning-rate", 0.2, "momentum", 0.7));
        for (int t : new int[] {0, 5}) {
            assertStep(new double[] {1.7, -0.7}, new double[] {0.2, 0}, new double[] {1, 0}, heavyBall.coefficients(t));
        }
    }

    @Test
    void nesterovWithConstantMomentumLooksAhead() {
        UpdateRule nesterov = Plugins.optimizer("nesterov", Map.of("learning-rate", 0.05, "momentum", 0.6));
        for (int t : new int[] {0, 9}) {
            assertStep(new double[] {1.6, -0.6}, new double[] {0.05, 0}, new double[] {1.6, -0.6},
                    nesterov.coefficients(t));
        }
    }

    @Test
    void nesterovScheduleIsTOverTPlusThree() {
        UpdateRule nesterov = Plugins.optimizer("nesterov", Map.of("learning-rate", 0.1, "momentum", "t/(t+3)"));
        assertStep(new double[] {1, 0}, new double[] {0.1, 0}, new double[] {1, 0}, nesterov.coefficients(0));
        assertStep(new double[] {1.5, -0.5}, new double[] {0.1, 0}, new double[] {1.5, -0.5}, nesterov.coefficients(3));
        assertStep(new double[] {1.25, -0.25}, new double[] {0.1, 0}, new double[] {1.25, -0.25}, nesterov.coefficients(1));
    }

    @Test
    void signSgdIsAnSgdStepOnTheSignOfTheGradientAndNotLinear() {
        UpdateRule signSgd = Plugins.optimizer("sign-sgd", Map.of("learning-rate", 0.3));
        assertStep(new double[] {1, 0}, new double[] {0.3, 0}, new double[] {1, 0}, signSgd.coefficients(4));
        double[] gradient = {-2.5, 0, 1e-9, 7};
        signSgd.gradientMap().apply(gradient);
        assertArrayEquals(new double[] {-1, 0, 1, 1}, gradient);
        assertFalse(signSgd.linear());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "heavy-ball", "nesterov"})
    void linearFamilyKeepsTheGradient(String id) {
        assertTrue(Plugins.optimizer(id, Map.of()).linear());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "heavy-ball", "nesterov", "sign-sgd"})
    void batchFractionAndTemperatureArePassedThrough(String id) {
        UpdateRule rule = Plugins.optimizer(id, Map.of("batch-fraction", "0.25", "temperature", 0.03));
        assertEquals(0.25, rule.batchFraction());
        assertEquals(0.03, rule.temperature());
        UpdateRule defaults = Plugins.optimizer(id, Map.of());
        assertEquals(1.0, defaults.batchFraction(), "full batch by default");
        assertEquals(0.0, defaults.temperature(), "no Langevin noise by default");
    }

    @Test
    void schedulesVaryTheLearningRateTheBatchFractionAndTheMomentum() {
        // T = 10: η_t from a cosine 0.2 → 0.02, b_t doubled at t = 5, β_t = 0.6 halved at t = 5.
        UpdateRule heavyBall = Plugins.optimizer("heavy-ball", Map.of("learning-rate", 0.2,
                "learning-rate-schedule", Map.of("id", "cosine", "final", 0.02), "batch-fraction", 0.25,
                "batch-fraction-schedule", Map.of("id", "step", "milestones", List.of(5), "factor", 2),
                "momentum", 0.6, "momentum-schedule", Map.of("id", "step", "milestones", List.of(5), "factor", 0.5)),
                10);
        assertStep(new double[] {1.6, -0.6}, new double[] {0.2, 0}, new double[] {1, 0}, heavyBall.coefficients(0));
        assertStep(new double[] {1.3, -0.3}, new double[] {0.11, 0}, new double[] {1, 0}, heavyBall.coefficients(5));
        assertEquals(0.25, heavyBall.batchFraction(4));
        assertEquals(0.5, heavyBall.batchFraction(5));
        assertEquals(0.25, heavyBall.batchFraction(), "the base value");
        UpdateRule nesterov = Plugins.optimizer("nesterov", Map.of("momentum", 0.5,
                "momentum-schedule", Map.of("id", "warmup", "steps", 5)), 10);
        assertStep(new double[] {1.1, -0.1}, new double[] {0.1, 0}, new double[] {1.1, -0.1}, nesterov.coefficients(0));
        UpdateRule signSgd = Plugins.optimizer("sign-sgd", Map.of("learning-rate", 0.2,
                "learning-rate-schedule", Map.of("id", "inverse-time", "t0", 1, "power", 1)), 10);
        assertEquals(0.1, signSgd.coefficients(1).b(0), EXACT);
    }

    @Test
    void aMomentumScheduleOfTheSymbolicMomentumIsRefused() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Plugins.optimizer("nesterov",
                Map.of("momentum", "t/(t+3)", "momentum-schedule", Map.of("id", "cosine")), 10));
        assertEquals("config/invalid-combination", error.code());
        assertTrue(error.getMessage().contains("momentum-schedule = {id: cosine, final: 0.0}"), error.getMessage());
    }
}
