package org.dmftlab.covariance;

import java.util.List;
import java.util.Optional;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;

/**
 * {@code ar1}: the covariance of a stationary AR(1) sequence with unit variance, the dense Toeplitz matrix
 * Σ_ij = ρ^|i−j| (SPEC §1). The simulation uses this matrix as it is ({@link Covariance#denseOperator()}), so
 * the data are not diagonal in the canonical basis and the teacher is isotropic in that basis.
 *
 * <p>For the theory (SPEC §4) the spectrum is the limit law of the Toeplitz eigenvalues (Szegő): the symbol
 * f(θ) = (1 − ρ²)/(1 − 2ρ cos θ + ρ²) with θ uniform on (0, π). Its quantile is σ(u) = f(π(1 − u)) for ρ ≥ 0
 * (f decreases in θ) and σ(u) = f(πu) for ρ &lt; 0; the eigenvalues lie in [(1−|ρ|)/(1+|ρ|), (1+|ρ|)/(1−|ρ|)]
 * and their mean is 1 (Σ_ii = 1).
 */
public final class Ar1CovarianceProvider implements CovarianceProvider {

    static final String CORRELATION = "correlation";

    @Override
    public String id() {
        return "ar1";
    }

    @Override
    public String description() {
        return "AR(1) Toeplitz covariance Sigma_ij = rho^|i-j| (dense in simulations), mean eigenvalue 1";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real(CORRELATION, 0.5, Range.open(-1, 1),
                "correlation ρ in (−1, 1) between neighbouring coordinates"));
    }

    @Override
    public Covariance create(PluginConfig config) {
        return new Ar1(config.real(CORRELATION));
    }

    /** Σ_ij = ρ^|i−j| and the quantile of its symbol. */
    private record Ar1(double rho) implements Covariance {

        @Override
        public double eigenvalueQuantile(double u) {
            double theta = rho >= 0 ? Math.PI * (1 - u) : Math.PI * u;
            return (1 - rho * rho) / (1 - 2 * rho * Math.cos(theta) + rho * rho);
        }

        @Override
        public Optional<DenseOperator> denseOperator() {
            return Optional.of((d, i, j) -> Math.pow(rho, Math.abs(i - j)));
        }
    }
}
