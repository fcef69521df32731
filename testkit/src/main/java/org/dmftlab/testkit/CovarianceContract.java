package org.dmftlab.testkit;

import java.util.stream.Stream;
import org.dmftlab.core.spi.CovarianceProvider;
import org.junit.jupiter.api.DynamicNode;

/**
 * Contract tests for a {@link CovarianceProvider}: every provider check ({@link PluginContracts#provider}) and
 * those of SPEC §1 and §4: σ(u) non-negative, finite and non-decreasing, the teacher power τ(u) ≥ 0 with mean 1,
 * the mean eigenvalue of {@link #meanEigenvalue()} at the defaults, and a dense operator, when there is one, that
 * is symmetric with the eigenvalues of σ(u) and comes with teacher power 1. Extend it and return the provider:
 * <pre>
 * class MyCovarianceTest extends CovarianceContract {
 *     &#64;Override
 *     protected CovarianceProvider provider() {
 *         return new MyCovarianceProvider();
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public abstract non-sealed class CovarianceContract extends PluginContract<CovarianceProvider> {

    /**
     * The mean eigenvalue tr Σ / d at the defaults, as the plugin documents it: 1 (the standard normalisation)
     * unless overridden.
     */
    protected double meanEigenvalue() {
        return PluginContracts.STANDARD_MEAN_EIGENVALUE;
    }

    @Override
    final Stream<DynamicNode> checks(CovarianceProvider provider, ParameterValues values) {
        return PluginContracts.covariance(provider, values, meanEigenvalue());
    }
}
