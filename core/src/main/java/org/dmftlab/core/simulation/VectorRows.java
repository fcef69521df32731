package org.dmftlab.core.simulation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The four-row kernels of {@link RowKernels} on 256-bit vectors of the incubating Vector API
 * ({@code jdk.incubator.vector}): the four partial sums of a dot product are the four lanes of one vector, and four
 * entries of a row (double, or float converted exactly) are loaded at once. The width is fixed at four doubles,
 * not the machine's preferred one, so that the order of the sums is the same on every machine. Java 17's compiler
 * vectorises neither floating-point reductions nor float-to-double conversions by itself; compiled, these kernels
 * run three to four times as fast as {@link ScalarRows} (docs/performance.md, "Simulation end to end").
 */
final class VectorRows {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;
    /** Four floats, converted to one {@link #LANES} vector. */
    private static final VectorSpecies<Float> SINGLES = FloatVector.SPECIES_128;
    private static final int WIDTH = 4;

    private VectorRows() {
    }

    /**
     * out[k] = x_k · v for the four consecutive rows k = 0…3 of length d starting at {@code offset}; modifies
     * {@code out[0..3]}.
     */
    static void dotFour(double[] x, int offset, double[] v, int d, double[] out) {
        int o1 = offset + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        int bulk = bulk(d);
        DoubleVector s0 = DoubleVector.zero(LANES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int j = 0; j < bulk; j += WIDTH) {
            DoubleVector vj = DoubleVector.fromArray(LANES, v, j);
            s0 = DoubleVector.fromArray(LANES, x, offset + j).fma(vj, s0);
            s1 = DoubleVector.fromArray(LANES, x, o1 + j).fma(vj, s1);
            s2 = DoubleVector.fromArray(LANES, x, o2 + j).fma(vj, s2);
            s3 = DoubleVector.fromArray(LANES, x, o3 + j).fma(vj, s3);
        }
        double sum0 = sum(s0);
        double sum1 = sum(s1);
        double sum2 = sum(s2);
        double sum3 = sum(s3);
        for (int j = bulk; j < d; j++) {
            sum0 = Math.fma(x[offset + j], v[j], sum0);
            sum1 = Math.fma(x[o1 + j], v[j], sum1);
            sum2 = Math.fma(x[o2 + j], v[j], sum2);
            sum3 = Math.fma(x[o3 + j], v[j], sum3);
        }
        out[0] = sum0;
        out[1] = sum1;
        out[2] = sum2;
        out[3] = sum3;
    }

    /** As {@link #dotFour(double[], int, double[], int, double[])} for rows in single precision. */
    static void dotFour(float[] x, int offset, double[] v, int d, double[] out) {
        int o1 = offset + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        int bulk = bulk(d);
        DoubleVector s0 = DoubleVector.zero(LANES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int j = 0; j < bulk; j += WIDTH) {
            DoubleVector vj = DoubleVector.fromArray(LANES, v, j);
            s0 = widen(x, offset + j).fma(vj, s0);
            s1 = widen(x, o1 + j).fma(vj, s1);
            s2 = widen(x, o2 + j).fma(vj, s2);
            s3 = widen(x, o3 + j).fma(vj, s3);
        }
        double sum0 = sum(s0);
        double sum1 = sum(s1);
        double sum2 = sum(s2);
        double sum3 = sum(s3);
        for (int j = bulk; j < d; j++) {
            sum0 = Math.fma(x[offset + j], v[j], sum0);
            sum1 = Math.fma(x[o1 + j], v[j], sum1);
            sum2 = Math.fma(x[o2 + j], v[j], sum2);
            sum3 = Math.fma(x[o3 + j], v[j], sum3);
        }
        out[0] = sum0;
        out[1] = sum1;
        out[2] = sum2;
        out[3] = sum3;
    }

    /**
     * y += c[0] x_0 + c[1] x_1 + c[2] x_2 + c[3] x_3, in that order, for the four rows of length y.length at
     * {@code offsets[0..3]}; modifies {@code y}.
     */
    static void addFour(double[] x, int[] offsets, double[] c, double[] y) {
        int d = y.length;
        int bulk = bulk(d);
        int o0 = offsets[0];
        int o1 = offsets[1];
        int o2 = offsets[2];
        int o3 = offsets[3];
        DoubleVector c0 = DoubleVector.broadcast(LANES, c[0]);
        DoubleVector c1 = DoubleVector.broadcast(LANES, c[1]);
        DoubleVector c2 = DoubleVector.broadcast(LANES, c[2]);
        DoubleVector c3 = DoubleVector.broadcast(LANES, c[3]);
        for (int j = 0; j < bulk; j += WIDTH) {
            DoubleVector sum = DoubleVector.fromArray(LANES, x, o0 + j).fma(c0, DoubleVector.fromArray(LANES, y, j));
            sum = DoubleVector.fromArray(LANES, x, o1 + j).fma(c1, sum);
            sum = DoubleVector.fromArray(LANES, x, o2 + j).fma(c2, sum);
            DoubleVector.fromArray(LANES, x, o3 + j).fma(c3, sum).intoArray(y, j);
        }
        for (int j = bulk; j < d; j++) {
            y[j] = Math.fma(x[o3 + j], c[3], Math.fma(x[o2 + j], c[2], Math.fma(x[o1 + j], c[1],
                    Math.fma(x[o0 + j], c[0], y[j]))));
        }
    }

    /** As {@link #addFour(double[], int[], double[], double[])} for rows in single precision. */
    static void addFour(float[] x, int[] offsets, double[] c, double[] y) {
        int d = y.length;
        int bulk = bulk(d);
        int o0 = offsets[0];
        int o1 = offsets[1];
        int o2 = offsets[2];
        int o3 = offsets[3];
        DoubleVector c0 = DoubleVector.broadcast(LANES, c[0]);
        DoubleVector c1 = DoubleVector.broadcast(LANES, c[1]);
        DoubleVector c2 = DoubleVector.broadcast(LANES, c[2]);
        DoubleVector c3 = DoubleVector.broadcast(LANES, c[3]);
        for (int j = 0; j < bulk; j += WIDTH) {
            DoubleVector sum = widen(x, o0 + j).fma(c0, DoubleVector.fromArray(LANES, y, j));
            sum = widen(x, o1 + j).fma(c1, sum);
            sum = widen(x, o2 + j).fma(c2, sum);
            widen(x, o3 + j).fma(c3, sum).intoArray(y, j);
        }
        for (int j = bulk; j < d; j++) {
            y[j] = Math.fma(x[o3 + j], c[3], Math.fma(x[o2 + j], c[2], Math.fma(x[o1 + j], c[1],
                    Math.fma(x[o0 + j], c[0], y[j]))));
        }
    }

    /** The columns handled by whole vectors: d − (d mod 4). */
    private static int bulk(int d) {
        return d - d % WIDTH;
    }

    /** Four floats from {@code x[index]} on, converted (exactly) to four doubles. */
    private static DoubleVector widen(float[] x, int index) {
        return (DoubleVector) FloatVector.fromArray(SINGLES, x, index).convertShape(VectorOperators.F2D, LANES, 0);
    }

    /** (s_0 + s_1) + (s_2 + s_3): a fixed order (reduceLanes leaves the order of floating-point sums open). */
    private static double sum(DoubleVector s) {
        return (s.lane(0) + s.lane(1)) + (s.lane(2) + s.lane(3));
    }
}
