package org.dmftlab.core.spi;

/**
 * A per-sample loss ℓ(y, r) of the label y and the preactivation r = x·w (SPEC §1; the empirical risk is the
 * <em>sum</em> Σ_μ ℓ(y_μ, r_μ) + λ|w|²/2). Derivatives are in the second argument. Implementations are
 * immutable, allocation-free and numerically stable for |r| up to 1e4 (engines call them in hot loops).
 *
 * @since 0.1.0
 */
public interface Loss {

    /** ℓ(y, r): the per-sample risk of SPEC §1, averaged into {@code train_loss} and {@code test_loss} (SPEC §3). */
    double value(double y, double r);

    /** ℓ′(y, r) = ∂ℓ/∂r: the gradient field g = s ℓ′ of SPEC §2 and §4.2. */
    double firstDerivative(double y, double r);

    /** ℓ″(y, r) = ∂²ℓ/∂r²: carries the pathwise response G of SPEC §4.2 and the memory kernel Γ (SPEC §4.1). */
    double secondDerivative(double y, double r);

    /**
     * Whether ℓ″ carries the pathwise response of SPEC §4.2: true when ℓ′ is continuous in r (ℓ″ itself may jump, as
     * Huber's does), false when ℓ′ jumps (the exact hinge), whose response is a delta function that sampled paths
     * cannot see: the theory then refuses the loss and the simulation still runs it (SPEC §6). There is no default,
     * so that every loss decides; the testkit checks that ℓ′ is continuous when this is true.
     */
    boolean curvatureCarriesResponse();

    /**
     * Whether ℓ″ is the same constant for every (y, r) (the square loss). Together with full batches this makes
     * the DMFT data side linear and Gaussian, so the theory can solve it exactly (SPEC §4, §5.1). Default false.
     */
    default boolean constantCurvature() {
        return false;
    }
}
