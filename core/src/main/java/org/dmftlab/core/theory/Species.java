package org.dmftlab.core.theory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.Covariance;

/**
 * The species of SPEC §4: eigenvalues σ_k of Σ with teacher power τ_k and weight ω_k (Σ ω_k = 1).
 * <ul>
 *   <li>A spectrum with at most K distinct (σ, τ) pairs (identity, two-level, a short spectrum file) is
 *       represented exactly: each pair's weight is measured on {@link #FINE_GRID} = lcm(1…16) midpoint cells,
 *       so fractions with denominators up to 16 are exact and others are off by less than 1.4·10⁻⁶.</li>
 *   <li>Any other spectrum uses the K midpoint nodes u_k = (k − ½)/K of the quantile function, weight 1/K
 *       each; K = d reproduces the eigenvalues σ((j − ½)/d) a simulation of dimension d uses.</li>
 * </ul>
 *
 * @param sigma  σ_k ≥ 0
 * @param tau    τ_k = (w*_k)² ≥ 0 in the eigenbasis (w-coordinates)
 * @param weight ω_k &gt; 0, summing to 1
 */
record Species(double[] sigma, double[] tau, double[] weight) {

    /** Cells of the grid on which the weights of a step spectrum are measured: lcm(1, 2, …, 16). */
    static final int FINE_GRID = 720_720;

    /** The species of a covariance with at most K = {@code nodes} species (see the type's documentation). */
    static Species of(Covariance covariance, int nodes) {
        Species steps = distinctPairs(covariance, FINE_GRID, nodes);
        return steps != null ? steps : distinctPairs(covariance, nodes, nodes);
    }

    /**
     * The distinct (σ, τ) pairs at the midpoints of {@code cells} equal cells with their weights, in order of
     * first appearance; null when there are more than {@code limit} of them.
     */
    private static Species distinctPairs(Covariance covariance, int cells, int limit) {
        Map<List<Double>, Integer> counts = new LinkedHashMap<>();
        double previousSigma = Double.NaN;
        double previousTau = Double.NaN;
        List<Double> run = null;
        int runLength = 0;
        for (int k = 0; k < cells; k++) {
            double u = Covariance.quantileNode(k, cells);
            double sigma = covariance.eigenvalueQuantile(u);
            double tau = covariance.teacherPower(u);
            if (sigma != previousSigma || tau != previousTau) {
                if (run != null) {
                    counts.merge(run, runLength, Integer::sum);
                }
                if (counts.size() > limit) {
                    return null;
                }
                run = List.of(sigma, tau);
                runLength = 0;
                previousSigma = sigma;
                previousTau = tau;
            }
            runLength++;
        }
        counts.merge(run, runLength, Integer::sum);
        if (counts.size() > limit) {
            return null;
        }
        int size = counts.size();
        double[] sigma = new double[size];
        double[] tau = new double[size];
        double[] weight = new double[size];
        int k = 0;
        for (Map.Entry<List<Double>, Integer> pair : counts.entrySet()) {
            sigma[k] = pair.getKey().get(0);
            tau[k] = pair.getKey().get(1);
            weight[k] = pair.getValue() / (double) cells;
            k++;
        }
        return new Species(sigma, tau, weight);
    }

    /** K, the number of distinct species. */
    int size() {
        return sigma.length;
    }

    /** ρ = ⟨σ_k τ_k⟩ = w*ᵀΣw* / d. */
    double rho() {
        double rho = 0;
        for (int k = 0; k < size(); k++) {
            rho += weight[k] * sigma[k] * tau[k];
        }
        return rho;
    }
}
