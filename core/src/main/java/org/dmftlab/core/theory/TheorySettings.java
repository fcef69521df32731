package org.dmftlab.core.theory;

/**
 * How to solve the DMFT of SPEC §4: the number of sample paths N of the data side, the seed of their random
 * streams and worker threads. Results do not depend on {@code threads}.
 *
 * @param paths   N ≥ 1 (ignored by the exact mode)
 * @param seed    seed of the path streams
 * @param threads worker threads ≥ 1
 */
public record TheorySettings(int paths, long seed, int threads) {

    public TheorySettings {
        if (paths < 1 || threads < 1) {
            throw new IllegalArgumentException("paths and threads must be >= 1");
        }
    }
}
