package org.example.qhm;

import java.util.List;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.UpdateRule;

/**
 * {@code qhm}: quasi-hyperbolic momentum (Ma &amp; Yarats, "Quasi-hyperbolic momentum and Adam for deep learning",
 * ICLR 2019), a first-order method of the linear-memory form of dmftlab's SPEC §2.1 with two gradient lags; see
 * {@link QhmRule} for the coefficients. ν = 0 is SGD with step η; ν = 1 is heavy ball with momentum β and step
 * η(1 − β).
 */
public final class QhmProvider implements OptimizerProvider {

    static final String LEARNING_RATE = "learning-rate";
    static final String MOMENTUM = "momentum";
    static final String NU = "nu";
    static final String BATCH_FRACTION = "batch-fraction";
    static final String TEMPERATURE = "temperature";

    @Override
    public String id() {
        return "qhm";
    }

    @Override
    public String description() {
        return "quasi-hyperbolic momentum: g <- beta g + (1 - beta) grad L_s(w),"
                + " w <- w - eta ((1 - nu) grad L_s(w) + nu g)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real(LEARNING_RATE, 0.1, Range.positive(), "step size η"),
                Parameter.real(MOMENTUM, 0.9, Range.closedOpen(0, 1), "β: decay of the gradient average g"),
                Parameter.real(NU, 0.7, Range.closed(0, 1),
                        "ν: weight of the average g against the fresh gradient"
                                + " (0 = SGD, 1 = heavy ball with step η(1 − β))"),
                Parameter.real(BATCH_FRACTION, 1.0, Range.openClosed(0, 1),
                        "probability b that a sample enters a step's gradient, with weight 1/b (1 = full batch)"),
                Parameter.real(TEMPERATURE, 0.0, Range.nonNegative(),
                        "Langevin temperature T_L: adds √(2 η(1 − νβ) T_L) ζ, ζ ~ N(0, I), to every update"));
    }

    @Override
    public UpdateRule create(PluginConfig config) {
        return new QhmRule(config.real(LEARNING_RATE), config.real(MOMENTUM), config.real(NU),
                config.real(BATCH_FRACTION), config.real(TEMPERATURE));
    }
}
