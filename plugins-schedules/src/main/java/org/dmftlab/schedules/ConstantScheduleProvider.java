package org.dmftlab.schedules;

import java.util.List;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;

/** {@code constant}: v_t = v, the base value at every step (SPEC §2.2); what a parameter without a schedule has. */
public final class ConstantScheduleProvider implements ScheduleProvider {

    @Override
    public String id() {
        return "constant";
    }

    @Override
    public String description() {
        return "the base value at every step: v_t = v";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Schedule create(PluginConfig config) {
        return Schedule.CONSTANT;
    }
}
