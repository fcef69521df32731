package org.dmftlab.covariance;

import java.util.List;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;

/** {@code identity}: Σ = I, every eigenvalue 1, isotropic teacher (SPEC §1; one species in SPEC §4). */
public final class IdentityCovarianceProvider implements CovarianceProvider {

    @Override
    public String id() {
        return "identity";
    }

    @Override
    public String description() {
        return "isotropic data: Sigma = I";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Covariance create(PluginConfig config) {
        return u -> 1.0;
    }
}
