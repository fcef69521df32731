package org.dmftlab.validation.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Quadrature;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.TeacherProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Teacher} contract (SPEC §1, §3) for every discovered teacher, at its defaults and at parameter
 * variants: {@code testError(ρ, M, Q)} equals a direct Monte-Carlo estimate over centred Gaussian (h0, r) with
 * variances (ρ, Q) and covariance M, with labels y = φ(h0, ε) and ε from {@link Teacher#drawNoise}. A teacher
 * whose labels are all ±1 is a classifier and its test error is P(sign(r) ≠ y); any other teacher is a regression
 * and its test error is E(y − r)². The noise law must be a probability law.
 */
class TeacherContractTest {

    private static final int SAMPLES = 400_000;
    /** Allowed Monte-Carlo deviation in standard errors. */
    private static final double STANDARD_ERRORS = 5;
    /** (ρ, M, Q) triples: aligned, anti-aligned with ρ ≠ 1, and nearly orthogonal. */
    private static final double[][] OVERLAPS = {{1, 0.6, 0.9}, {1.3, -0.4, 2.0}, {0.7, 0.05, 0.3}};

    static Stream<Arguments> teachers() {
        return Contracts.providers(PluginFamily.TEACHER).flatMap(named -> {
            TeacherProvider provider = named.getPayload().provider();
            return Contracts.variants(provider).stream()
                    .map(values -> Arguments.of(Named.of(named.getName() + " " + values, provider), values));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teachers")
    void testErrorMatchesMonteCarlo(TeacherProvider provider, Map<String, Object> values) {
        Teacher teacher = Contracts.create(provider, values);
        SplittableRandom random = new SplittableRandom(20261128);
        for (double[] overlap : OVERLAPS) {
            double rho = overlap[0];
            double m = overlap[1];
            double q = overlap[2];
            double slope = m / rho;
            double conditionalSd = Math.sqrt(q - m * m / rho);
            double[] labels = new double[SAMPLES];
            double[] preactivations = new double[SAMPLES];
            boolean classifier = true;
            for (int i = 0; i < SAMPLES; i++) {
                double h0 = Math.sqrt(rho) * random.nextGaussian();
                preactivations[i] = slope * h0 + conditionalSd * random.nextGaussian();
                labels[i] = teacher.label(h0, teacher.drawNoise(random));
                classifier &= Math.abs(labels[i]) == 1;
            }
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = 0; i < SAMPLES; i++) {
                double error = classifier
                        ? (Math.signum(preactivations[i]) != labels[i] ? 1 : 0)
                        : (labels[i] - preactivations[i]) * (labels[i] - preactivations[i]);
                sum += error;
                sumOfSquares += error * error;
            }
            double mean = sum / SAMPLES;
            double standardError = Math.sqrt((sumOfSquares / SAMPLES - mean * mean) / SAMPLES);
            assertEquals(mean, teacher.testError(rho, m, q), STANDARD_ERRORS * standardError + 1e-12,
                    (classifier ? "P(sign(r) != y)" : "E(y - r)^2") + " at (ρ, M, Q) = (" + rho + ", " + m + ", " + q + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teachers")
    void noiseLawIsAProbabilityLaw(TeacherProvider provider, Map<String, Object> values) {
        Quadrature law = Contracts.<Teacher>create(provider, values).noiseLaw();
        double total = 0;
        for (int i = 0; i < law.size(); i++) {
            assertTrue(law.weight(i) >= 0 && Double.isFinite(law.node(i)), "node " + i);
            total += law.weight(i);
        }
        assertEquals(1, total, 1e-12);
    }
}
