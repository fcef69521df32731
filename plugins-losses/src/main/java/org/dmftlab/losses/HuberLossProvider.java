package org.dmftlab.losses;

import java.util.List;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;

/**
 * {@code huber}: quadratic near the label, linear beyond a threshold δ (SPEC §1). With e = r − y:
 * <pre>
 *   ℓ = ½ e²             ℓ′ = e          ℓ″ = 1   for |e| ≤ δ
 *   ℓ = δ|e| − δ²/2      ℓ′ = δ sign(e)  ℓ″ = 0   for |e| &gt; δ
 * </pre>
 * ℓ′ is continuous (Lipschitz), so ℓ″ is an indicator without a delta part and carries the pathwise response
 * of SPEC §4.2 exactly, unlike the hinge (SPEC §6).
 */
public final class HuberLossProvider implements LossProvider {

    static final String DELTA = "delta";

    @Override
    public String id() {
        return "huber";
    }

    @Override
    public String description() {
        return "Huber loss: (y - r)^2 / 2 for |y - r| <= delta, delta |y - r| - delta^2 / 2 beyond";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real(DELTA, 1.0, Range.positive(),
                "threshold δ > 0 on |y − r| where the loss turns from quadratic to linear"));
    }

    @Override
    public Loss create(PluginConfig config) {
        return new Huber(config.real(DELTA));
    }

    /** Huber loss with threshold δ. */
    private record Huber(double delta) implements Loss {

        @Override
        public double value(double y, double r) {
            double residual = Math.abs(r - y);
            return residual <= delta ? 0.5 * residual * residual : delta * (residual - 0.5 * delta);
        }

        @Override
        public double firstDerivative(double y, double r) {
            double residual = r - y;
            return Math.max(-delta, Math.min(delta, residual));
        }

        @Override
        public double secondDerivative(double y, double r) {
            return Math.abs(r - y) <= delta ? 1 : 0;
        }

        /** ℓ′ is continuous (ℓ″ only jumps), so ℓ″ carries the response. */
        @Override
        public boolean curvatureCarriesResponse() {
            return true;
        }
    }
}
