package org.dmftlab.core.spi;

import java.util.random.RandomGenerator;

/**
 * The teacher of SPEC §1: labels y = φ(h0, ε) of the teacher preactivation h0 = x·w* and a label noise ε
 * drawn once per sample, and the test-error metric of SPEC §3. Implementations are immutable.
 *
 * @since 0.1.0
 */
public interface Teacher {

    /** What the labels are, which fixes the meaning of the test error (SPEC §3). */
    enum Task {
        /** Real labels; the test error is E(y − x·w)², not halved. */
        REGRESSION,
        /** Labels ±1; the test error is P(sign(x·w) ≠ y). */
        CLASSIFICATION
    }

    /** Whether this teacher is a regression or a classification, and so which test error it reports (SPEC §3). */
    Task task();

    /**
     * Draws one label noise ε of SPEC §1 (e.g. a standard normal, or a flip sign ±1), from the given generator only.
     * Its law must be {@link #noiseLaw()} as far as the labels see it: φ(h0, ε) has the same law either way.
     */
    double drawNoise(RandomGenerator random);

    /**
     * The law of ε as a quadrature rule, so that E f(ε) = Σ_i w_i f(x_i) is exact or accurate for smooth f: the
     * theory's test loss (a Gaussian integral over (h0, r), SPEC §3) averages over ε with it, so it must give the
     * labels the law that {@link #drawNoise} gives them (a noiseless teacher may use a point mass although it draws
     * an ε its labels ignore). Called at every recorded step: build the rule once, when the teacher is created, and
     * return it here.
     */
    Quadrature noiseLaw();

    /**
     * φ(h0, ε) of SPEC §1: the label of a sample with teacher preactivation h0 and noise ε. It must be smooth in h0
     * except possibly at h0 = 0 (a sign), where test integrals are split.
     */
    double label(double h0, double noise);

    /**
     * The test error of SPEC §3 for a fresh sample whose (h0, x·w) is centred Gaussian with variances (ρ, Q)
     * and covariance M: E(y − x·w)² for a {@link Task#REGRESSION}, P(sign(x·w) ≠ y) for a
     * {@link Task#CLASSIFICATION}.
     *
     * @param rho ρ = w*ᵀΣw* / d
     * @param m   M = wᵀΣw* / d
     * @param q   Q = wᵀΣw/d
     */
    double testError(double rho, double m, double q);
}
