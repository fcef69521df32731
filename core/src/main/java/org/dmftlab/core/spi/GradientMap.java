package org.dmftlab.core.spi;

/**
 * A map applied to the whole gradient ∇L_s(ŵ) = λŵ + Σ_μ s_μ ℓ′(y_μ, x_μ·ŵ) x_μ of a step before the update of
 * SPEC §2.1 uses it: the coordinate-wise sign (sign-SGD), norm clipping, and the like.
 *
 * <p>{@link #IDENTITY} keeps a rule inside the linear family that the theory solves. Any other map puts the rule
 * outside it (SPEC §6): the simulation runs it, the theory refuses it with {@code theory/nonlinear-rule}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface GradientMap {

    /** No change: the rule stays linear. Rules of the linear family return exactly this instance. */
    GradientMap IDENTITY = gradient -> { };

    /**
     * Replaces the gradient ∇L_s(ŵ^t) of SPEC §2.1 by its image, in place, before the update uses it (SPEC §6: any
     * map but {@link #IDENTITY} leaves the linear family); must not allocate (it runs once per step on d
     * coordinates) and must be deterministic.
     *
     * @param gradient the d coordinates of ∇L_s(ŵ^t); modified
     */
    void apply(double[] gradient);
}
