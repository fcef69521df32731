package org.dmftlab.optimizers;

import java.util.function.IntToDoubleFunction;
import org.dmftlab.core.spi.GradientMap;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The momentum family of SPEC §2 as a linear-memory rule of depth 1 (SPEC §2.1), with schedules (SPEC §2.2):
 * w^{t+1} = w^t + β_t(w^t − w^{t−1}) − η_t ∇L_{s^t}(ŵ^t), ŵ^t = w^t + γ_t(w^t − w^{t−1}), selections with b_t.
 *
 * @param learningRate  η_t as a function of t
 * @param momentum      β_t as a function of t
 * @param lookAhead     γ_t as a function of t
 * @param batchFraction  b, the base batch fraction
 * @param batchFractions b_t as a function of t (the engines read these)
 * @param temperature   T_L
 * @param gradientMap   applied to each gradient ({@link GradientMap#IDENTITY} for the linear family)
 */
record MomentumRule(IntToDoubleFunction learningRate, IntToDoubleFunction momentum, IntToDoubleFunction lookAhead,
                    double batchFraction, IntToDoubleFunction batchFractions, double temperature,
                    GradientMap gradientMap)
        implements UpdateRule {

    /** A linear rule whose η_t, b_t and T_L come from the common parameters. */
    static MomentumRule of(PluginConfig config, IntToDoubleFunction momentum, IntToDoubleFunction lookAhead) {
        return of(config, momentum, lookAhead, GradientMap.IDENTITY);
    }

    /** A rule whose η_t, b_t and T_L come from the common parameters, with a gradient map. */
    static MomentumRule of(PluginConfig config, IntToDoubleFunction momentum, IntToDoubleFunction lookAhead,
                           GradientMap gradientMap) {
        return new MomentumRule(scheduled(config, CommonParameters.LEARNING_RATE,
                CommonParameters.LEARNING_RATE_SCHEDULE), momentum, lookAhead,
                config.real(CommonParameters.BATCH_FRACTION),
                scheduled(config, CommonParameters.BATCH_FRACTION, CommonParameters.BATCH_FRACTION_SCHEDULE),
                config.real(CommonParameters.TEMPERATURE), gradientMap);
    }

    /** v_t = S(v, t, T) of a real parameter and its schedule, with the experiment's horizon T. */
    static IntToDoubleFunction scheduled(PluginConfig config, String base, String schedule) {
        double value = config.real(base);
        Schedule values = config.schedule(schedule);
        int steps = config.steps();
        return t -> values.value(value, t, steps);
    }

    @Override
    public int memory() {
        return 1;
    }

    @Override
    public StepCoefficients coefficients(int t) {
        return StepCoefficients.momentum(learningRate.applyAsDouble(t), momentum.applyAsDouble(t),
                lookAhead.applyAsDouble(t));
    }

    @Override
    public double batchFraction(int t) {
        return batchFractions.applyAsDouble(t);
    }
}
