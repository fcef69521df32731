package org.dmftlab.schedules;

import java.util.List;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;

/**
 * {@code cosine}: v_t = v_f + (v − v_f)(1 + cos(π t / T))/2 (SPEC §2.2): from v at t = 0 down (or up) to the final
 * value v_f at the horizon T.
 */
public final class CosineScheduleProvider implements ScheduleProvider {

    static final String FINAL = "final";

    @Override
    public String id() {
        return "cosine";
    }

    @Override
    public String description() {
        return "cosine annealing v_t = v_f + (v - v_f)(1 + cos(pi t / T)) / 2 over the T steps";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real(FINAL, 0.0, Range.anyReal(), "final value v_f, reached at t = T"));
    }

    @Override
    public Schedule create(PluginConfig config) {
        double last = config.real(FINAL);
        return (base, t, steps) -> last + (base - last) * (1 + Math.cos(Math.PI * t / steps)) / 2;
    }
}
