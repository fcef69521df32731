package org.dmftlab.core.theory;

import java.util.Objects;
import org.dmftlab.core.problem.Precision;

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
 * @param groups        G ≥ 1, the independent groups of the Monte-Carlo solve (SPEC §4.4): the paths are split
 *                      into G marches, each from its own stream, whose spread is the Monte-Carlo error (G − 1
 *                      degrees of freedom); each is a unit of a checkpointed or distributed run. The engine needs
 *                      G ≥ 2 (unused by the exact mode)
 * @param precision     how the paths' histories are stored (SPEC §4.4; unused by the exact mode)
 */
public record TheorySettings(int paths, long seed, int species, int responsePaths, Mode mode, int threads,
                             int groups, Precision precision) {

    /** The groups when none are given: 8, the solve's long-standing split. */
    public static final int DEFAULT_GROUPS = 8;

    /** How the data side is solved. */
    public enum Mode {
        /** EXACT when the loss has constant ℓ″ and b = 1 (linear Gaussian data side), else MONTE_CARLO. */
        AUTO,
        /** Deterministic propagation of covariances; only for constant ℓ″ and full batches (SPEC §5.1). */
        EXACT,
        /** Sampled paths with Monte-Carlo errors from independent sub-populations. */
        MONTE_CARLO
    }

    /** The precision used when none is given (the experiment file's default). */
    public static final Precision DEFAULT_PRECISION = Precision.SINGLE;

    public TheorySettings {
        if (paths < 1 || species < 1 || threads < 1 || groups < 1 || responsePaths < 1 || responsePaths > paths) {
            throw new IllegalArgumentException("need paths, species, threads, groups >= 1 and 1 <= responsePaths"
                    + " <= paths");
        }
        Objects.requireNonNull(precision, "precision");
    }

    /** Settings in the {@link #DEFAULT_PRECISION}. */
    public TheorySettings(int paths, long seed, int species, int responsePaths, Mode mode, int threads, int groups) {
        this(paths, seed, species, responsePaths, mode, threads, groups, DEFAULT_PRECISION);
    }

    /** Settings with the {@link #DEFAULT_GROUPS} in the {@link #DEFAULT_PRECISION}. */
    public TheorySettings(int paths, long seed, int species, int responsePaths, Mode mode, int threads) {
        this(paths, seed, species, responsePaths, mode, threads, DEFAULT_GROUPS);
    }

    /** These settings with the histories stored in {@code precision}. */
    public TheorySettings withPrecision(Precision precision) {
        return new TheorySettings(paths, seed, species, responsePaths, mode, threads, groups, precision);
    }
}
