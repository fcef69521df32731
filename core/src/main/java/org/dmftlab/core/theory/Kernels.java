package org.dmftlab.core.theory;

/**
 * The quantities that couple the two sides of one forward march (SPEC §4.1–§4.3), filled row by row in causal
 * order: row t of the parameter-side aggregates by {@link ParameterSide#prepare}, row t of the data-side kernels
 * by a {@link DataSide}. Indices are steps 0…T; the arrays are (T+1)×(T+1) and only rows ≤ t are valid at
 * step t. Mutable working storage of a single march, not shared between threads.
 */
final class Kernels {

    /** ρ = ⟨σ_k τ_k⟩. */
    final double rho;
    /** C(t,t') = Cov(ω̂^t, ω̂^{t'}), both triangles filled. */
    final double[][] fieldCovariance;
    /** M̂(t) = Cov(h0, ω̂^t). */
    final double[] teacherOverlap;
    /** R(t,s) = ⟨σ_k χ̃̂_k(t,s)⟩, s &lt; t: response of the query preactivation to the gradient field g^s. */
    final double[][] response;
    /** R_w(t,s) = ⟨σ_k χ̃_k(t,s)⟩, s &lt; t: the same at the iterate (look-ahead rules only, SPEC §4.3). */
    final double[][] iterateResponse;
    /** Cov(ω_w^t, ω̂^{t'}) for t' ≤ t: preactivation at the iterate against the query fields (look-ahead only). */
    final double[][] iterateCovariance;
    /** M(t) = Cov(h0, ω_w^t), the population overlap at the iterate. */
    final double[] iterateOverlap;
    /** Q(t) = Var ω_w^t. */
    final double[] iterateVariance;

    /** C_ℓ(t,t') = α E[g^t g^{t'}], both triangles filled. */
    final double[][] noiseCovariance;
    /** Γ(t,u) = α E[∂g^t/∂ω^u], u ≤ t. */
    final double[][] memory;
    /** Γ*(t) = (μ(t) − Σ_u M̂(u) Γ(t,u)) / ρ. */
    final double[] teacherDrift;

    Kernels(int steps, double rho) {
        this.rho = rho;
        int rows = steps + 1;
        fieldCovariance = new double[rows][rows];
        teacherOverlap = new double[rows];
        response = new double[rows][rows];
        iterateResponse = new double[rows][rows];
        iterateCovariance = new double[rows][rows];
        iterateOverlap = new double[rows];
        iterateVariance = new double[rows];
        noiseCovariance = new double[rows][rows];
        memory = new double[rows][rows];
        teacherDrift = new double[rows];
    }

    /**
     * Stores C_ℓ(t, ≤t) (mirrored), and Γ*(t) from μ(t) and the stored Γ(t, ≤t) by Gaussian integration by parts
     * (SPEC §4.1).
     *
     * @param alphaGradientProducts α E[g^t g^{t'}] for t' ≤ t (read, not kept)
     * @param mu                    μ(t) = α E[h0 g^t]
     */
    void finishRow(int t, double[] alphaGradientProducts, double mu) {
        double drift = mu;
        for (int u = 0; u <= t; u++) {
            noiseCovariance[t][u] = alphaGradientProducts[u];
            noiseCovariance[u][t] = alphaGradientProducts[u];
            drift -= teacherOverlap[u] * memory[t][u];
        }
        teacherDrift[t] = drift / rho;
    }
}
