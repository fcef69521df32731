package org.dmftlab.schedules;

import java.util.List;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;

/** {@code inverse-time}: v_t = v / (1 + t/t0)^p (SPEC §2.2), the Robbins–Monro decay for p = 1. */
public final class InverseTimeScheduleProvider implements ScheduleProvider {

    static final String T0 = "t0";
    static final String POWER = "power";

    @Override
    public String id() {
        return "inverse-time";
    }

    @Override
    public String description() {
        return "inverse-time decay v_t = v / (1 + t / t0)^power";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real(T0, 10.0, Range.positive(), "time scale t0 of the decay, in steps"),
                Parameter.real(POWER, 1.0, Range.nonNegative(), "power p of the decay"));
    }

    @Override
    public Schedule create(PluginConfig config) {
        double t0 = config.real(T0);
        double power = config.real(POWER);
        return (base, t, steps) -> base / Math.pow(1 + t / t0, power);
    }
}
