package org.dmftlab.optimizers;

import java.util.List;
import java.util.stream.Stream;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.Range;

/**
 * The parameters every standard optimizer shares: learning rate and batch fraction, each with its schedule
 * (SPEC §2.2), and the Langevin temperature; and the momentum with its schedule for the momentum methods.
 */
final class CommonParameters {

    static final String LEARNING_RATE = "learning-rate";
    static final String LEARNING_RATE_SCHEDULE = "learning-rate-schedule";
    static final String BATCH_FRACTION = "batch-fraction";
    static final String BATCH_FRACTION_SCHEDULE = "batch-fraction-schedule";
    static final String TEMPERATURE = "temperature";
    static final String MOMENTUM = "momentum";
    static final String MOMENTUM_SCHEDULE = "momentum-schedule";

    private CommonParameters() {
    }

    /** learning-rate η &gt; 0 and its schedule, batch-fraction b in (0, 1] and its schedule, temperature T_L ≥ 0. */
    static List<Parameter> common() {
        return List.of(
                Parameter.real(LEARNING_RATE, 0.1, Range.positive(), "step size η of every update"),
                Parameter.schedule(LEARNING_RATE_SCHEDULE, LEARNING_RATE,
                        "schedule η_t of the learning rate (SPEC §2.2), e.g. {id: cosine, final: 0.01}"),
                Parameter.real(BATCH_FRACTION, 1.0, Range.openClosed(0, 1),
                        "probability b that a sample enters a step's gradient, with weight 1/b (1 = full-batch GD)"),
                Parameter.schedule(BATCH_FRACTION_SCHEDULE, BATCH_FRACTION,
                        "schedule b_t of the batch fraction (SPEC §2.2), e.g. {id: step, milestones: [20], factor: 2}"),
                Parameter.real(TEMPERATURE, 0.0, Range.nonNegative(),
                        "Langevin temperature T_L: adds √(2η_t T_L) ζ, ζ ~ N(0, I), to every update (0 = none)"));
    }

    /** The common parameters followed by the momentum β in [0, 1) (described by {@code momentum}) and its schedule. */
    static List<Parameter> withMomentum(Parameter momentum) {
        return Stream.concat(common().stream(), Stream.of(momentum, Parameter.schedule(MOMENTUM_SCHEDULE, MOMENTUM,
                "schedule β_t of the momentum (SPEC §2.2), e.g. {id: warmup, steps: 10}"))).toList();
    }
}
