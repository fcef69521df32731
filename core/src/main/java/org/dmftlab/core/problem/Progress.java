package org.dmftlab.core.problem;

/**
 * Receives progress from a long computation. Engines call {@link #start} once, {@link #advance} from any thread
 * (implementations must be thread-safe) and {@link #finish} at the end.
 */
public interface Progress {

    /** Progress that goes nowhere. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
        }
    };

    /** A task with a known number of work units begins (e.g. seeds × steps). */
    void start(String task, long totalUnits);

    /** Some units are done. */
    void advance(long units);

    /** The task ended, successfully or not. */
    void finish();
}
