package org.dmftlab.validation.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.validation.Plugins;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Covariance} contract (SPEC §1, §4) for every discovered covariance at its defaults (spectrum-file
 * with the temporary CSV of {@link Contracts#SPECTRUM_CSV}): a non-negative, finite, non-decreasing eigenvalue
 * quantile with mean 1 (the normalisation every standard covariance documents at its defaults), a non-negative
 * teacher power with mean 1 (|w*|² = d), and, when a dense operator is given, a symmetric matrix whose
 * eigenvalues follow the quantile (Szegő for ar1).
 */
class CovarianceContractTest {

    /** Quantile grid for monotonicity. */
    private static final int GRID = 4000;
    /** Midpoint rule for the means: exact for step spectra with few levels, error below 1e-5 otherwise. */
    private static final int MEAN_POINTS = 100_000;
    private static final double MEAN_TOLERANCE = 1e-4;
    /** Dimension of the dense matrices that are diagonalised. */
    private static final int DENSE_DIMENSION = 200;

    static Stream<Named<PluginDescriptor<CovarianceProvider>>> covariances() {
        return Contracts.providers(PluginFamily.COVARIANCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("covariances")
    void quantileIsNonNegativeFiniteAndNonDecreasing(PluginDescriptor<CovarianceProvider> plugin) {
        Covariance covariance = Contracts.createWithDefaults(plugin.provider());
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("covariances")
    void meanEigenvalueAndMeanTeacherPowerAreOne(PluginDescriptor<CovarianceProvider> plugin) {
        Covariance covariance = Contracts.createWithDefaults(plugin.provider());
        double sigma = 0;
        double tau = 0;
        for (int j = 0; j < MEAN_POINTS; j++) {
            double u = (j + 0.5) / MEAN_POINTS;
            sigma += covariance.eigenvalueQuantile(u);
            tau += covariance.teacherPower(u);
        }
        assertEquals(1, sigma / MEAN_POINTS, MEAN_TOLERANCE, "mean eigenvalue");
        assertEquals(1, tau / MEAN_POINTS, MEAN_TOLERANCE, "mean teacher power");
    }

    /** Covariances with a dense operator at their defaults, and ar1 at a few more correlations. */
    static Stream<Arguments> denseCovariances() {
        Stream<Arguments> defaults = covariances()
                .filter(named -> Contracts.createWithDefaults(named.getPayload().provider()).denseOperator().isPresent())
                .map(named -> Arguments.of(Named.of(named.getName(), named.getPayload().provider()), Map.of()));
        CovarianceProvider ar1 = Plugins.REGISTRY.find(PluginFamily.COVARIANCE, "ar1").provider();
        Stream<Arguments> ar1Variants = Stream.of(-0.6, 0.2).map(rho ->
                Arguments.of(Named.of("covariance ar1 correlation " + rho, ar1), Map.of("correlation", rho)));
        return Stream.concat(defaults, ar1Variants);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCovariances")
    void denseMatrixHasTheQuantileEigenvalues(CovarianceProvider provider, Map<String, Object> values) {
        Covariance covariance = Contracts.create(provider, values);
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
                1e-2, "mean eigenvalue");
        // Szegő: the sorted Toeplitz eigenvalues sit within O(1/d) in θ of the symbol's quantiles.
        for (double level : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            int k = (int) (level * d);
            assertEquals(quantile[k], dense[k], 0.05 * quantile[k], "quantile " + level);
        }
    }
}
