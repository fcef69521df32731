package org.dmftlab.core.simulation;

import java.util.Objects;

/**
 * How to simulate: dimension, number of independent seeds, base seed, worker threads and the precision in which
 * the data matrix is stored. Results do not depend on {@code threads}.
 *
 * @param dimension d ≥ 1 (n = round(α d))
 * @param seeds     number of independent runs averaged, ≥ 1
 * @param seed      base seed; run i uses a stream derived from (seed, i) only
 * @param threads   worker threads ≥ 1
 * @param precision how the inputs X are stored
 */
public record SimulationSettings(int dimension, int seeds, long seed, int threads, Precision precision) {

    /**
     * The precision of the stored data matrix X (n × d, the only part of a seed whose size is n d). The inputs are
     * drawn in double precision exactly as SPEC §1 says and, in {@link #SINGLE}, rounded once to the nearest float
     * when stored; the labels are computed from the stored inputs, and every product and sum is in double
     * precision (a float converts to double exactly). Single precision halves the memory of a seed and the bytes
     * each step reads; its effect on the observables is far below their standard errors (docs/performance.md,
     * "Single precision").
     */
    public enum Precision {
        /** X in {@code float}: 4 bytes per entry. */
        SINGLE(Float.BYTES),
        /** X in {@code double}: 8 bytes per entry. */
        DOUBLE(Double.BYTES);

        private final int bytes;

        Precision(int bytes) {
            this.bytes = bytes;
        }

        /** Bytes per stored entry of X. */
        public int bytes() {
            return bytes;
        }
    }

    /** The precision used when none is given (the experiment file's default). */
    public static final Precision DEFAULT_PRECISION = Precision.SINGLE;

    public SimulationSettings {
        if (dimension < 1 || seeds < 1 || threads < 1) {
            throw new IllegalArgumentException("dimension, seeds and threads must be >= 1");
        }
        Objects.requireNonNull(precision, "precision");
    }

    /** Settings in the {@link #DEFAULT_PRECISION}. */
    public SimulationSettings(int dimension, int seeds, long seed, int threads) {
        this(dimension, seeds, seed, threads, DEFAULT_PRECISION);
    }
}
