package org.dmftlab.core.theory;

/**
 * How to solve the DMFT of SPEC §4. Results do not depend on {@code threads}.
 *
 * @param paths         N ≥ 1 sample paths of the data side (unused by the exact mode)
 * @param seed          seed of the path streams
 * @param species       K ≥ 1, the most species of SPEC §4.5: a spectrum with at most K distinct eigenvalue and
 *                      teacher-power pairs is used exactly, any other by a K-node quadrature of its quantile
 *                      function, whose error is estimated against ⌊K/2⌋ nodes
 * @param responsePaths paths that carry the whole pathwise responses G (SPEC §4.2, §4.4), 0 &lt; responsePaths ≤
 *                      paths: they estimate Γ's lags of 32 steps and more; every path carries the shorter lags.
 *                      Fewer saves memory (O(responsePaths · T²/2) doubles) at the cost of noise in Γ's far lags
 * @param mode          exact (path-free), Monte-Carlo, or automatic choice
 * @param threads       worker threads ≥ 1
 */
public record TheorySettings(int paths, long seed, int species, int responsePaths, Mode mode, int threads) {

    /** How the data side is solved. */
    public enum Mode {
        /** EXACT when the loss has constant ℓ″ and b = 1 (linear Gaussian data side), else MONTE_CARLO. */
        AUTO,
        /** Deterministic propagation of covariances; only for constant ℓ″ and full batches (SPEC §5.1). */
        EXACT,
        /** Sampled paths with Monte-Carlo errors from independent sub-populations. */
        MONTE_CARLO
    }

    public TheorySettings {
        if (paths < 1 || species < 1 || threads < 1 || responsePaths < 1 || responsePaths > paths) {
            throw new IllegalArgumentException("need paths, species, threads >= 1 and 1 <= responsePaths <= paths");
        }
    }
}
