package org.dmftlab.optimizers;

import java.util.List;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.UpdateRule;

/** {@code sgd}: w^{t+1} = w^t − η_t ∇L_{s^t}(w^t) (+ Langevin noise); SPEC §2 with β = γ = 0, η and b schedulable (§2.2). */
public final class SgdProvider implements OptimizerProvider {

    @Override
    public String id() {
        return "sgd";
    }

    @Override
    public String description() {
        return "stochastic gradient descent w <- w - eta grad L_s(w) with batch fraction b (b = 1: gradient descent)";
    }

    @Override
    public List<Parameter> parameters() {
        return CommonParameters.common();
    }

    @Override
    public UpdateRule create(PluginConfig config) {
        return MomentumRule.of(config, t -> 0, t -> 0);
    }
}
