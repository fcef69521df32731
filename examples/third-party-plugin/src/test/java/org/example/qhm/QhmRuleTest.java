package org.example.qhm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dmftlab.core.spi.StepCoefficients;
import org.junit.jupiter.api.Test;

/**
 * The coefficients of {@link QhmRule} against QHM written with its gradient average, and its two limits.
 */
class QhmRuleTest {

    private static final double ETA = 0.3;
    private static final double BETA = 0.8;
    private static final double NU = 0.6;

    /**
     * On the quadratic f(w) = κ(w − w*)²/2, run QHM as Ma &amp; Yarats write it (with the average g) and the
     * linear-memory form of SPEC §2.1 with the rule's coefficients; the iterates must coincide.
     */
    @Test
    void linearMemoryFormReproducesTheAveragedGradientForm() {
        double kappa = 1.7;
        double target = 0.4;
        QhmRule rule = new QhmRule(ETA, BETA, NU, 1, 0);
        double average = 0;
        double qhm = -1.2;
        double current = qhm;
        double previous = qhm;
        double previousGradient = 0;
        for (int t = 0; t < 40; t++) {
            double gradient = kappa * (qhm - target);
            average = BETA * average + (1 - BETA) * gradient;
            qhm -= ETA * ((1 - NU) * gradient + NU * average);

            StepCoefficients step = rule.coefficients(t);
            double linearGradient = kappa * (step.c(0) * current + step.c(1) * previous - target);
            double next = step.a(0) * current + step.a(1) * previous - step.b(0) * linearGradient
                    - step.b(1) * previousGradient;
            previous = current;
            current = next;
            previousGradient = linearGradient;
            assertEquals(qhm, current, 1e-12, "w at step " + (t + 1));
        }
    }

    @Test
    void nuZeroIsSgdAndNuOneIsHeavyBallWithDampedStep() {
        for (int t : new int[] {0, 1, 7}) {
            assertCoefficients(StepCoefficients.momentum(ETA, 0, 0), new QhmRule(ETA, 0, 0, 1, 0).coefficients(t));
            assertCoefficients(StepCoefficients.momentum(ETA * (1 - BETA), BETA, 0),
                    new QhmRule(ETA, BETA, 1, 1, 0).coefficients(t));
        }
    }

    private static void assertCoefficients(StepCoefficients expected, StepCoefficients actual) {
        assertEquals(expected.memory(), actual.memory());
        for (int j = 0; j <= expected.memory(); j++) {
            assertEquals(expected.a(j), actual.a(j), 1e-15, "a " + j);
            assertEquals(expected.b(j), actual.b(j), 1e-15, "b " + j);
            assertEquals(expected.c(j), actual.c(j), 1e-15, "c " + j);
        }
    }
}
