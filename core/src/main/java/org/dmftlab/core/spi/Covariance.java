package org.dmftlab.core.spi;

import java.util.Optional;

/**
 * The data covariance Σ of SPEC §1, described by its spectrum: the eigenvalue quantile function σ(u) on
 * (0, 1] and the teacher power τ per eigenvalue (τ_k = (w*_k)² in the eigenbasis; 1 for an isotropic
 * teacher). A covariance of dimension d has the eigenvalues σ((j − ½)/d), j = 1…d; the theory uses quadrature
 * nodes of the same function for its species (SPEC §4).
 *
 * <p>Standard covariances are normalised to mean eigenvalue 1 (tr Σ = d); plugins document their own
 * normalisation. A covariance that is not diagonal in the canonical basis (e.g. an AR(1) Toeplitz matrix)
 * also gives a {@link #denseOperator()} so that the simulation uses the real non-diagonal Σ.
 */
public interface Covariance {

    /**
     * σ(u): the eigenvalue at quantile u ∈ (0, 1], non-decreasing in u, non-negative, finite.
     */
    double eigenvalueQuantile(double u);

    /**
     * τ(u): the squared teacher component along the eigenvector of quantile u (SPEC §1), non-negative, with
     * mean 1 over u so that |w*|² = d. Default 1 (isotropic teacher).
     */
    default double teacherPower(double u) {
        return 1.0;
    }

    /**
     * The dense matrix Σ, when the simulation must not diagonalise it; empty for covariances that are
     * diagonal in the canonical basis (the simulation then uses σ((j − ½)/d) and τ((j − ½)/d) directly).
     */
    default Optional<DenseOperator> denseOperator() {
        return Optional.empty();
    }

    /** The eigenvalues of dimension d: σ((j − ½)/d) for j = 1…d. */
    default double[] eigenvalues(int d) {
        double[] sigma = new double[d];
        for (int j = 0; j < d; j++) {
            sigma[j] = eigenvalueQuantile((j + 0.5) / d);
        }
        return sigma;
    }

    /** The entries of a dense symmetric positive semi-definite covariance matrix Σ of dimension d. */
    @FunctionalInterface
    interface DenseOperator {
        /** Σ_ij for 0 ≤ i, j &lt; d. */
        double entry(int d, int i, int j);
    }
}
