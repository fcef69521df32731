package org.dmftlab.optimizers;

import java.util.List;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.UpdateRule;

/** {@code heavy-ball}: w^{t+1} = w^t + β(w^t − w^{t−1}) − η ∇L_{s^t}(w^t); SPEC §2 with γ = 0. */
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
        return CommonParameters.commonAnd(Parameter.real(CommonParameters.MOMENTUM, 0.5, Range.closedOpen(0, 1),
                "momentum β in [0, 1)"));
    }

    @Override
    public UpdateRule create(PluginConfig config) {
        double beta = config.real(CommonParameters.MOMENTUM);
        return MomentumRule.of(config, t -> beta, t -> 0);
    }
}
