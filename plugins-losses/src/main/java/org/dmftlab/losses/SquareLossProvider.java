package org.dmftlab.losses;

import java.util.List;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;

/** {@code square}: ℓ(y, r) = ½(y − r)², ℓ′ = r − y, ℓ″ = 1 (SPEC §1). */
public final class SquareLossProvider implements LossProvider {

    @Override
    public String id() {
        return "square";
    }

    @Override
    public String description() {
        return "square loss (y - r)^2 / 2";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Loss create(PluginConfig config) {
        return new SquareLoss();
    }

    /** ½(y − r)². */
    private static final class SquareLoss implements Loss {

        @Override
        public double value(double y, double r) {
            double residual = y - r;
            return 0.5 * residual * residual;
        }

        @Override
        public double firstDerivative(double y, double r) {
            return r - y;
        }

        @Override
        public double secondDerivative(double y, double r) {
            return 1;
        }

        @Override
        public boolean curvatureCarriesResponse() {
            return true;
        }

        @Override
        public boolean constantCurvature() {
            return true;
        }
    }
}
