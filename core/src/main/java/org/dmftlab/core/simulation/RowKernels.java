package org.dmftlab.core.simulation;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmftlab.core.problem.Precision;

/**
 * The kernels of the data pass over the rows of X (SPEC §2: r = x·ŵ per row, then Σ_μ g_μ x_μ), for rows stored in
 * double or in single precision ({@link Precision}). Allocation-free.
 *
 * <p>Every result is one fixed sequence of fused multiply-adds in double precision (a float entry is converted to
 * double exactly), so it is reproducible bit for bit, whatever the hardware, the JIT state or the number of rows
 * a call handles:
 * <ul>
 *   <li>x·v: four partial sums, partial sum l taking the columns j ≡ l (mod 4) below d′ = d − (d mod 4) in
 *       increasing j, s_l ← fma(x_j, v_j, s_l); then s = (s_0 + s_1) + (s_2 + s_3); then the last d mod 4
 *       columns, s ← fma(x_j, v_j, s);</li>
 *   <li>y += Σ_k c_k x_k over rows k in the order given: y_j ← fma(x_{k,j}, c_k, y_j), row after row.</li>
 * </ul>
 *
 * <p>Two implementations compute exactly these. {@link ScalarRows}, plain loops, serves every call until the
 * four-row kernels of {@link VectorRows}, on the Vector API, are ready: three to four times as fast once the JIT
 * has compiled them, but some hundred times slower than plain code before that. A background thread per precision
 * ({@link WarmUp}) compiles them and switches that precision's four-row calls to them as soon as each beats its
 * scalar twin on the same rows ({@link #compileAndSwitch}); results never depend on when, or whether, that
 * happens. The one-row kernels (labels,
 * the last rows of a block) stay scalar.
 */
final class RowKernels {

    /**
     * Calls on short rows that take both implementations through the interpreter to the JIT's thresholds: the
     * scalar kernels too, which serve the data pass until the switch and are the yardstick of the switch.
     */
    private static final int WARM_UP_CALLS = 20_000;
    /** Row length of those calls: short, because the Vector API is very slow until it is compiled. */
    private static final int WARM_UP_LENGTH = 8;
    /** Row length on which the vector kernels are timed against the scalar ones. */
    private static final int TIMED_LENGTH = 64;
    /** Calls per timing, and timings per kernel (the fastest counts). */
    private static final int TIMED_CALLS = 16;
    private static final int TIMINGS = 2;
    /** How long the vector kernels get to win before they are given up (hardware where they do not pay). */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Whether the single-precision (double-precision) vector kernels are compiled and faster than the scalar ones. */
    private static volatile boolean singleVectors;
    private static volatile boolean doubleVectors;

    private RowKernels() {
    }

    /** Σ_j x[offset + j] v[j] over j &lt; d. */
    static double dot(double[] x, int offset, double[] v, int d) {
        return ScalarRows.dot(x, offset, v, d);
    }

    /** As {@link #dot(double[], int, double[], int)} for a row in single precision. */
    static double dot(float[] x, int offset, double[] v, int d) {
        return ScalarRows.dot(x, offset, v, d);
    }

    /**
     * out[k] = x_k · v for the four consecutive rows k = 0…3 of length d starting at {@code offset}; modifies
     * {@code out[0..3]}.
     */
    static void dotFour(double[] x, int offset, double[] v, int d, double[] out) {
        if (doubleVectors) {
            VectorRows.dotFour(x, offset, v, d, out);
        } else {
            ScalarRows.dotFour(x, offset, v, d, out);
        }
    }

    /** As {@link #dotFour(double[], int, double[], int, double[])} for rows in single precision. */
    static void dotFour(float[] x, int offset, double[] v, int d, double[] out) {
        if (singleVectors) {
            VectorRows.dotFour(x, offset, v, d, out);
        } else {
            ScalarRows.dotFour(x, offset, v, d, out);
        }
    }

    /** y += c x_row for the row of length y.length at {@code offset}; modifies {@code y}. */
    static void add(double[] x, int offset, double c, double[] y) {
        ScalarRows.add(x, offset, c, y);
    }

    /** As {@link #add(double[], int, double, double[])} for a row in single precision. */
    static void add(float[] x, int offset, double c, double[] y) {
        ScalarRows.add(x, offset, c, y);
    }

    /**
     * y += c[0] x_0 + c[1] x_1 + c[2] x_2 + c[3] x_3, in that order, for the four rows of length y.length at
     * {@code offsets[0..3]}; modifies {@code y}.
     */
    static void addFour(double[] x, int[] offsets, double[] c, double[] y) {
        if (doubleVectors) {
            VectorRows.addFour(x, offsets, c, y);
        } else {
            ScalarRows.addFour(x, offsets, c, y);
        }
    }

    /** As {@link #addFour(double[], int[], double[], double[])} for rows in single precision. */
    static void addFour(float[] x, int[] offsets, double[] c, double[] y) {
        if (singleVectors) {
            VectorRows.addFour(x, offsets, c, y);
        } else {
            ScalarRows.addFour(x, offsets, c, y);
        }
    }

    /**
     * Compiles a precision's kernels, vector and scalar, and switches to the vector ones as soon as both beat their
     * compiled scalar twins on the same rows, or gives up after {@link #PATIENCE_NANOS}. Timed against compiled
     * scalar code, a vector kernel wins only once it is optimised itself (before that the Vector API allocates
     * an object per operation). Runs for about a second; meant for a background thread ({@link WarmUp}).
     */
    static void compileAndSwitch(Precision precision) {
        List<Twins> compiling = Twins.of(precision, WARM_UP_LENGTH);
        for (int call = 0; call < WARM_UP_CALLS; call++) {
            compiling.forEach(Twins::run);
        }
        List<Twins> timed = Twins.of(precision, TIMED_LENGTH);
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (System.nanoTime() < deadline) {
            if (timed.stream().allMatch(Twins::vectorFaster)) {
                if (precision == Precision.SINGLE) {
                    singleVectors = true;
                } else {
                    doubleVectors = true;
                }
                return;
            }
        }
    }

    /** One four-row kernel in both implementations, on the same four rows of zeros. */
    private record Twins(Runnable vector, Runnable scalar) {

        static List<Twins> of(Precision precision, int d) {
            double[] v = new double[d];
            double[] out = new double[4];
            int[] offsets = {0, d, 2 * d, 3 * d};
            if (precision == Precision.SINGLE) {
                float[] x = new float[4 * d];
                return List.of(new Twins(() -> VectorRows.dotFour(x, 0, v, d, out),
                                () -> ScalarRows.dotFour(x, 0, v, d, out)),
                        new Twins(() -> VectorRows.addFour(x, offsets, out, v),
                                () -> ScalarRows.addFour(x, offsets, out, v)));
            }
            double[] x = new double[4 * d];
            return List.of(new Twins(() -> VectorRows.dotFour(x, 0, v, d, out),
                            () -> ScalarRows.dotFour(x, 0, v, d, out)),
                    new Twins(() -> VectorRows.addFour(x, offsets, out, v),
                            () -> ScalarRows.addFour(x, offsets, out, v)));
        }

        /** Calls both kernels once. */
        void run() {
            vector.run();
            scalar.run();
        }

        /** Whether the vector kernel's fastest timing beats the scalar one's. */
        boolean vectorFaster() {
            return fastest(vector) < fastest(scalar);
        }

        private static long fastest(Runnable kernel) {
            long best = Long.MAX_VALUE;
            for (int timing = 0; timing < TIMINGS; timing++) {
                long start = System.nanoTime();
                for (int call = 0; call < TIMED_CALLS; call++) {
                    kernel.run();
                }
                best = Math.min(best, System.nanoTime() - start);
            }
            return best;
        }
    }
}
