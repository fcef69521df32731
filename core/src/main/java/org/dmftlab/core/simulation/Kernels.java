package org.dmftlab.core.simulation;

/**
 * The dense vector kernels of the simulation's hot loop. Allocation-free, and every reduction adds in a fixed
 * order (interleaved partial sums, combined pairwise) so that results are reproducible bit for bit.
 *
 * <p>The four-row kernels serve the data pass: four rows of X share every load of the vector they are
 * multiplied with, give eight independent addition chains, and update the gradient with one load and store per
 * four rows. This roughly halves the time of a pass at d = 2000 compared with one row at a time.
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

    /**
     * out[k] = Σ_j x[offset + k·length + j] v[j] for the four consecutive rows k = 0…3 of a row-major matrix
     * with rows of {@code length}; modifies {@code out[0..3]}.
     */
    static void dotFourRows(double[] x, int offset, int length, double[] v, double[] out) {
        int o1 = offset + length;
        int o2 = o1 + length;
        int o3 = o2 + length;
        double a0 = 0;
        double a1 = 0;
        double b0 = 0;
        double b1 = 0;
        double c0 = 0;
        double c1 = 0;
        double e0 = 0;
        double e1 = 0;
        int j = 0;
        for (; j + 1 < length; j += 2) {
            double v0 = v[j];
            double v1 = v[j + 1];
            a0 += x[offset + j] * v0;
            a1 += x[offset + j + 1] * v1;
            b0 += x[o1 + j] * v0;
            b1 += x[o1 + j + 1] * v1;
            c0 += x[o2 + j] * v0;
            c1 += x[o2 + j + 1] * v1;
            e0 += x[o3 + j] * v0;
            e1 += x[o3 + j + 1] * v1;
        }
        if (j < length) {
            a0 += x[offset + j] * v[j];
            b0 += x[o1 + j] * v[j];
            c0 += x[o2 + j] * v[j];
            e0 += x[o3 + j] * v[j];
        }
        out[0] = a0 + a1;
        out[1] = b0 + b1;
        out[2] = c0 + c1;
        out[3] = e0 + e1;
    }

    /**
     * y[j] += Σ_k alpha[k] x[offset + k·y.length + j] over the four consecutive rows k = 0…3 of a row-major
     * matrix with rows of y.length; modifies {@code y}.
     */
    static void axpyFourRows(double[] alpha, double[] x, int offset, double[] y) {
        int length = y.length;
        int o1 = offset + length;
        int o2 = o1 + length;
        int o3 = o2 + length;
        double c0 = alpha[0];
        double c1 = alpha[1];
        double c2 = alpha[2];
        double c3 = alpha[3];
        for (int j = 0; j < length; j++) {
            y[j] += c0 * x[offset + j] + c1 * x[o1 + j] + c2 * x[o2 + j] + c3 * x[o3 + j];
        }
    }

    /** y[j] += alpha x[offset + j] for j &lt; y.length; modifies {@code y}. */
    static void axpy(double alpha, double[] x, int offset, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += alpha * x[offset + j];
        }
    }
}
