package org.dmftlab.app.plot;

import java.util.Objects;

/**
 * What the {@code figure} block of an experiment file asks of the run figure.
 *
 * @param timeAxis linear or logarithmic time axis ({@code time-axis})
 * @param timeUnit steps or gradient-flow time ({@code time-unit})
 */
public record FigureOptions(TimeAxis timeAxis, TimeUnit timeUnit) {

    /** A linear axis of steps. */
    public static final FigureOptions DEFAULT = new FigureOptions(TimeAxis.LINEAR, TimeUnit.STEP);

    public FigureOptions {
        Objects.requireNonNull(timeAxis, "timeAxis");
        Objects.requireNonNull(timeUnit, "timeUnit");
    }
}
