package org.dmftlab.core.theory;

import org.dmftlab.core.problem.StateChannel;

/**
 * The parameter-side aggregates of one forward march (SPEC §4.3) that feed the data side: the covariances of the
 * Gaussian fields C(t,t'), M̂(t) and ρ, the response R(t,s) and, for look-ahead rules, the iterate's field
 * (R_w, its covariances, M and Q). Written only by the {@link ParameterSide}, one row per step
 * ({@link #publishRow}); read by the {@link DataSide}. Indices are steps 0…T, and at step t only rows ≤ t exist.
 * Working storage of a single march, not shared between threads.
 */
final class ParameterAggregates {

    /** ρ = ⟨σ_k τ_k⟩. */
    private final double rho;
    /** C(t,t') = Cov(ω̂^t, ω̂^{t'}), both triangles. */
    private final double[][] fieldCovariance;
    /** M̂(t) = Cov(h0, ω̂^t). */
    private final double[] teacherOverlap;
    /** R(t,s) = ⟨σ_k χ̃̂_k(t,s)⟩, s &lt; t: response of the query preactivation to the gradient field g^s. */
    private final double[][] response;
    /** R_w(t,s) = ⟨σ_k χ̃_k(t,s)⟩, s &lt; t: the same at the iterate (SPEC §4.3, last point). */
    private final double[][] iterateResponse;
    /** Cov(ω_w^t, ω̂^{t'}) for t' ≤ t: preactivation at the iterate against the query fields. */
    private final double[][] iterateCovariance;
    /** M(t) = Cov(h0, ω_w^t), the population overlap at the iterate. */
    private final double[] iterateOverlap;
    /** Q(t) = Var ω_w^t. */
    private final double[] iterateVariance;

    ParameterAggregates(int steps, double rho) {
        this.rho = rho;
        int rows = steps + 1;
        fieldCovariance = new double[rows][rows];
        teacherOverlap = new double[rows];
        response = new double[rows][rows];
        iterateResponse = new double[rows][rows];
        iterateCovariance = new double[rows][rows];
        iterateOverlap = new double[rows];
        iterateVariance = new double[rows];
    }

    /**
     * Row t, from the parameter side's step t (arrays copied, entries up to t; the response rows entries below t).
     * Mirrors C(t,u) into C(u,t).
     *
     * @param covariance          C(t,u), u ≤ t
     * @param overlap             M̂(t)
     * @param responses           R(t,s), s &lt; t
     * @param iterateResponses    R_w(t,s), s &lt; t
     * @param iterateCovariances  Cov(ω_w^t, ω̂^u), u ≤ t
     * @param iterateOverlapValue M(t)
     * @param iterateVarianceValue Q(t)
     */
    void publishRow(int t, double[] covariance, double overlap, double[] responses, double[] iterateResponses,
                    double[] iterateCovariances, double iterateOverlapValue, double iterateVarianceValue) {
        System.arraycopy(covariance, 0, fieldCovariance[t], 0, t + 1);
        for (int u = 0; u < t; u++) {
            fieldCovariance[u][t] = covariance[u];
        }
        teacherOverlap[t] = overlap;
        System.arraycopy(responses, 0, response[t], 0, t);
        System.arraycopy(iterateResponses, 0, iterateResponse[t], 0, t);
        System.arraycopy(iterateCovariances, 0, iterateCovariance[t], 0, t + 1);
        iterateOverlap[t] = iterateOverlapValue;
        iterateVariance[t] = iterateVarianceValue;
    }

    /** ρ = ⟨σ_k τ_k⟩ = Var h0. */
    double rho() {
        return rho;
    }

    /** Row u of C: C(u,t') for every published t' (read only). */
    double[] fieldCovariance(int u) {
        return fieldCovariance[u];
    }

    /** M̂(t). */
    double teacherOverlap(int t) {
        return teacherOverlap[t];
    }

    /** R(t,·), entries s &lt; t (read only). */
    double[] response(int t) {
        return response[t];
    }

    /** R_w(t,·), entries s &lt; t (read only). */
    double[] iterateResponse(int t) {
        return iterateResponse[t];
    }

    /** Cov(ω_w^t, ω̂^u), entries u ≤ t (read only). */
    double[] iterateCovariance(int t) {
        return iterateCovariance[t];
    }

    /** M(t) = Cov(h0, ω_w^t). */
    double iterateOverlap(int t) {
        return iterateOverlap[t];
    }

    /** Q(t) = Var ω_w^t. */
    double iterateVariance(int t) {
        return iterateVariance[t];
    }

    /** Sends every row through a channel (a march's state, {@link ForwardMarch}). */
    void exchange(StateChannel channel) {
        channel.doubles(fieldCovariance);
        channel.doubles(teacherOverlap);
        channel.doubles(response);
        channel.doubles(iterateResponse);
        channel.doubles(iterateCovariance);
        channel.doubles(iterateOverlap);
        channel.doubles(iterateVariance);
    }
}
