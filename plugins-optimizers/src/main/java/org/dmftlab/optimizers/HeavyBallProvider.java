package org.dmftlab.optimizers;

import java.util.List;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.UpdateRule;

/**
 * {@code heavy-ball}: w^{t+1} = w^t + β_t(w^t − w^{t−1}) − η_t ∇L_{s^t}(w^t); SPEC §2 with γ = 0, each of η, β and
 * the batch fraction optionally scheduled (SPEC §2.2).
 */
public final class HeavyBallProvider implements OptimizerProvider {

    @Override
    public String id() {
        return "heavy-ball";
    }

    @Override
    public String description() {
        return "Polyak heavy-ball momentum w <- w + beta (w - w_prev) - eta grad L_s(w)";
    }

    @Override
    public List<Parameter> parameters() {
        return CommonParameters.withMomentum(Parameter.real(CommonParameters.MOMENTUM, 0.5, Range.closedOpen(0, 1),
                "momentum β in [0, 1)"));
    }

    @Override
    public UpdateRule create(PluginConfig config) {
        return MomentumRule.of(config,
                MomentumRule.scheduled(config, CommonParameters.MOMENTUM, CommonParameters.MOMENTUM_SCHEDULE), t -> 0);
    }
}
