package org.dmftlab.app.plot;

import java.util.Objects;
import java.util.stream.IntStream;
import org.dmftlab.core.dynamics.UpdateSchedule;

/**
 * The time axis of a run figure: where each recorded step t = 0…T is drawn, on a linear or logarithmic axis, and the
 * axis label. On a logarithmic axis only the positions above 0 are drawn (step 0, and τ_0 = 0, cannot be).
 *
 * @param axis      linear or logarithmic
 * @param label     the axis label
 * @param positions x_t for t = 0…T, non-decreasing
 */
public record TimeScale(TimeAxis axis, String label, double[] positions) {

    public TimeScale {
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(label, "label");
        positions = positions.clone();
    }

    /** Steps t = 0…T. */
    public static TimeScale steps(TimeAxis axis, int steps) {
        return new TimeScale(axis, "step t", IntStream.rangeClosed(0, steps).asDoubleStream().toArray());
    }

    /**
     * The scale a figure block asks for: steps, or the gradient-flow time τ_t of the schedule (SPEC §2.2), labelled
     * η t when the learning rate is constant and Σ_{s<t} η_s when it follows a schedule.
     */
    public static TimeScale of(FigureOptions options, UpdateSchedule schedule) {
        if (options.timeUnit() == TimeUnit.STEP) {
            return steps(options.timeAxis(), schedule.steps());
        }
        boolean constant = IntStream.range(0, schedule.steps()).allMatch(t -> schedule.b(t, 0) == schedule.b(0, 0));
        return new TimeScale(options.timeAxis(), constant ? "gradient-flow time η t" : "gradient-flow time Σ_{s<t} η_s",
                schedule.gradientFlowTime());
    }

    /** x_t for t = 0…T (a copy). */
    @Override
    public double[] positions() {
        return positions.clone();
    }

    /** T, the last step. */
    public int steps() {
        return positions.length - 1;
    }

    /** x_t. */
    public double position(int t) {
        return positions[t];
    }

    /** Whether step t can be drawn: always on a linear axis, for x_t &gt; 0 on a logarithmic one. */
    public boolean drawable(int t) {
        return axis == TimeAxis.LINEAR || positions[t] > 0;
    }
}
