package org.dmftlab.core.simulation;

/**
 * How to simulate: dimension, number of independent seeds, base seed and worker threads.
 * Results do not depend on {@code threads}.
 *
 * @param dimension d ≥ 1 (n = round(α d))
 * @param seeds     number of independent runs averaged, ≥ 1
 * @param seed      base seed; run i uses a stream derived from (seed, i) only
 * @param threads   worker threads ≥ 1
 */
public record SimulationSettings(int dimension, int seeds, long seed, int threads) {

    public SimulationSettings {
        if (dimension < 1 || seeds < 1 || threads < 1) {
            throw new IllegalArgumentException("dimension, seeds and threads must be >= 1");
        }
    }
}
