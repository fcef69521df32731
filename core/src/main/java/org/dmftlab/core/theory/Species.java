package org.dmftlab.core.theory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.Covariance;

/**
 * The species of SPEC §4: eigenvalues σ_k of Σ with teacher power τ_k and weight ω_k (Σ ω_k = 1). They are the
 * K midpoint nodes u_k = (k − ½)/K of the eigenvalue quantile function, each of weight 1/K, with nodes of equal
 * (σ, τ) merged: {@code identity} is one species, and K = d reproduces the exact eigenvalues of dimension d.
 * The midpoint rule puts weight of order 1/K on the wrong side of a jump in σ(u) (a two-level spectrum with
 * fraction 1/3 gets 21/64 instead of 1/3 at K = 64, moving ρ by 1%), so compare with a simulation of dimension d
 * at K = d: for step spectra the nodes merge and this costs nothing.
 *
 * @param sigma  σ_k ≥ 0
 * @param tau    τ_k = (w*_k)² ≥ 0 in the eigenbasis (w-coordinates)
 * @param weight ω_k &gt; 0, summing to 1
 */
record Species(double[] sigma, double[] tau, double[] weight) {

    /** The K quadrature nodes of a covariance, merged where (σ, τ) coincide, in order of first appearance. */
    static Species of(Covariance covariance, int nodes) {
        Map<List<Double>, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < nodes; k++) {
            double u = (k + 0.5) / nodes;
            counts.merge(List.of(covariance.eigenvalueQuantile(u), covariance.teacherPower(u)), 1, Integer::sum);
        }
        int size = counts.size();
        double[] sigma = new double[size];
        double[] tau = new double[size];
        double[] weight = new double[size];
        int k = 0;
        for (Map.Entry<List<Double>, Integer> node : counts.entrySet()) {
            sigma[k] = node.getKey().get(0);
            tau[k] = node.getKey().get(1);
            weight[k] = node.getValue() / (double) nodes;
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
