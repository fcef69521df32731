package org.dmftlab.validation.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.dmftlab.core.random.Normals;
import org.dmftlab.core.random.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sampler of the simulation's inputs ({@link Normals}: a ziggurat, two normals from each 64-bit word) against
 * the standard normal law, on 2²¹ draws from each of three base seeds: the Kolmogorov–Smirnov distance, the first
 * four moments, the tail frequencies beyond 1, 2, 3, the ziggurat's tail start R = 3.654 and 4, and the
 * independence of the two normals of one word (their correlation, and that of their squares). Every check is a
 * z-score or a p-value held to a family-wise false-alarm rate of 0.3 % over all 3 × {@value #CHECKS} checks
 * (Bonferroni). The same battery rejects a sampler 0.3 % too wide and one without the tail beyond 3.
 */
class NormalsTest {

    private static final int DRAWS = 1 << 21;
    private static final double[] TAILS = {1, 2, 3, 3.6541528853610088, 4};
    /** KS, four moments, five tails, two pair correlations. */
    private static final int CHECKS = 1 + 4 + TAILS.length + 2;
    private static final double FAMILY_FALSE_ALARM = 0.003;
    private static final double PER_CHECK = FAMILY_FALSE_ALARM / (3 * CHECKS);
    private static final NormalDistribution PHI = new NormalDistribution(0, 1);
    private static final double Z = PHI.inverseCumulativeProbability(1 - PER_CHECK / 2);

    @ParameterizedTest(name = "base seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theSamplerDrawsStandardNormals(long seed) {
        List<String> failures = battery((random, out) -> Normals.fill(random, out, 0, out.length), seed);

        assertTrue(failures.isEmpty(), () -> "not N(0, 1): " + failures);
    }

    @Test
    void theBatteryRejectsANearMiss() {
        BiConsumer<RandomGenerator, double[]> wide = (random, out) -> {
            Normals.fill(random, out, 0, out.length);
            for (int i = 0; i < out.length; i++) {
                out[i] *= 1.003;
            }
        };
        BiConsumer<RandomGenerator, double[]> noTail = (random, out) -> {
            Normals.fill(random, out, 0, out.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(-3, Math.min(3, out[i]));
            }
        };

        assertFalse(battery(wide, 1).isEmpty(), "a sampler 0.3 % too wide");
        assertFalse(battery(noTail, 1).isEmpty(), "a sampler without its tail");
    }

    @Test
    void oddRangesTakeAWordOfTheirOwnForTheLastEntry() {
        double[] whole = new double[6];
        double[] parts = new double[6];
        Normals.fill(Streams.root(7), whole, 0, 6);
        RandomGenerator random = Streams.root(7);
        Normals.fill(random, parts, 0, 4);
        Normals.fill(random, parts, 4, 6);
        double[] odd = new double[6];
        Normals.fill(Streams.root(7), odd, 1, 4);

        assertTrue(Arrays.equals(whole, parts), "the stream is read in order: " + Arrays.toString(parts));
        assertEquals(whole[0], odd[1], "the pair starts at from");
        assertEquals(whole[1], odd[2]);
        assertEquals(0, odd[0], "nothing before from");
        assertEquals(0, odd[4], "nothing from to on");
    }

    private static List<String> battery(BiConsumer<RandomGenerator, double[]> sampler, long seed) {
        double[] x = new double[DRAWS];
        sampler.accept(Streams.root(seed).split(), x);
        List<String> failures = new ArrayList<>();
        double ks = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(PHI, x, false);
        if (ks < PER_CHECK) {
            failures.add("Kolmogorov-Smirnov p = " + ks);
        }
        // E x^k and Var x^k of N(0, 1) for k = 1…4: means 0, 1, 0, 3; variances 1, 2, 15, 96.
        double[] means = {0, 1, 0, 3};
        double[] variances = {1, 2, 15, 96};
        for (int k = 1; k <= 4; k++) {
            int power = k;
            double mean = Arrays.stream(x).map(v -> Math.pow(v, power)).sum() / DRAWS;
            check(failures, "E x^" + k, mean, means[k - 1], Math.sqrt(variances[k - 1] / DRAWS));
        }
        for (double c : TAILS) {
            double p = 2 * PHI.cumulativeProbability(-c);
            double observed = Arrays.stream(x).filter(v -> Math.abs(v) > c).count() / (double) DRAWS;
            check(failures, "P(|x| > " + c + ")", observed, p, Math.sqrt(p * (1 - p) / DRAWS));
        }
        double product = 0;
        double squares = 0;
        for (int i = 0; i + 1 < DRAWS; i += 2) {
            product += x[i] * x[i + 1];
            squares += (x[i] * x[i] - 1) * (x[i + 1] * x[i + 1] - 1);
        }
        int pairs = DRAWS / 2;
        check(failures, "E[x y], one word", product / pairs, 0, Math.sqrt(1.0 / pairs));
        check(failures, "E[(x²−1)(y²−1)], one word", squares / pairs, 0, Math.sqrt(4.0 / pairs));
        return failures;
    }

    private static void check(List<String> failures, String name, double estimate, double expected, double error) {
        double z = (estimate - expected) / error;
        if (Math.abs(z) > Z) {
            failures.add(name + " = " + estimate + " against " + expected + " (z = " + z + ")");
        }
    }
}
