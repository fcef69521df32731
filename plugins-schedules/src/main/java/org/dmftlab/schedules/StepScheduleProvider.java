package org.dmftlab.schedules;

import java.util.List;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;

/**
 * {@code step}: v_t = v · f^(number of milestones t_i ≤ t) (SPEC §2.2): the value is multiplied by the factor at
 * each milestone.
 */
public final class StepScheduleProvider implements ScheduleProvider {

    static final String MILESTONES = "milestones";
    static final String FACTOR = "factor";

    @Override
    public String id() {
        return "step";
    }

    @Override
    public String description() {
        return "piecewise constant: v_t = v f^(number of milestones <= t)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integers(MILESTONES, List.of(), Range.atLeast(1),
                        "the steps t_1 < t_2 < … at which the value is multiplied by the factor"),
                Parameter.real(FACTOR, 0.1, Range.positive(), "factor f applied at each milestone"));
    }

    @Override
    public Schedule create(PluginConfig config) {
        List<Integer> milestones = config.integers(MILESTONES);
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i) <= milestones.get(i - 1)) {
                throw config.invalid(MILESTONES, "milestones must be strictly increasing, e.g. [100, 200]");
            }
        }
        return new Step(milestones.stream().mapToInt(Integer::intValue).toArray(), config.real(FACTOR));
    }

    /** The schedule itself; {@code milestones} strictly increasing, never modified. */
    private record Step(int[] milestones, double factor) implements Schedule {

        @Override
        public double value(double base, int t, int steps) {
            double value = base;
            for (int milestone : milestones) {
                if (milestone > t) {
                    break;
                }
                value *= factor;
            }
            return value;
        }
    }
}
