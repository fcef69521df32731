package org.dmftlab.core.spi;

/**
 * A first-order method of the general linear-memory form of SPEC §2.1, given by its coefficients:
 * <pre>
 *   ŵ^t     = Σ_{j=0..p} c_{t,j} w^{t−j}
 *   w^{t+1} = Σ_{j=0..p} a_{t,j} w^{t−j} − Σ_{j=0..p} b_{t,j} ∇L_{s^{t−j}}(ŵ^{t−j}) + √(2 T_L b_{t,0}) ζ^t
 * </pre>
 * with ∇L_s(ŵ) = λŵ + Σ_μ s_μ ℓ′(y_μ, x_μ·ŵ) x_μ, w^{−j} := w⁰ (gradients before step 0 are zero), ζ^t ~ N(0, I_d),
 * and the sample selection
 * s^t_μ = 1/b_t with probability b_t (the batch fraction of step t), else 0. SGD, heavy ball, Nesterov (with
 * schedules, SPEC §2.2) and
 * Langevin dynamics are instances (see {@link StepCoefficients#momentum}). Both engines read the same
 * coefficients, so any rule of this form works in the theory (SPEC §4.3) and in the simulation alike.
 *
 * <p>Implementations are immutable. Engines read every coefficient once, when an experiment is built
 * ({@code org.dmftlab.core.dynamics.UpdateSchedule}), so {@link #coefficients} may allocate.
 * A rule may also transform each step's gradient with a {@link GradientMap} (sign-SGD, clipping); such a rule is
 * outside the linear family, and only the simulation runs it (SPEC §6).
 *
 * @since 0.1.0
 */
public interface UpdateRule {

    /** The memory depth p ≥ 0 of SPEC §2.1: the rule reads w^t … w^{t−p} and the gradients of steps t … t−p. */
    int memory();

    /**
     * The coefficients (a_{t,·}, b_{t,·}, c_{t,·}) of step t → t+1 (SPEC §2.1), each of length {@link #memory()} + 1,
     * finite, with b_{t,0} ≥ 0 when {@link #temperature()} &gt; 0.
     *
     * @param t the step, 0 ≤ t
     */
    StepCoefficients coefficients(int t);

    /**
     * The batch fraction b in (0, 1] of the sample selection of SPEC §2: each sample enters a step's gradient with
     * probability b, weight 1/b (1 = full-batch gradient descent). The engines read it only through
     * {@link #batchFraction(int)}, whose default is this value at every step.
     */
    double batchFraction();

    /**
     * The batch fraction b_t in (0, 1] of step t (SPEC §2, §2.2): the probability that a sample enters the gradient
     * of step t, with weight 1/b_t. Override it for a batch-fraction schedule; the default is
     * {@link #batchFraction()} at every step.
     *
     * @param t the update, 0 ≤ t &lt; T
     */
    default double batchFraction(int t) {
        return batchFraction();
    }

    /** The Langevin temperature T_L ≥ 0 of SPEC §2 (0 for plain gradient methods): the noise √(2 T_L b_{t,0}) ζ^t. */
    double temperature();

    /**
     * The map applied to each step's gradient before the update uses it; {@link GradientMap#IDENTITY} (the
     * default) for the linear family of SPEC §2.1. Anything else makes the rule simulation-only (SPEC §6).
     */
    default GradientMap gradientMap() {
        return GradientMap.IDENTITY;
    }

    /** Whether the rule is in the linear family of SPEC §2.1, which the theory solves (SPEC §6); do not override. */
    default boolean linear() {
        return gradientMap() == GradientMap.IDENTITY;
    }
}
