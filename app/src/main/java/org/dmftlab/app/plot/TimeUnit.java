package org.dmftlab.app.plot;

import java.util.Locale;

/** What the time axis of a run figure counts; {@link #key()} is its spelling in experiment files. */
public enum TimeUnit {
    /** Updates t = 0…T. */
    STEP,
    /**
     * Gradient-flow time τ_t = Σ_{s<t} η_s of SPEC §2.2 (η t for a constant learning rate), in which runs with
     * different learning rates can be compared with each other and with gradient flow.
     */
    ETA_T;

    /** {@code step} or {@code eta-t}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
