package org.dmftlab.core.problem;

/**
 * The precision in which an engine stores its largest arrays: the simulation its data matrix X (SPEC §1,
 * {@code simulation.precision}), the theory its paths' histories (SPEC §4.4, "Precision of the stored histories",
 * {@code theory.precision}). In {@link #SINGLE} a value is computed in double precision and rounded once to the
 * nearest float when it is stored; every product and sum stays in double precision (a float converts to double
 * exactly). Single precision halves the memory of those arrays and the bytes each step reads; its effect on the
 * observables is far below their errors (docs/performance.md, "Single precision" and "Long horizons").
 */
public enum Precision {
    /** Stored in {@code float}: 4 bytes per value. */
    SINGLE(Float.BYTES),
    /** Stored in {@code double}: 8 bytes per value. */
    DOUBLE(Double.BYTES);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per stored value. */
    public int bytes() {
        return bytes;
    }
}
