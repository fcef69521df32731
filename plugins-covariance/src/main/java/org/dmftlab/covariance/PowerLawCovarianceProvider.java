package org.dmftlab.covariance;

import java.util.List;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;

/**
 * {@code power-law}: the eigenvalue quantile σ(u) = (1 + a) u^a with exponent a &gt; 0 (SPEC §1, §4): mean
 * eigenvalue ∫₀¹ (1 + a) u^a du = 1, largest eigenvalue 1 + a, and a density of small eigenvalues that grows
 * with a (σ &lt; s for a fraction (s/(1+a))^{1/a} of them). Isotropic teacher.
 */
public final class PowerLawCovarianceProvider implements CovarianceProvider {

    static final String EXPONENT = "exponent";

    @Override
    public String id() {
        return "power-law";
    }

    @Override
    public String description() {
        return "power-law spectrum: eigenvalue quantile (1 + a) u^a, mean 1, largest 1 + a (a = exponent)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real(EXPONENT, 1.0, Range.positive(),
                "exponent a > 0 of the quantile (1 + a) u^a; larger a means more small eigenvalues"));
    }

    @Override
    public Covariance create(PluginConfig config) {
        double exponent = config.real(EXPONENT);
        return u -> (1 + exponent) * Math.pow(u, exponent);
    }
}
