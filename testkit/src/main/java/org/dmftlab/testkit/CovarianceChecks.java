package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dmftlab.core.spi.Covariance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The {@link Covariance} contract (SPEC §1, §4): a non-negative, finite, non-decreasing eigenvalue quantile σ(u)
 * with a documented mean (1 for every standard covariance), a non-negative teacher power with mean 1
 * (|w*|² = d), and, when a dense operator is given, a symmetric positive semi-definite matrix whose eigenvalues
 * follow the quantile, with teacher power 1 (the simulation draws the teacher of a dense Σ isotropically, SPEC §1).
 */
final class CovarianceChecks {

    /** Quantile grid for monotonicity. */
    private static final int GRID = 4000;
    /** Midpoint rule for the means: exact for step spectra with few levels, error below 1e-5 otherwise. */
    private static final int MEAN_POINTS = 100_000;
    private static final double MEAN_TOLERANCE = 1e-4;
    /** Dimension of the dense matrices that are diagonalised. */
    static final int DENSE_DIMENSION = 200;
    /** Quantile levels compared between the dense matrix and σ(u); relative tolerance (Szegő-type, O(1/d)). */
    private static final double[] LEVELS = {0.1, 0.25, 0.5, 0.75, 0.9};
    private static final double LEVEL_TOLERANCE = 0.05;

    private CovarianceChecks() {
    }

    static void quantileIsNonNegativeFiniteAndNonDecreasing(Covariance covariance) {
        double previous = 0;
        for (int i = 1; i <= GRID; i++) {
            double u = (double) i / GRID;
            double sigma = covariance.eigenvalueQuantile(u);
            double tau = covariance.teacherPower(u);
            assertTrue(Double.isFinite(sigma) && sigma >= 0, "σ(" + u + ") = " + sigma);
            assertTrue(sigma >= previous, "σ decreases at u = " + u + ": " + previous + " then " + sigma);
            assertTrue(Double.isFinite(tau) && tau >= 0, "τ(" + u + ") = " + tau);
            previous = sigma;
        }
    }

    static void teacherPowerHasMeanOne(Covariance covariance) {
        assertEquals(1, mean(covariance, false), MEAN_TOLERANCE, "mean teacher power (|w*|² = d)");
    }

    static void meanEigenvalueIs(Covariance covariance, double expected) {
        assertEquals(expected, mean(covariance, true), MEAN_TOLERANCE * Math.max(1, expected), "mean eigenvalue");
    }

    /**
     * Only for covariances with a dense operator: the simulation then draws w* isotropically in the canonical basis,
     * so its power along every eigenvector is 1 on average, and the theory must use τ(u) = 1 too.
     */
    static void denseOperatorHasTeacherPowerOne(Covariance covariance) {
        for (int i = 1; i <= GRID; i++) {
            double u = (double) i / GRID;
            assertEquals(1, covariance.teacherPower(u), 1e-12, "τ(" + u + ") with a dense operator: the simulation"
                    + " draws the teacher of a dense Σ isotropically, so the theory's teacher power must be 1");
        }
    }

    /** Only for covariances with a dense operator (the others are diagonal in the canonical basis). */
    static void denseMatrixHasTheQuantileEigenvalues(Covariance covariance) {
        Covariance.DenseOperator operator = covariance.denseOperator().orElseThrow();
        int d = DENSE_DIMENSION;
        DMatrixRMaj matrix = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                matrix.set(i, j, operator.entry(d, i, j));
                assertEquals(operator.entry(d, j, i), matrix.get(i, j), 0, "symmetry at " + i + ", " + j);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.eig(d, false, true);
        assertTrue(decomposition.decompose(matrix), "eigen decomposition");
        double[] dense = new double[d];
        for (int i = 0; i < d; i++) {
            dense[i] = decomposition.getEigenvalue(i).real;
        }
        Arrays.sort(dense);
        double[] quantile = covariance.eigenvalues(d);
        Arrays.sort(quantile);
        assertTrue(dense[0] >= -1e-12, "negative eigenvalue " + dense[0]);
        assertEquals(Arrays.stream(quantile).average().orElseThrow(), Arrays.stream(dense).average().orElseThrow(),
                1e-2, "mean eigenvalue of the dense matrix");
        for (double level : LEVELS) {
            int k = (int) (level * d);
            assertEquals(quantile[k], dense[k], LEVEL_TOLERANCE * quantile[k], "eigenvalue at quantile " + level);
        }
    }

    private static double mean(Covariance covariance, boolean eigenvalue) {
        double sum = 0;
        for (int j = 0; j < MEAN_POINTS; j++) {
            double u = (j + 0.5) / MEAN_POINTS;
            sum += eigenvalue ? covariance.eigenvalueQuantile(u) : covariance.teacherPower(u);
        }
        return sum / MEAN_POINTS;
    }
}
