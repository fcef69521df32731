package org.dmftlab.core.theory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Quadrature;

/**
 * The species of SPEC §4: eigenvalues σ_k of Σ with teacher power τ_k and weight ω_k (Σ ω_k = 1), SPEC §4.5.
 * <ul>
 *   <li>A spectrum with at most K distinct (σ, τ) pairs (identity, two-level, a short spectrum file) is
 *       represented exactly: each pair's weight is measured on {@link #FINE_GRID} = lcm(1…16) midpoint cells,
 *       so fractions with denominators up to 16 are exact and others are off by less than 1.4·10⁻⁶.</li>
 *   <li>Any other spectrum is integrated over the quantile u by Gauss–Legendre quadrature with K nodes in v, where
 *       u = v²: ⟨f⟩ = ∫₀¹ f(σ(u), τ(u)) du = ∫₀¹ f(σ(v²), τ(v²)) 2v dv. The substitution takes a power law
 *       σ ∝ u^a at the low end to v^{2a} (smooth for a = ½, 1, …, a milder singularity otherwise) and puts
 *       nodes where the slow modes of long runs live; the rule then converges geometrically in K for smooth
 *       spectra. It is an approximation, whose error the engine estimates ({@link #coarser}).</li>
 * </ul>
 *
 * @param sigma  σ_k ≥ 0
 * @param tau    τ_k = (w*_k)² ≥ 0 in the eigenbasis (w-coordinates)
 * @param weight ω_k &gt; 0, summing to 1
 * @param exact  whether the spectrum is represented exactly (a step spectrum), rather than by quadrature
 */
record Species(double[] sigma, double[] tau, double[] weight, boolean exact) {

    /** Cells of the grid on which the weights of a step spectrum are measured: lcm(1, 2, …, 16). */
    static final int FINE_GRID = 720_720;

    /** The species of a covariance with at most K = {@code nodes} species (see the type's documentation). */
    static Species of(Covariance covariance, int nodes) {
        Species steps = distinctPairs(covariance, FINE_GRID, nodes);
        return steps != null ? steps : quadrature(covariance, nodes);
    }

    /**
     * The rule with half the nodes, ⌊K/2⌋, against which the engine measures the error of a quadrature (SPEC §4.5);
     * empty for an exact spectrum, or when K = 1 leaves no coarser rule.
     */
    static Optional<Species> coarser(Covariance covariance, Species species) {
        int nodes = species.size() / 2;
        return species.exact() || nodes < 1 ? Optional.empty() : Optional.of(quadrature(covariance, nodes));
    }

    /** Gauss–Legendre in v on (0, 1) with u = v²: nodes u_k = v_k², weights 2 v_k ω_k^GL (SPEC §4.5). */
    private static Species quadrature(Covariance covariance, int nodes) {
        Quadrature rule = Quadrature.uniform(nodes);
        double[] sigma = new double[nodes];
        double[] tau = new double[nodes];
        double[] weight = new double[nodes];
        for (int k = 0; k < nodes; k++) {
            double v = rule.node(k);
            double u = v * v;
            sigma[k] = covariance.eigenvalueQuantile(u);
            tau[k] = covariance.teacherPower(u);
            weight[k] = 2 * v * rule.weight(k);
        }
        return new Species(sigma, tau, weight, false);
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
        return new Species(sigma, tau, weight, true);
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
