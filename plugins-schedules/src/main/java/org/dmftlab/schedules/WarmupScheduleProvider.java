package org.dmftlab.schedules;

import java.util.List;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;

/**
 * {@code warmup}: a linear warm-up v (t+1)/w over the first w steps, then the inner schedule S′ shifted by w,
 * S′(v, t − w, max(T − w, 1)) (SPEC §2.2): the inner schedule sees the T − w steps after the warm-up as its horizon,
 * so a cosine after the warm-up still reaches its final value at the end of the run.
 */
public final class WarmupScheduleProvider implements ScheduleProvider {

    static final String STEPS = "steps";
    static final String THEN = "then";

    @Override
    public String id() {
        return "warmup";
    }

    @Override
    public String description() {
        return "linear warm-up v (t+1) / w for t < w, then the schedule 'then' over the remaining steps";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer(STEPS, 10, Range.atLeast(1), "length w of the warm-up, in steps"),
                Parameter.schedule(THEN, "the schedule after the warm-up, started at t = w with horizon T - w"));
    }

    @Override
    public Schedule create(PluginConfig config) {
        int warmup = config.integer(STEPS);
        Schedule then = config.schedule(THEN);
        return (base, t, steps) -> t < warmup ? base * (t + 1) / warmup
                : then.value(base, t - warmup, Math.max(steps - warmup, 1));
    }
}
