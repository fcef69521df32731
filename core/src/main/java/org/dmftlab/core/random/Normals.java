package org.dmftlab.core.random;

import java.util.random.RandomGenerator;

/**
 * Standard normal numbers, two from each 64-bit word of a generator: the sampler of the simulation's inputs X
 * (SPEC §1), where drawing them is the largest fixed cost of a run and the generator's word the limit.
 *
 * <p>The method is the ziggurat of Marsaglia and Tsang (J. Stat. Softw. 5(8), 2000) with 256 layers of equal area
 * V under f(x) = exp(−x²/2): layer 0 is the base strip [0, R] plus the tail beyond R, the others are rectangles
 * [0, x_i] stacked up to f(0) = 1. Each normal takes one 32-bit half of a word, the low half first: its low 8 bits
 * choose the layer i, its high 24 bits, read as a signed integer k, the point x = (k + ½) 2⁻²³ x_i — 2²⁴ equally
 * spaced points symmetric about 0, the resolution of a float (numpy's single-precision normals draw 32 bits per
 * normal in the same way). The layer's bits and the point's bits are disjoint, so the two are independent
 * (Doornik, "An improved ziggurat method to generate normal random samples", 2005). A point inside the curve's
 * inner rectangle, |x| &lt; x_{i+1} (about 99 % of draws), is the normal. Otherwise the wedge is checked with a
 * further uniform, the tail is drawn by Marsaglia's exponential method, and a rejected draw starts again from the
 * low half of a new word; these draw further words from the generator, after the word being read, in a fixed
 * order. The sample follows the ziggurat's distribution, exactly normal, discretised to the 2²⁴ points of each
 * layer: spacing at most 2⁻²³ x_0 &lt; 5 × 10⁻⁷, far below anything a simulation of 10⁹ entries could resolve.
 *
 * <p>The tables are built when the class loads, from R (the published constant for 256 layers) and V = f(R) (R +
 * the Mills ratio at R). {@code NormalsTest} (validation) holds the sample to the normal law: distance, moments,
 * tails and the independence of a word's two normals. Measured against the JDK's {@code nextGaussian} and Commons
 * RNG's {@code ZigguratSampler} on the same generator, this sampler is about twice as fast (docs/performance.md,
 * "Simulation end to end"): the word, not the transform, is the cost, and each normal here takes half of one.
 */
public final class Normals {

    /** Layers, the values of a half-word's low 8 bits. */
    private static final int LAYERS = 256;
    /** Where the tail begins, x_1 (Marsaglia and Tsang 2000, 256 layers). */
    private static final double R = 3.6541528853610088;
    /** Bits of a half-word that select the point within a layer (with its sign). */
    private static final int POINT_BITS = 24;
    /** 2⁻²³: a signed 24-bit point k + ½ times this lies in (−1, 1). */
    private static final double POINT_SCALE = 0x1p-23;

    /** x_i, i = 0…256: x_0 = V / f(R) (the base strip's width, tail included), x_1 = R, decreasing to x_256 = 0. */
    private static final double[] EDGES = new double[LAYERS + 1];
    /** f(x_i) = exp(−x_i²/2). */
    private static final double[] HEIGHTS = new double[LAYERS + 1];
    /** x_i 2⁻²³: the point k + ½ of layer i is (k + ½) times this. */
    private static final double[] WIDTHS = new double[LAYERS];
    /** 2²³ x_{i+1} / x_i: points of layer i with |k + ½| below this lie under the curve. */
    private static final double[] INNER = new double[LAYERS];

    static {
        double base = R + millsRatio(R);
        EDGES[0] = base;
        EDGES[1] = R;
        double area = base * density(R);
        for (int i = 2; i < LAYERS; i++) {
            EDGES[i] = Math.sqrt(-2 * Math.log(area / EDGES[i - 1] + density(EDGES[i - 1])));
        }
        EDGES[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            HEIGHTS[i] = density(EDGES[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            WIDTHS[i] = EDGES[i] * POINT_SCALE;
            INNER[i] = EDGES[i + 1] / EDGES[i] / POINT_SCALE;
        }
    }

    private Normals() {
    }

    /**
     * Fills {@code out[from … to)} with independent standard normals from {@code random}: entries from and from + 1
     * from the low and high half of one word, and so on; an odd last entry takes the low half of a word of its own.
     */
    public static void fill(RandomGenerator random, double[] out, int from, int to) {
        int k = from;
        for (; k + 1 < to; k += 2) {
            long word = random.nextLong();
            out[k] = normal((int) word, random);
            out[k + 1] = normal((int) (word >>> Integer.SIZE), random);
        }
        if (k < to) {
            out[k] = normal((int) random.nextLong(), random);
        }
    }

    /** The normal of one half-word, from further words of {@code random} when it falls outside the inner rectangle. */
    private static double normal(int half, RandomGenerator random) {
        int layer = half & (LAYERS - 1);
        double point = (half >> (Integer.SIZE - POINT_BITS)) + 0.5;
        if (Math.abs(point) < INNER[layer]) {
            return point * WIDTHS[layer];
        }
        return outside(layer, point * WIDTHS[layer], random);
    }

    /** The wedge test, the tail, or a new draw, for x of layer i beyond the inner rectangle. */
    private static double outside(int layer, double x, RandomGenerator random) {
        int i = layer;
        double candidate = x;
        while (true) {
            if (i == 0) {
                return tail(candidate < 0, random);
            }
            double height = HEIGHTS[i] + random.nextDouble() * (HEIGHTS[i + 1] - HEIGHTS[i]);
            if (height < density(candidate)) {
                return candidate;
            }
            int half = (int) random.nextLong();
            i = half & (LAYERS - 1);
            double point = (half >> (Integer.SIZE - POINT_BITS)) + 0.5;
            candidate = point * WIDTHS[i];
            if (Math.abs(point) < INNER[i]) {
                return candidate;
            }
        }
    }

    /** A normal beyond R (Marsaglia 1964: R + a with a exponential of rate R, accepted with probability exp(−a²/2)). */
    private static double tail(boolean negative, RandomGenerator random) {
        double a;
        double b;
        do {
            a = -Math.log(1 - random.nextDouble()) / R;
            b = -Math.log(1 - random.nextDouble());
        } while (b + b < a * a);
        return negative ? -(R + a) : R + a;
    }

    /** f(x) = exp(−x²/2), the unnormalised density. */
    private static double density(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** ∫_x^∞ f(t) dt / f(x) for x ≥ 3, by its continued fraction 1/(x + 1/(x + 2/(x + 3/(x + …)))). */
    private static double millsRatio(double x) {
        double tail = 0;
        for (int k = 200; k >= 1; k--) {
            tail = k / (x + tail);
        }
        return 1 / (x + tail);
    }
}
