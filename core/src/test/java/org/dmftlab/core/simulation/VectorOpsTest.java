package org.dmftlab.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The multi-row operations against the one-row ones, for several row lengths. */
class VectorOpsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 301})
    void multiRowOperationsAgreeWithOneRowAtATime(int length) {
        SplittableRandom random = new SplittableRandom(length);
        int offset = 3 * length;
        double[] x = new double[offset + 8 * length];
        double[] v = new double[length];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int j = 0; j < length; j++) {
            v[j] = random.nextGaussian();
        }
        double[] dots = new double[8];
        VectorOps.dotEightRows(x, offset, length, v, dots);
        double[] weights = {9, 9, 0.5, -1.5, 0, 2};
        double[] fused = new double[length];
        VectorOps.axpyFourRows(weights, 2, x, offset, fused);
        double[] oneByOne = new double[length];
        for (int k = 0; k < 8; k++) {
            double expected = 0;
            for (int j = 0; j < length; j++) {
                expected += x[offset + k * length + j] * v[j];
            }
            assertEquals(expected, dots[k], 1e-12 * length, "row " + k);
            assertEquals(expected, VectorOps.dot(x, offset + k * length, v, length), 1e-12 * length, "row " + k);
            if (k < 4) {
                VectorOps.axpy(weights[k + 2], x, offset + k * length, oneByOne);
            }
        }
        for (int j = 0; j < length; j++) {
            assertEquals(oneByOne[j], fused[j], 1e-12, "column " + j);
        }
    }
}
