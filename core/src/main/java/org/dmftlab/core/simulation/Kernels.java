package org.dmftlab.core.simulation;

/**
 * The dense vector kernels of the simulation's hot loop. Allocation-free, and every reduction adds in a fixed
 * order (four interleaved partial sums, combined pairwise) so that results are reproducible bit for bit.
 */
final class Kernels {

    private Kernels() {
    }

    /** Σ_j a[offset + j] b[j] for j &lt; length. */
    static double dot(double[] a, int offset, double[] b, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += a[offset + j] * b[j];
            s1 += a[offset + j + 1] * b[j + 1];
            s2 += a[offset + j + 2] * b[j + 2];
            s3 += a[offset + j + 3] * b[j + 3];
        }
        for (; j < length; j++) {
            s0 += a[offset + j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** a · b over the whole (equal) length. */
    static double dot(double[] a, double[] b) {
        return dot(a, 0, b, b.length);
    }

    /** y[j] += alpha x[offset + j] for j &lt; y.length; modifies {@code y}. */
    static void axpy(double alpha, double[] x, int offset, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += alpha * x[offset + j];
        }
    }
}
