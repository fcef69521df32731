package org.dmftlab.core.simulation;

/**
 * The kernels of {@link RowKernels} as plain loops: the same fused multiply-adds in the same order as
 * {@link VectorRows}, so the same results bit for bit. They need no warm-up; the simulation uses them until the
 * vector kernels are compiled.
 */
final class ScalarRows {

    private static final int WIDTH = 4;

    private ScalarRows() {
    }

    /** Σ_j x[offset + j] v[j] over j &lt; d, in the order of {@link RowKernels}. */
    static double dot(double[] x, int offset, double[] v, int d) {
        int bulk = d - d % WIDTH;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int j = 0; j < bulk; j += WIDTH) {
            s0 = Math.fma(x[offset + j], v[j], s0);
            s1 = Math.fma(x[offset + j + 1], v[j + 1], s1);
            s2 = Math.fma(x[offset + j + 2], v[j + 2], s2);
            s3 = Math.fma(x[offset + j + 3], v[j + 3], s3);
        }
        double sum = (s0 + s1) + (s2 + s3);
        for (int j = bulk; j < d; j++) {
            sum = Math.fma(x[offset + j], v[j], sum);
        }
        return sum;
    }

    /** As {@link #dot(double[], int, double[], int)} for a row in single precision. */
    static double dot(float[] x, int offset, double[] v, int d) {
        int bulk = d - d % WIDTH;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int j = 0; j < bulk; j += WIDTH) {
            s0 = Math.fma(x[offset + j], v[j], s0);
            s1 = Math.fma(x[offset + j + 1], v[j + 1], s1);
            s2 = Math.fma(x[offset + j + 2], v[j + 2], s2);
            s3 = Math.fma(x[offset + j + 3], v[j + 3], s3);
        }
        double sum = (s0 + s1) + (s2 + s3);
        for (int j = bulk; j < d; j++) {
            sum = Math.fma(x[offset + j], v[j], sum);
        }
        return sum;
    }

    /** out[k] = x_k · v for the four consecutive rows k = 0…3 at {@code offset}; modifies {@code out[0..3]}. */
    static void dotFour(double[] x, int offset, double[] v, int d, double[] out) {
        for (int k = 0; k < WIDTH; k++) {
            out[k] = dot(x, offset + k * d, v, d);
        }
    }

    /** As {@link #dotFour(double[], int, double[], int, double[])} for rows in single precision. */
    static void dotFour(float[] x, int offset, double[] v, int d, double[] out) {
        for (int k = 0; k < WIDTH; k++) {
            out[k] = dot(x, offset + k * d, v, d);
        }
    }

    /** y += c x_row for the row of length y.length at {@code offset}; modifies {@code y}. */
    static void add(double[] x, int offset, double c, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.fma(x[offset + j], c, y[j]);
        }
    }

    /** As {@link #add(double[], int, double, double[])} for a row in single precision. */
    static void add(float[] x, int offset, double c, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.fma(x[offset + j], c, y[j]);
        }
    }

    /** y += Σ_k c[k] x_k over the four rows at {@code offsets[0..3]}, in that order; modifies {@code y}. */
    static void addFour(double[] x, int[] offsets, double[] c, double[] y) {
        for (int k = 0; k < WIDTH; k++) {
            add(x, offsets[k], c[k], y);
        }
    }

    /** As {@link #addFour(double[], int[], double[], double[])} for rows in single precision. */
    static void addFour(float[] x, int[] offsets, double[] c, double[] y) {
        for (int k = 0; k < WIDTH; k++) {
            add(x, offsets[k], c[k], y);
        }
    }
}
