package org.dmftlab.core.theory;

import org.dmftlab.core.problem.StateChannel;

/**
 * The data side of one forward march (SPEC §4.2): at step t it reads row t of the {@link ParameterAggregates} and
 * publishes row t of its {@link DataKernels} C_ℓ, Γ and Γ* (SPEC §4.1), of which it is the only writer.
 */
interface DataSide {

    /**
     * Step t of the march.
     *
     * @param t          the step, 0 ≤ t ≤ T
     * @param withKernels false at t = T, where only the observation is needed
     * @return the train loss E ℓ(y, r_w^t) at the iterate w^t (SPEC §4.3)
     */
    double step(int t, boolean withKernels);

    /** The kernels this side publishes, for the parameter side to read. */
    DataKernels kernels();

    /** Sends the side's state, its kernels included, through a channel (a march's state, {@link ForwardMarch}). */
    void exchange(StateChannel channel);
}
