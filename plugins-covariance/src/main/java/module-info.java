/**
 * The standard data covariances of SPEC §1: {@code identity}, {@code two-level}, {@code power-law},
 * {@code ar1} (a dense Toeplitz operator) and {@code spectrum-file}. Exports nothing: the providers are found
 * with {@link java.util.ServiceLoader}.
 */
module org.dmftlab.covariance {
    requires org.dmftlab.core;

    provides org.dmftlab.core.spi.CovarianceProvider with
            org.dmftlab.covariance.IdentityCovarianceProvider,
            org.dmftlab.covariance.TwoLevelCovarianceProvider,
            org.dmftlab.covariance.PowerLawCovarianceProvider,
            org.dmftlab.covariance.Ar1CovarianceProvider,
            org.dmftlab.covariance.SpectrumFileCovarianceProvider;
}
