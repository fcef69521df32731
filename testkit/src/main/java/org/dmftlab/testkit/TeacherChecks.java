package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.dmftlab.core.spi.Quadrature;
import org.dmftlab.core.spi.Teacher;

/**
 * The {@link Teacher} contract (SPEC §1, §3): labels fit the declared {@link Teacher#task()} (±1 for a
 * classification, finite reals for a regression); {@code testError(ρ, M, Q)} equals a direct Monte-Carlo estimate
 * over centred Gaussian (h0, r) with variances (ρ, Q) and covariance M, labels y = φ(h0, ε) and ε from
 * {@link Teacher#drawNoise} — E(y − r)² for a regression, P(sign(r) ≠ y) for a classification; the noise law is a
 * probability law, and labels φ(h0, ε) have the same law with ε from the noise law (what the theory's test loss
 * integrates over, SPEC §3) as with ε from {@link Teacher#drawNoise} (what the simulation uses). The labels, not ε
 * itself, are compared: a noiseless teacher may draw an ε its labels ignore.
 */
final class TeacherChecks {

    private static final int SAMPLES = 400_000;
    private static final long SEED = 20261128;
    /** Allowed Monte-Carlo deviation in standard errors (a false alarm per comparison below 1e-6). */
    private static final double STANDARD_ERRORS = 5;
    /** (ρ, M, Q) triples: aligned, anti-aligned with ρ ≠ 1, and nearly orthogonal. */
    private static final double[][] OVERLAPS = {{1, 0.6, 0.9}, {1.3, -0.4, 2.0}, {0.7, 0.05, 0.3}};
    /** Teacher preactivations at which the labels' law is compared. */
    private static final double[] FIELDS = {-1.3, 0.4, 2.0};
    /** Smooth test functions f whose means E f(φ(h0, ε)) under the noise law and under drawNoise must agree. */
    private static final DoubleUnaryOperator[] LABEL_FUNCTIONS = {y -> y, y -> y * y, Math::cos, Math::tanh};
    private static final String[] LABEL_FUNCTION_NAMES = {"y", "y²", "cos y", "tanh y"};

    private TeacherChecks() {
    }

    static void labelsFitTheTask(Teacher teacher) {
        Teacher.Task task = teacher.task();
        assertNotNull(task, "task() must say REGRESSION or CLASSIFICATION");
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 10_000; i++) {
            double h0 = 2 * random.nextGaussian();
            double label = teacher.label(h0, teacher.drawNoise(random));
            assertTrue(task == Teacher.Task.CLASSIFICATION ? Math.abs(label) == 1 : Double.isFinite(label),
                    "a " + task + " teacher labels h0 = " + h0 + " with " + label);
        }
    }

    static void testErrorMatchesMonteCarlo(Teacher teacher) {
        SplittableRandom random = new SplittableRandom(SEED);
        boolean classifier = teacher.task() == Teacher.Task.CLASSIFICATION;
        double[] labels = new double[SAMPLES];
        double[] preactivations = new double[SAMPLES];
        for (double[] overlap : OVERLAPS) {
            double rho = overlap[0];
            double m = overlap[1];
            double q = overlap[2];
            double slope = m / rho;
            double conditionalSd = Math.sqrt(q - m * m / rho);
            for (int i = 0; i < SAMPLES; i++) {
                double h0 = Math.sqrt(rho) * random.nextGaussian();
                preactivations[i] = slope * h0 + conditionalSd * random.nextGaussian();
                labels[i] = teacher.label(h0, teacher.drawNoise(random));
            }
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = 0; i < SAMPLES; i++) {
                double residual = labels[i] - preactivations[i];
                double error = classifier ? (Math.signum(preactivations[i]) != labels[i] ? 1 : 0) : residual * residual;
                sum += error;
                sumOfSquares += error * error;
            }
            double mean = sum / SAMPLES;
            double standardError = Math.sqrt((sumOfSquares / SAMPLES - mean * mean) / SAMPLES);
            String metric = classifier ? "P(sign(r) != y)" : "E(y - r)^2";
            assertEquals(mean, teacher.testError(rho, m, q), STANDARD_ERRORS * standardError + 1e-12,
                    metric + " at (ρ, M, Q) = (" + rho + ", " + m + ", " + q + ")");
        }
    }

    static void noiseLawIsAProbabilityLaw(Teacher teacher) {
        Quadrature law = teacher.noiseLaw();
        double total = 0;
        for (int i = 0; i < law.size(); i++) {
            assertTrue(law.weight(i) >= 0 && Double.isFinite(law.node(i)), "node " + i);
            total += law.weight(i);
        }
        assertEquals(1, total, 1e-12, "total weight");
    }

    /**
     * E f(φ(h0, ε)) by the noise law against the mean over {@value #SAMPLES} draws of ε, for a few smooth f and
     * teacher preactivations h0.
     */
    static void noiseLawGivesTheLabelsOfDrawNoise(Teacher teacher) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] noises = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            noises[i] = teacher.drawNoise(random);
        }
        Quadrature law = teacher.noiseLaw();
        for (double h0 : FIELDS) {
            for (int f = 0; f < LABEL_FUNCTIONS.length; f++) {
                DoubleUnaryOperator function = LABEL_FUNCTIONS[f];
                double expected = 0;
                for (int i = 0; i < law.size(); i++) {
                    expected += law.weight(i) * function.applyAsDouble(teacher.label(h0, law.node(i)));
                }
                double sum = 0;
                double sumOfSquares = 0;
                for (double noise : noises) {
                    double value = function.applyAsDouble(teacher.label(h0, noise));
                    sum += value;
                    sumOfSquares += value * value;
                }
                double mean = sum / SAMPLES;
                double standardError = Math.sqrt(Math.max(0, sumOfSquares / SAMPLES - mean * mean) / SAMPLES);
                assertEquals(expected, mean, STANDARD_ERRORS * standardError + 1e-9, "E " + LABEL_FUNCTION_NAMES[f]
                        + " at h0 = " + h0 + " with ε from noiseLaw() against the mean over drawNoise()");
            }
        }
    }
}
