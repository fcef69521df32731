package org.dmftlab.app.experiment;

/** The two engines of dmftlab; {@link #key()} names both the experiment-file block and the output table. */
public enum Engine {
    /** The discrete-time DMFT of SPEC §4 ({@code theory:} block, {@code theory.csv}). */
    THEORY("theory"),
    /** The finite-size simulation of SPEC §1–3 ({@code simulation:} block, {@code simulation.csv}). */
    SIMULATION("simulation");

    private final String key;

    Engine(String key) {
        this.key = key;
    }

    /** {@code theory} or {@code simulation}. */
    public String key() {
        return key;
    }
}
