package org.dmftlab.core.simulation;

import java.util.Objects;
import org.dmftlab.core.problem.Precision;

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
