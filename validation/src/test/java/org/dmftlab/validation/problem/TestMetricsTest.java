package org.dmftlab.validation.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TestMetrics#testLoss} against the closed forms of SPEC §3 with the real square loss and teachers, and
 * against a direct Monte-Carlo estimate for the logistic loss (no closed form).
 */
class TestMetricsTest {

    /** The quadrature is exact for polynomial losses up to rounding. */
    private static final double QUADRATURE = 1e-12;

    private static final Loss SQUARE = Plugins.loss("square");

    @ParameterizedTest(name = "ρ={0} M={1} Q={2} Δ={3}")
    @CsvSource({"1, 0.6, 0.9, 0", "1.3, -0.4, 2.0, 0.3", "0.8, 0.8, 0.8, 0", "1, 0, 0, 0.5"})
    void squareLossWithLinearTeacherIsHalfTheTestError(double rho, double m, double q, double noise) {
        Teacher linear = Plugins.linearTeacher(noise);
        double expected = 0.5 * (rho - 2 * m + q + noise);
        assertEquals(expected, TestMetrics.testLoss(SQUARE, linear, rho, m, q), QUADRATURE);
        assertEquals(2 * expected, linear.testError(rho, m, q), QUADRATURE);
    }

    @ParameterizedTest(name = "ρ={0} M={1} Q={2} p={3}")
    @CsvSource({"1, 0.6, 0.9, 0", "1.3, -0.4, 2.0, 0.1", "0.5, 0.1, 1.0, 0.25", "2, 0, 0, 0"})
    void squareLossWithSignTeacherHasTheClosedForm(double rho, double m, double q, double flip) {
        Teacher sign = Plugins.signTeacher(flip);
        double expected = 0.5 * (1 - 2 * (1 - 2 * flip) * m * Math.sqrt(2 / (Math.PI * rho)) + q);
        assertEquals(expected, TestMetrics.testLoss(SQUARE, sign, rho, m, q), QUADRATURE);
    }

    @ParameterizedTest(name = "ρ={0} M={1} Q={2} p={3}")
    @CsvSource({"1, 0.6, 0.9, 0", "1.3, -0.4, 2.0, 0.1"})
    void logisticLossWithSignTeacherMatchesMonteCarlo(double rho, double m, double q, double flip) {
        Loss logistic = Plugins.loss("logistic");
        Teacher sign = Plugins.signTeacher(flip);
        SplittableRandom random = new SplittableRandom(7);
        int samples = 400_000;
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < samples; i++) {
            double h0 = Math.sqrt(rho) * random.nextGaussian();
            double r = m / rho * h0 + Math.sqrt(q - m * m / rho) * random.nextGaussian();
            double value = logistic.value(sign.label(h0, sign.drawNoise(random)), r);
            sum += value;
            sumOfSquares += value * value;
        }
        double mean = sum / samples;
        double standardError = Math.sqrt((sumOfSquares / samples - mean * mean) / samples);
        assertEquals(mean, TestMetrics.testLoss(logistic, sign, rho, m, q), 5 * standardError);
    }
}
