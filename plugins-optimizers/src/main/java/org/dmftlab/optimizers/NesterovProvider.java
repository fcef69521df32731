package org.dmftlab.optimizers;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.UpdateRule;

/**
 * {@code nesterov}: w^{t+1} = w^t + β_t(w^t − w^{t−1}) − η_t ∇L_{s^t}(ŵ^t), ŵ^t = w^t + β_t(w^t − w^{t−1});
 * SPEC §2 with γ = β, constant, the classic β_t = t/(t+3), or a momentum schedule of SPEC §2.2 (η and the batch
 * fraction may be scheduled too).
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
        return CommonParameters.withMomentum(Parameter.real(CommonParameters.MOMENTUM, 0.5, Range.closedOpen(0, 1),
                "momentum β in [0, 1), or the schedule " + SCHEDULE).orSymbols(SCHEDULE));
    }

    @Override
    public UpdateRule create(PluginConfig config) {
        IntToDoubleFunction beta;
        if (config.symbol(CommonParameters.MOMENTUM).isPresent()) {
            if (!config.values().get(CommonParameters.MOMENTUM_SCHEDULE).equals(Parameter.CONSTANT_SCHEDULE)) {
                throw config.invalid(CommonParameters.MOMENTUM_SCHEDULE, "momentum " + SCHEDULE
                        + " is already a schedule; give a number as momentum to use a momentum-schedule");
            }
            beta = t -> t / (t + 3.0);
        } else {
            beta = MomentumRule.scheduled(config, CommonParameters.MOMENTUM, CommonParameters.MOMENTUM_SCHEDULE);
        }
        return MomentumRule.of(config, beta, beta);
    }
}
