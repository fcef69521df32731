package org.dmftlab.core.spi;

import java.util.List;

/**
 * What a {@link Launcher} reports at the end of a batch (DESIGN.md, "Launchers"): the tasks that failed after their
 * retries.
 *
 * @param failures the failed tasks, in the order of the batch; empty when every task is complete
 */
public record LaunchReport(List<Failure> failures) {

    public LaunchReport {
        failures = List.copyOf(failures);
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
