package org.dmftlab.optimizers;

import java.util.List;
import java.util.stream.Stream;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.Range;

/** The parameters every standard optimizer shares: learning rate, batch fraction and Langevin temperature. */
final class CommonParameters {

    static final String LEARNING_RATE = "learning-rate";
    static final String BATCH_FRACTION = "batch-fraction";
    static final String TEMPERATURE = "temperature";
    static final String MOMENTUM = "momentum";

    private CommonParameters() {
    }

    /** learning-rate η &gt; 0, batch-fraction b in (0, 1], temperature T_L ≥ 0. */
    static List<Parameter> common() {
        return List.of(
                Parameter.real(LEARNING_RATE, 0.1, Range.positive(), "step size η of every update"),
                Parameter.real(BATCH_FRACTION, 1.0, Range.openClosed(0, 1),
                        "probability b that a sample enters a step's gradient, with weight 1/b (1 = full-batch GD)"),
                Parameter.real(TEMPERATURE, 0.0, Range.nonNegative(),
                        "Langevin temperature T_L: adds √(2ηT_L) ζ, ζ ~ N(0, I), to every update (0 = none)"));
    }

    /** The common parameters followed by {@code extra}. */
    static List<Parameter> commonAnd(Parameter extra) {
        return Stream.concat(common().stream(), Stream.of(extra)).toList();
    }
}
