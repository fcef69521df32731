package org.dmftlab.core.spi;

/**
 * Service interface of the covariance family: creates the spectrum of the data covariance Σ and the teacher power per eigenvalue (SPEC §1, §4).
 *
 * <p>Register an implementation with {@code provides org.dmftlab.core.spi.CovarianceProvider with …} in the
 * plugin's {@code module-info.java} and, for class-path use, in
 * {@code META-INF/services/org.dmftlab.core.spi.CovarianceProvider}.
 *
 * @since 0.1.0
 */
public interface CovarianceProvider extends PluginProvider<Covariance> {
}
