package org.dmftlab.core.spi;

/**
 * A schedule of SPEC §2.2: the value v_t = S(v, t, T) that a scheduled optimizer parameter (learning rate, momentum,
 * batch fraction) takes at step t, given its base value v and the experiment's horizon T (the number of updates).
 * A functional interface, so a schedule can be written inline as a lambda, {@code (v, t, steps) -> v / (1 + t)};
 * the {@code schedule} plugin family ({@link ScheduleProvider}) makes schedules from experiment-file blocks.
 *
 * <p>Implementations are immutable, deterministic and cheap: update rules evaluate them when the engines read the
 * coefficients of every step, once per run. They must return a finite value for every 0 ≤ t ≤ T and every horizon
 * T ≥ 1: steps 0…T − 1 are the updates, and step T, which only records, is read for its query coefficients
 * (SPEC §2.2). Whether the value suits the parameter (η_t &gt; 0, b_t in (0, 1], …) is checked by the plugin that
 * declares the schedule parameter ({@link Parameter#schedule}), at every update, before anything runs.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Schedule {

    /** The base value at every step (the schedule of a parameter given without one). */
    Schedule CONSTANT = (base, t, steps) -> base;

    /**
     * v_t = S(v, t, T) of SPEC §2.2.
     *
     * @param base  v, the parameter's base value (the number given for it, e.g. {@code learning-rate: 0.2})
     * @param t     the step, 0 ≤ t ≤ steps
     * @param steps T ≥ 1, the horizon: the experiment's number of updates
     * @return the value at step t, finite
     */
    double value(double base, int t, int steps);
}
