package org.dmftlab.core.simulation;

import java.util.random.RandomGenerator;
import org.dmftlab.core.problem.Precision;

/**
 * The inputs X of one seed: n rows of d entries, row-major, in single or double precision
 * ({@link Precision}), with the row operations of the data pass ({@link RowKernels}). The rows are kept in as few
 * arrays (chunks) as Java's array size allows, each holding a whole number of row blocks of
 * {@link SeedRun#BLOCK_ROWS} rows; one array when n d &lt; 2³¹. Apart from a 16-byte header per chunk, X takes
 * exactly n d × {@link Precision#bytes()} bytes.
 */
abstract sealed class DataMatrix permits DataMatrix.Singles, DataMatrix.Doubles {

    /** The longest array the JVM allocates reliably. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Bytes of an array header (object header and length), counted per chunk. */
    static final int ARRAY_HEADER_BYTES = 16;

    final int n;
    final int d;
    /** Rows per chunk: a multiple of {@link SeedRun#BLOCK_ROWS}, or n. */
    final int chunkRows;

    private DataMatrix(int n, int d, int maxChunkLength) {
        this.n = n;
        this.d = d;
        this.chunkRows = chunkRows(n, d, maxChunkLength);
    }

    /** An n × d matrix of zeros in the given precision. */
    static DataMatrix allocate(Precision precision, int n, int d) {
        return allocate(precision, n, d, MAX_ARRAY_LENGTH);
    }

    /** As {@link #allocate(Precision, int, int)} with chunks of at most {@code maxChunkLength} entries (tests). */
    static DataMatrix allocate(Precision precision, int n, int d, int maxChunkLength) {
        return precision == Precision.SINGLE ? new Singles(n, d, maxChunkLength) : new Doubles(n, d, maxChunkLength);
    }

    /** The bytes X takes in the heap, headers of its chunks included. */
    static long bytes(Precision precision, int n, int d) {
        long chunks = (n + chunkRows(n, d, MAX_ARRAY_LENGTH) - 1) / chunkRows(n, d, MAX_ARRAY_LENGTH);
        return (long) n * d * precision.bytes() + chunks * ARRAY_HEADER_BYTES;
    }

    /** The most whole row blocks whose entries fit in one chunk, or all n rows when they fit. */
    private static int chunkRows(int n, int d, int maxChunkLength) {
        long blocks = maxChunkLength / ((long) SeedRun.BLOCK_ROWS * d);
        if (blocks < 1) {
            throw new IllegalArgumentException("a row block of " + SeedRun.BLOCK_ROWS + " rows of " + d
                    + " entries does not fit in one array");
        }
        return (int) Math.min(n, blocks * SeedRun.BLOCK_ROWS);
    }

    /** Chunk index of a row. */
    final int chunk(int row) {
        return row / chunkRows;
    }

    /** Offset of a row in its chunk. */
    final int offset(int row) {
        return (row % chunkRows) * d;
    }

    /** Entries in chunk {@code c}. */
    final int chunkLength(int c) {
        return Math.min(chunkRows, n - c * chunkRows) * d;
    }

    /**
     * Draws rows {@code from} (inclusive) to {@code to} (exclusive), which lie in one row block, from the population
     * in its fixed order; in single precision each entry is rounded to the nearest float.
     */
    abstract void draw(Population population, RandomGenerator random, int from, int to);

    /** x_row · v ({@link RowKernels} order). */
    final double dot(int row, double[] v) {
        return dot(chunk(row), offset(row), v);
    }

    /** out[k] = x_{row+k} · v for k = 0…3 (the four rows lie in one row block); modifies {@code out[0..3]}. */
    final void dotFour(int row, double[] v, double[] out) {
        dotFour(chunk(row), offset(row), v, out);
    }

    /** y += c x_row; modifies {@code y}. */
    final void add(int row, double c, double[] y) {
        add(chunk(row), offset(row), c, y);
    }

    /**
     * y += Σ_k c[k] x_{rows[k]} over k = 0…3 in that order (the rows lie in one row block); modifies {@code y} and
     * the scratch array {@code offsets}.
     */
    final void addFour(int[] rows, double[] c, int[] offsets, double[] y) {
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = offset(rows[k]);
        }
        addFour(chunk(rows[0]), offsets, c, y);
    }

    /** The row at {@code offset} of chunk {@code c} times v. */
    abstract double dot(int c, int offset, double[] v);

    /** The four rows from {@code offset} of chunk {@code c} times v, into {@code out}. */
    abstract void dotFour(int c, int offset, double[] v, double[] out);

    /** y += weight × the row at {@code offset} of chunk {@code c}. */
    abstract void add(int c, int offset, double weight, double[] y);

    /** y += Σ_k weights[k] × the row at {@code offsets[k]} of chunk {@code c}. */
    abstract void addFour(int c, int[] offsets, double[] weights, double[] y);

    /** X in {@code float}. */
    static final class Singles extends DataMatrix {

        private final float[][] chunks;

        Singles(int n, int d, int maxChunkLength) {
            super(n, d, maxChunkLength);
            chunks = new float[(n + chunkRows - 1) / chunkRows][];
            for (int c = 0; c < chunks.length; c++) {
                chunks[c] = new float[chunkLength(c)];
            }
        }

        @Override
        void draw(Population population, RandomGenerator random, int from, int to) {
            population.drawRows(random, chunks[chunk(from)], offset(from), to - from);
        }

        @Override
        double dot(int c, int offset, double[] v) {
            return RowKernels.dot(chunks[c], offset, v, d);
        }

        @Override
        void dotFour(int c, int offset, double[] v, double[] out) {
            RowKernels.dotFour(chunks[c], offset, v, d, out);
        }

        @Override
        void add(int c, int offset, double weight, double[] y) {
            RowKernels.add(chunks[c], offset, weight, y);
        }

        @Override
        void addFour(int c, int[] offsets, double[] weights, double[] y) {
            RowKernels.addFour(chunks[c], offsets, weights, y);
        }
    }

    /** X in {@code double}. */
    static final class Doubles extends DataMatrix {

        private final double[][] chunks;

        Doubles(int n, int d, int maxChunkLength) {
            super(n, d, maxChunkLength);
            chunks = new double[(n + chunkRows - 1) / chunkRows][];
            for (int c = 0; c < chunks.length; c++) {
                chunks[c] = new double[chunkLength(c)];
            }
        }

        @Override
        void draw(Population population, RandomGenerator random, int from, int to) {
            population.drawRows(random, chunks[chunk(from)], offset(from), to - from);
        }

        @Override
        double dot(int c, int offset, double[] v) {
            return RowKernels.dot(chunks[c], offset, v, d);
        }

        @Override
        void dotFour(int c, int offset, double[] v, double[] out) {
            RowKernels.dotFour(chunks[c], offset, v, d, out);
        }

        @Override
        void add(int c, int offset, double weight, double[] y) {
            RowKernels.add(chunks[c], offset, weight, y);
        }

        @Override
        void addFour(int c, int[] offsets, double[] weights, double[] y) {
            RowKernels.addFour(chunks[c], offsets, weights, y);
        }
    }
}
