package org.dmftlab.app.plot;

import java.util.Objects;

/**
 * What the {@code figure} block of an experiment file asks of the figures of a run.
 *
 * @param timeAxis linear or logarithmic time axis ({@code time-axis})
 * @param timeUnit steps or gradient-flow time ({@code time-unit})
 * @param twoTime  whether the two-time functions (SPEC §3.1) are recorded, written to {@code two-time.csv} and drawn
 *                 in {@code two-time.png} ({@code two-time}; by default for T ≤ {@value #TWO_TIME_STEPS})
 */
public record FigureOptions(TimeAxis timeAxis, TimeUnit timeUnit, boolean twoTime) {

    /** The longest run whose two-time functions are drawn without being asked for. */
    public static final int TWO_TIME_STEPS = 200;

    /** A linear axis of steps, without two-time functions. */
    public static final FigureOptions DEFAULT = new FigureOptions(TimeAxis.LINEAR, TimeUnit.STEP, false);

    /** Whether a run of T steps draws its two-time functions when the file does not say: T ≤ {@value #TWO_TIME_STEPS}. */
    public static boolean twoTimeByDefault(int steps) {
        return steps <= TWO_TIME_STEPS;
    }

    public FigureOptions {
        Objects.requireNonNull(timeAxis, "timeAxis");
        Objects.requireNonNull(timeUnit, "timeUnit");
    }
}
