package org.dmftlab.core.spi;

/**
 * Service interface of the schedule family: creates a {@link Schedule} of SPEC §2.2 (constant, step, cosine,
 * inverse-time, warmup, …) from a schedule block, which an optimizer's schedule parameter holds, e.g.
 * {@code learning-rate-schedule: {id: cosine, final: 0.02}}. The block's parameters are declared and validated like
 * those of every plugin; a parameter of kind {@link Parameter#schedule} nests another block (warmup's {@code then}).
 *
 * <p>Register an implementation with {@code provides org.dmftlab.core.spi.ScheduleProvider with …} in the
 * plugin's {@code module-info.java} and, for class-path use, in
 * {@code META-INF/services/org.dmftlab.core.spi.ScheduleProvider}.
 *
 * @since 0.1.0
 */
public interface ScheduleProvider extends PluginProvider<Schedule> {
}
