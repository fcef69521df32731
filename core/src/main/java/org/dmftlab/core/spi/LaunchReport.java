package org.dmftlab.core.spi;

import java.util.List;

/**
 * What a {@link Launcher} reports at the end of a batch (DESIGN.md, "Launchers"): the tasks that failed after their
 * retries and, when the command detaches ({@link LaunchContext#detach()}), those still queued or running.
 *
 * @param failures the failed tasks, in the order of the batch; empty when every task is complete
 * @param running  the tasks still queued or running when the launcher returned; empty unless it detached
 *
 * @since 0.1.0
 */
public record LaunchReport(List<Failure> failures, List<LaunchTask> running) {

    public LaunchReport {
        failures = List.copyOf(failures);
        running = List.copyOf(running);
    }

    /** The report of a batch that has ended: every task complete or failed. */
    public LaunchReport(List<Failure> failures) {
        this(failures, List.of());
    }

    /**
     * A task that failed after its retries.
     *
     * @param task     the task
     * @param attempts how many times it ran (1 + its retries)
     * @param reason   why its last attempt failed, one line: the scheduler's state and reason, the exit status, the
     *                 task's own error message
     */
    public record Failure(LaunchTask task, int attempts, String reason) {
    }
}
