package org.dmftlab.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both implementations of the kernels, {@link ScalarRows} and the four-row ones of {@link VectorRows}, give exactly
 * (bit for bit) the fused multiply-add sequences {@link RowKernels} defines, written here as naive loops, for rows in
 * double and in single precision and for row lengths with and without a remainder modulo the vector width.
 */
class RowKernelsTest {

    /** x·v: four partial sums over the columns j ≡ l (mod 4) below d − d mod 4, combined pairwise, then the rest. */
    private static double referenceDot(double[] x, int offset, double[] v) {
        int d = v.length;
        int bulk = d - d % 4;
        double[] partial = new double[4];
        for (int j = 0; j < bulk; j++) {
            partial[j % 4] = Math.fma(x[offset + j], v[j], partial[j % 4]);
        }
        double sum = (partial[0] + partial[1]) + (partial[2] + partial[3]);
        for (int j = bulk; j < d; j++) {
            sum = Math.fma(x[offset + j], v[j], sum);
        }
        return sum;
    }

    /** y_j ← fma(x_{k,j}, c_k, y_j) row after row. */
    private static double[] referenceSum(double[] x, int[] offsets, double[] c, double[] y) {
        double[] sum = y.clone();
        for (int k = 0; k < offsets.length; k++) {
            for (int j = 0; j < y.length; j++) {
                sum[j] = Math.fma(x[offsets[k] + j], c[k], sum[j]);
            }
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 64, 301})
    void kernelsFollowTheirFusedMultiplyAddOrder(int d) {
        SplittableRandom random = new SplittableRandom(d);
        int offset = 3 * d;
        double[] x = new double[offset + 4 * d];
        float[] singles = new float[x.length];
        double[] widened = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            singles[i] = (float) random.nextGaussian();
            widened[i] = singles[i];
        }
        double[] v = random.doubles(d).toArray();

        double[] expected = new double[4];
        double[] expectedSingles = new double[4];
        for (int k = 0; k < 4; k++) {
            int row = offset + k * d;
            expected[k] = referenceDot(x, row, v);
            expectedSingles[k] = referenceDot(widened, row, v);
            assertEquals(expected[k], ScalarRows.dot(x, row, v, d), 0.0, "double row " + k);
            assertEquals(expectedSingles[k], ScalarRows.dot(singles, row, v, d), 0.0, "single row " + k);
        }
        double[] out = new double[4];
        ScalarRows.dotFour(x, offset, v, d, out);
        assertArrayEquals(expected, out, "scalar, double");
        VectorRows.dotFour(x, offset, v, d, out);
        assertArrayEquals(expected, out, "vector, double");
        ScalarRows.dotFour(singles, offset, v, d, out);
        assertArrayEquals(expectedSingles, out, "scalar, single");
        VectorRows.dotFour(singles, offset, v, d, out);
        assertArrayEquals(expectedSingles, out, "vector, single");

        double[] weights = {0.5, -1.5, 0, 2};
        int[] offsets = {offset + 2 * d, offset, offset + 3 * d, offset + d};
        double[] sum = referenceSum(x, offsets, weights, v);
        double[] sumSingles = referenceSum(widened, offsets, weights, v);
        double[] y = v.clone();
        ScalarRows.addFour(x, offsets, weights, y);
        assertArrayEquals(sum, y, "scalar, double");
        y = v.clone();
        VectorRows.addFour(x, offsets, weights, y);
        assertArrayEquals(sum, y, "vector, double");
        y = v.clone();
        ScalarRows.addFour(singles, offsets, weights, y);
        assertArrayEquals(sumSingles, y, "scalar, single");
        y = v.clone();
        VectorRows.addFour(singles, offsets, weights, y);
        assertArrayEquals(sumSingles, y, "vector, single");
    }

    private static void assertArrayEquals(double[] expected, double[] actual, String what) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 0.0, what);
    }
}
