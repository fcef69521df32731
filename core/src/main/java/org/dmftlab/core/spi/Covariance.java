package org.dmftlab.core.spi;

import java.util.Optional;

/**
 * The data covariance Σ of SPEC §1, described by its spectrum: the eigenvalue quantile function σ(u) on
 * (0, 1] and the teacher power τ per eigenvalue (τ_k = (w*_k)² in the eigenbasis; 1 for an isotropic
 * teacher). A covariance of dimension d has the eigenvalues σ((j − ½)/d), j = 1…d ({@link #quantileNode}); the
 * theory uses nodes of the same function for its species (SPEC §4).
 *
 * <p>Standard covariances are normalised to mean eigenvalue 1 (tr Σ = d); plugins document their own
 * normalisation. A covariance that is not diagonal in the canonical basis (e.g. an AR(1) Toeplitz matrix)
 * also gives a {@link #denseOperator()} so that the simulation uses the real non-diagonal Σ.
 *
 * @since 0.1.0
 */
public interface Covariance {

    /**
     * σ(u) of SPEC §1: the eigenvalue at quantile u ∈ (0, 1], non-decreasing in u, non-negative, finite. The
     * simulation of dimension d uses σ at the nodes {@link #quantileNode}(j, d), the theory at its species' nodes
     * (SPEC §4.5).
     */
    double eigenvalueQuantile(double u);

    /**
     * τ(u) of SPEC §1: the squared teacher component along the eigenvector of quantile u, non-negative, with mean 1
     * over u so that |w*|² = d; the theory's teacher component of species k is v*_k = √(σ_k τ_k) (SPEC §4).
     * Default 1 (isotropic teacher).
     */
    default double teacherPower(double u) {
        return 1.0;
    }

    /**
     * The dense matrix Σ of SPEC §1, when the simulation must not diagonalise it; empty for covariances that are
     * diagonal in the canonical basis (the simulation then uses σ and τ at the nodes {@link #quantileNode}(j, d)).
     * With a dense operator the simulation draws the teacher isotropically (a Gaussian rescaled to |w*|² = d), so
     * its eigenvalues must follow σ(u) and the teacher power must be 1 (the testkit checks both).
     */
    default Optional<DenseOperator> denseOperator() {
        return Optional.empty();
    }

    /** The eigenvalues of dimension d (SPEC §1): σ at {@link #quantileNode}(j, d) for j = 0…d − 1. */
    default double[] eigenvalues(int d) {
        double[] sigma = new double[d];
        for (int j = 0; j < d; j++) {
            sigma[j] = eigenvalueQuantile(quantileNode(j, d));
        }
        return sigma;
    }

    /**
     * The quantile rule of SPEC §1: node j (0-based) of {@code count} equal cells of (0, 1], their midpoint
     * (j + ½)/count. Dimension d has the eigenvalues σ at the nodes of d cells (the simulation); the theory
     * measures the weights of a step spectrum on such a fine grid and integrates any other spectrum by quadrature
     * (SPEC §4.5).
     */
    static double quantileNode(int j, int count) {
        return (j + 0.5) / count;
    }

    /** The entries of a dense symmetric positive semi-definite covariance matrix Σ of dimension d (SPEC §1). */
    @FunctionalInterface
    interface DenseOperator {
        /** Σ_ij of SPEC §1 in dimension d, for 0 ≤ i, j &lt; d. */
        double entry(int d, int i, int j);
    }
}
