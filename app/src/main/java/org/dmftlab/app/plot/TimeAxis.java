package org.dmftlab.app.plot;

import java.util.Locale;

/** How the step axis of a figure is drawn; {@link #key()} is its spelling in experiment files. */
public enum TimeAxis {
    /** Steps 0…T on a linear axis. */
    LINEAR,
    /** Steps 1…T on a logarithmic axis (step 0 cannot be shown). */
    LOG;

    /** {@code linear} or {@code log}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
