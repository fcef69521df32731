package org.dmftlab.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.spi.Covariance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * X split over several arrays (chunks of whole row blocks) gives exactly the results of X in one array; single
 * precision stores the double-precision draws rounded to float.
 */
class DataMatrixTest {

    private static final int N = 3 * SeedRun.BLOCK_ROWS + 37;
    private static final int D = 13;
    private static final Population POPULATION = Population.of((Covariance) u -> 0.5 + u, D);

    /** X drawn block by block, each block from its own stream, as the simulation draws it. */
    private static DataMatrix draw(Precision precision, int maxChunkLength) {
        DataMatrix x = DataMatrix.allocate(precision, N, D, maxChunkLength);
        for (int from = 0; from < N; from += SeedRun.BLOCK_ROWS) {
            x.draw(POPULATION, new SplittableRandom(from), from, Math.min(N, from + SeedRun.BLOCK_ROWS));
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void chunksGiveTheResultsOfOneArray(Precision precision) {
        DataMatrix whole = draw(precision, DataMatrix.MAX_ARRAY_LENGTH);
        DataMatrix chunked = draw(precision, SeedRun.BLOCK_ROWS * D);
        assertEquals(N, whole.chunkRows);
        assertEquals(SeedRun.BLOCK_ROWS, chunked.chunkRows);
        double[] v = new SplittableRandom(7).doubles(D).toArray();
        double[] wholeGradient = new double[D];
        double[] chunkedGradient = new double[D];
        double[] four = new double[4];
        double[] chunkedFour = new double[4];
        int[] offsets = new int[4];
        for (int row = 0; row < N; row++) {
            assertEquals(whole.dot(row, v), chunked.dot(row, v), 0.0, "row " + row);
            whole.add(row, 0.25, wholeGradient);
            chunked.add(row, 0.25, chunkedGradient);
        }
        for (int row = 0; row + 4 <= N; row += 4) {
            whole.dotFour(row, v, four);
            chunked.dotFour(row, v, chunkedFour);
            assertArrayEquals(four, chunkedFour, 0.0, "rows from " + row);
            int[] rows = {row, row + 1, row + 2, row + 3};
            whole.addFour(rows, four, offsets, wholeGradient);
            chunked.addFour(rows, four, offsets, chunkedGradient);
        }
        assertArrayEquals(wholeGradient, chunkedGradient, 0.0);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void singlePrecisionStoresTheDoubleDrawsRounded(Precision precision) {
        DataMatrix doubles = draw(Precision.DOUBLE, DataMatrix.MAX_ARRAY_LENGTH);
        DataMatrix stored = draw(precision, DataMatrix.MAX_ARRAY_LENGTH);
        double[] unit = new double[D];
        for (int j = 0; j < D; j++) {
            unit[j] = 1;
            for (int row = 0; row < N; row += 17) {
                double exact = doubles.dot(row, unit);
                double expected = precision == Precision.SINGLE ? (float) exact : exact;
                assertEquals(expected, stored.dot(row, unit), 0.0, "entry (" + row + ", " + j + ")");
            }
            unit[j] = 0;
        }
    }
}
