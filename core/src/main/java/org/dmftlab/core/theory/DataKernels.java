package org.dmftlab.core.theory;

import org.dmftlab.core.problem.StateChannel;

/**
 * The data-side kernels of one forward march (SPEC §4.1): the gradient-noise covariance C_ℓ(t,t') = α E[g^t g^{t'}],
 * the memory kernel Γ(t,u) = α E[∂g^t/∂ω^u] and the teacher drift Γ*(t). Written only by the {@link DataSide}, one
 * row per step ({@link #publishRow}); read by the {@link ParameterSide}. Indices are steps 0…T − 1. Working storage
 * of a single march, not shared between threads.
 */
final class DataKernels {

    /** C_ℓ(t,t'), both triangles. */
    private final double[][] noiseCovariance;
    /** Γ(t,u), u ≤ t. */
    private final double[][] memory;
    /** Γ*(t) = (μ(t) − Σ_u M̂(u) Γ(t,u)) / ρ. */
    private final double[] teacherDrift;

    DataKernels(int steps) {
        int rows = steps + 1;
        noiseCovariance = new double[rows][rows];
        memory = new double[rows][rows];
        teacherDrift = new double[rows];
    }

    /**
     * Row t: Γ(t, ≤t), C_ℓ(t, ≤t) (mirrored), and Γ*(t) from μ(t) and Γ(t, ≤t) by Gaussian integration by parts
     * (SPEC §4.1).
     *
     * @param memoryRow             Γ(t,u) for u ≤ t (copied)
     * @param alphaGradientProducts α E[g^t g^{t'}] for t' ≤ t (copied)
     * @param mu                    μ(t) = α E[h0 g^t]
     * @param aggregates            the march's parameter side, for M̂(u) and ρ
     */
    void publishRow(int t, double[] memoryRow, double[] alphaGradientProducts, double mu,
                    ParameterAggregates aggregates) {
        System.arraycopy(memoryRow, 0, memory[t], 0, t + 1);
        double drift = mu;
        for (int u = 0; u <= t; u++) {
            noiseCovariance[t][u] = alphaGradientProducts[u];
            noiseCovariance[u][t] = alphaGradientProducts[u];
            drift -= aggregates.teacherOverlap(u) * memory[t][u];
        }
        teacherDrift[t] = drift / aggregates.rho();
    }

    /** Row s of C_ℓ: C_ℓ(s,t') for every published t' (read only). */
    double[] noiseCovariance(int s) {
        return noiseCovariance[s];
    }

    /** Γ(t,·), entries u ≤ t (read only). */
    double[] memory(int t) {
        return memory[t];
    }

    /** Γ*(t). */
    double teacherDrift(int t) {
        return teacherDrift[t];
    }

    /** Sends every row through a channel (a march's state, {@link ForwardMarch}). */
    void exchange(StateChannel channel) {
        channel.doubles(noiseCovariance);
        channel.doubles(memory);
        channel.doubles(teacherDrift);
    }
}
