package org.dmftlab.app.plot;

/** How the step axis of a figure is drawn. */
public enum TimeAxis {
    /** Steps 0…T on a linear axis. */
    LINEAR,
    /** Steps 1…T on a logarithmic axis (step 0 cannot be shown). */
    LOG
}
