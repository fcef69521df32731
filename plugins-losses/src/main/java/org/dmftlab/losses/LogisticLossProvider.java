package org.dmftlab.losses;

import java.util.List;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;

/**
 * {@code logistic}: ℓ(y, r) = log(1 + e^{−yr}), ℓ′ = −y σ(−yr), ℓ″ = y² σ(yr) σ(−yr) with σ the logistic
 * function (SPEC §1). Evaluated without overflow for any finite r.
 */
public final class LogisticLossProvider implements LossProvider {

    @Override
    public String id() {
        return "logistic";
    }

    @Override
    public String description() {
        return "logistic loss log(1 + exp(-y r)) for labels y = +-1";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Loss create(PluginConfig config) {
        return new LogisticLoss();
    }

    /** log(1 + e^{−yr}) in stable form. */
    private static final class LogisticLoss implements Loss {

        @Override
        public double value(double y, double r) {
            return Logistic.softplus(-y * r);
        }

        @Override
        public double firstDerivative(double y, double r) {
            return -y * Logistic.sigmoid(-y * r);
        }

        @Override
        public double secondDerivative(double y, double r) {
            return y * y * Logistic.sigmoidSlope(y * r);
        }

        /** ℓ′ is smooth. */
        @Override
        public boolean curvatureCarriesResponse() {
            return true;
        }
    }
}
