package org.dmftlab.losses;

import java.util.List;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;

/**
 * {@code smooth-hinge}: the hinge loss max(0, 1 − yr) smoothed by a softplus of sharpness k (SPEC §1, §6):
 * <pre>
 *   ℓ(y, r) = softplus(k(1 − yr)) / k,   ℓ′ = −y σ(z),   ℓ″ = k y² σ(z)(1 − σ(z)),   z = k(1 − yr),
 * </pre>
 * with σ the logistic function. As k → ∞ it tends to the hinge (the gap is at most log 2 / k, at yr = 1).
 *
 * <p>Why not the exact hinge: the DMFT carries the response of the iterates through ℓ″ along each sampled path
 * (SPEC §4.2). The hinge has ℓ″ = 0 almost everywhere and a jump of ℓ′ at yr = 1, so its response is a delta
 * function at the margin that no finite population of paths can see: the theory would silently drop the
 * memory kernel Γ (SPEC §6). The softplus spreads that delta over a width of order 1/k, where paths do land;
 * larger k is closer to the hinge but needs more paths for the same accuracy of Γ.
 */
public final class SmoothHingeLossProvider implements LossProvider {

    static final String SHARPNESS = "sharpness";

    @Override
    public String id() {
        return "smooth-hinge";
    }

    @Override
    public String description() {
        return "softplus-smoothed hinge log(1 + exp(k (1 - y r))) / k for labels y = +-1 (k = sharpness)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real(SHARPNESS, 10.0, Range.positive(),
                "sharpness k > 0: the smoothing width of the hinge at y r = 1 is about 1/k"));
    }

    @Override
    public Loss create(PluginConfig config) {
        return new SmoothHinge(config.real(SHARPNESS));
    }

    /** softplus(k(1 − yr))/k in stable form. */
    private record SmoothHinge(double sharpness) implements Loss {

        @Override
        public double value(double y, double r) {
            return Logistic.softplus(sharpness * (1 - y * r)) / sharpness;
        }

        @Override
        public double firstDerivative(double y, double r) {
            return -y * Logistic.sigmoid(sharpness * (1 - y * r));
        }

        @Override
        public double secondDerivative(double y, double r) {
            return sharpness * y * y * Logistic.sigmoidSlope(sharpness * (1 - y * r));
        }

        /** ℓ′ is smooth. */
        @Override
        public boolean curvatureCarriesResponse() {
            return true;
        }
    }
}
