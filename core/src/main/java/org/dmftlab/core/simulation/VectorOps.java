package org.dmftlab.core.simulation;

/**
 * Dot products of the simulation's d-vectors (observables, the teacher, the initial point, a dense Σ): allocation
 * free, and every reduction adds in a fixed order (interleaved partial sums, combined pairwise) so that results
 * are reproducible bit for bit. The data pass over the rows of X uses {@link RowKernels}.
 */
final class VectorOps {

    private VectorOps() {
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
}
