package org.dmftlab.core.spi;

/**
 * A per-sample loss ℓ(y, r) of the label y and the preactivation r = x·w (SPEC §1; the empirical risk is the
 * <em>sum</em> Σ_μ ℓ(y_μ, r_μ) + λ|w|²/2). Derivatives are in the second argument. Implementations are
 * immutable, allocation-free and numerically stable for |r| up to 1e4 (engines call them in hot loops).
 */
public interface Loss {

    /** ℓ(y, r). */
    double value(double y, double r);

    /** ℓ′(y, r) = ∂ℓ/∂r: the gradient field g = s ℓ′ of SPEC §2 and §4.2. */
    double firstDerivative(double y, double r);

    /** ℓ″(y, r) = ∂²ℓ/∂r²: carries the pathwise response G of SPEC §4.2 and the memory kernel Γ. */
    double secondDerivative(double y, double r);

    /**
     * Whether ℓ″ carries the response: false for losses whose ℓ′ jumps (the exact hinge), where the response
     * is a delta function that sampled paths cannot see (SPEC §6). The theory refuses such a loss; the
     * simulation still runs it.
     */
    default boolean curvatureCarriesResponse() {
        return true;
    }

    /**
     * Whether ℓ″ is the same constant for every (y, r) (the square loss). Together with full batches this makes
     * the DMFT data side linear and Gaussian, so the theory can solve it exactly (SPEC §4, §5.1).
     */
    default boolean constantCurvature() {
        return false;
    }
}
