package org.dmftlab.core.problem;

/**
 * Receives progress from a long computation. Engines call {@link #start} once, {@link #advance} from any thread
 * (implementations must be thread-safe) and {@link #finish} at the end.
 *
 * @since 0.1.0
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

    /**
     * A task with a known number of work units of the named kind begins, so that a display can show the rate in them:
     * the theory's units are {@code group steps} (one step of one group's march), the simulation's {@code seed steps},
     * a sweep's {@code points}. By default the same as {@link #start(String, long)}.
     */
    default void start(String task, long totalUnits, String unit) {
        start(task, totalUnits);
    }

    /** Some units are done. */
    void advance(long units);

    /** The task ended, successfully or not. */
    void finish();
}
