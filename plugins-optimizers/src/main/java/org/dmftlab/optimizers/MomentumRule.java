package org.dmftlab.optimizers;

import java.util.function.IntToDoubleFunction;
import org.dmftlab.core.spi.GradientMap;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The momentum family of SPEC §2 as a linear-memory rule of depth 1 (SPEC §2.1):
 * w^{t+1} = w^t + β_t(w^t − w^{t−1}) − η ∇L(ŵ^t), ŵ^t = w^t + γ_t(w^t − w^{t−1}).
 *
 * @param learningRate  η
 * @param momentum      β_t as a function of t
 * @param lookAhead     γ_t as a function of t
 * @param batchFraction b
 * @param temperature   T_L
 * @param gradientMap   applied to each gradient ({@link GradientMap#IDENTITY} for the linear family)
 */
record MomentumRule(double learningRate, IntToDoubleFunction momentum, IntToDoubleFunction lookAhead,
                    double batchFraction, double temperature, GradientMap gradientMap) implements UpdateRule {

    /** A linear rule whose η, b and T_L come from the common parameters. */
    static MomentumRule of(PluginConfig config, IntToDoubleFunction momentum, IntToDoubleFunction lookAhead) {
        return of(config, momentum, lookAhead, GradientMap.IDENTITY);
    }

    /** A rule whose η, b and T_L come from the common parameters, with a gradient map. */
    static MomentumRule of(PluginConfig config, IntToDoubleFunction momentum, IntToDoubleFunction lookAhead,
                           GradientMap gradientMap) {
        return new MomentumRule(config.real(CommonParameters.LEARNING_RATE), momentum, lookAhead,
                config.real(CommonParameters.BATCH_FRACTION), config.real(CommonParameters.TEMPERATURE), gradientMap);
    }

    @Override
    public int memory() {
        return 1;
    }

    @Override
    public StepCoefficients coefficients(int t) {
        return StepCoefficients.momentum(learningRate, momentum.applyAsDouble(t), lookAhead.applyAsDouble(t));
    }
}
