package org.dmftlab.optimizers;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.UpdateRule;

/**
 * {@code nesterov}: w^{t+1} = w^t + β_t(w^t − w^{t−1}) − η ∇L_{s^t}(ŵ^t), ŵ^t = w^t + β_t(w^t − w^{t−1});
 * SPEC §2 with γ = β, constant or the schedule β_t = t/(t+3).
 */
public final class NesterovProvider implements OptimizerProvider {

    /** The classic accelerated schedule β_t = t/(t+3). */
    static final String SCHEDULE = "t/(t+3)";

    @Override
    public String id() {
        return "nesterov";
    }

    @Override
    public String description() {
        return "Nesterov accelerated gradient: gradient at the look-ahead point w + beta (w - w_prev)";
    }

    @Override
    public List<Parameter> parameters() {
        return CommonParameters.commonAnd(Parameter.real(CommonParameters.MOMENTUM, 0.5, Range.closedOpen(0, 1),
                "momentum β in [0, 1), or the schedule " + SCHEDULE).orSymbols(SCHEDULE));
    }

    @Override
    public UpdateRule create(PluginConfig config) {
        IntToDoubleFunction beta = config.symbol(CommonParameters.MOMENTUM).isPresent()
                ? t -> t / (t + 3.0)
                : constant(config.real(CommonParameters.MOMENTUM));
        return MomentumRule.of(config, beta, beta);
    }

    private static IntToDoubleFunction constant(double value) {
        return t -> value;
    }
}
