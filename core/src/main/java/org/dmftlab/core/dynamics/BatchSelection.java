package org.dmftlab.core.dynamics;

import java.util.random.RandomGenerator;

/**
 * The sample selection of SPEC §2 for one step: s^t_μ = 1/b with probability b (the batch fraction), else 0, drawn
 * afresh for every sample and step, so that E[s] = 1 and the mini-batch gradient is unbiased; b = 1 is full-batch
 * gradient descent. The simulation draws it per sample, the theory per sample path (SPEC §4.2).
 *
 * <p>Random numbers: {@link #draw} consumes one uniform from the given stream when b &lt; 1 and none at b = 1, so a
 * full-batch run never touches the selection streams.
 *
 * <p>Arithmetic: the simulation weighs a selected sample's ℓ′ as ℓ′/b ({@link #weigh}), the theory multiplies ℓ′
 * and ℓ″ by s = 1/b ({@link #weight}). The two differ in the last bit when 1/b is inexact (b = 0.3, say); each
 * engine keeps its own form so that its results stay bit-identical to earlier versions.
 *
 * @param fraction the batch fraction b in (0, 1]
 */
public record BatchSelection(double fraction) {

    /** Whether a sample is selected in this step: always at b = 1 (no draw), else when a uniform is below b. */
    public boolean draw(RandomGenerator random) {
        return fraction == 1 || random.nextDouble() < fraction;
    }

    /** s of a selected sample, 1/b. */
    public double weight() {
        return 1 / fraction;
    }

    /** s x for a selected sample, computed as x/b. */
    public double weigh(double x) {
        return x / fraction;
    }
}
