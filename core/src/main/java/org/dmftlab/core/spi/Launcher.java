package org.dmftlab.core.spi;

import java.util.List;

/**
 * Runs a batch of independent tasks, each a {@code dmftlab} command line that writes into the shared output folder
 * and leaves a completion record there (DESIGN.md, "Launchers"). A launcher decides where and when the tasks run;
 * the coordinator ({@link LaunchContext}) decides what a task is and whether it is complete. Launchers have no
 * mathematics: they never change a number, so a batch gives the same files whatever the launcher, the number of
 * machines and the order in which tasks finish.
 *
 * <p>A launcher is built for one command from its validated parameters and may keep state for that command only.
 *
 * @since 0.1.0
 */
public interface Launcher {

    /**
     * Checks, before anything is written or submitted, that the tasks can be run here with these parameters (a
     * scheduler's own validation of the options, a program it needs). The default checks nothing.
     *
     * @param context the command's context: the program the tasks run and their shared folder
     * @throws InvalidInputException with the launcher's key ({@code launcher.partition}, …) and value when they cannot
     *                               (exit 2; DESIGN.md, "Launchers")
     */
    default void preflight(LaunchContext context) {
    }

    /**
     * Runs every task, watches it, and runs a task again when it ends without its completion record
     * ({@link LaunchContext#complete}), up to the launcher's number of retries. Calls {@link LaunchContext#ended}
     * once for every task, as soon as it is complete or has failed for the last time, from any thread. Returns when
     * every task has ended, or, when {@link LaunchContext#detach()}, once every task is submitted (DESIGN.md,
     * "Launchers").
     *
     * @param tasks   the tasks, each with a distinct {@link LaunchTask#name()}; may be empty
     * @param context what the coordinator provides: running a task in this JVM, its completion record, the shared
     *                folder, the log
     * @return the tasks that failed after their retries, each with the reason of its last attempt, and the tasks
     *         still running when it detached
     * @throws DmftlabException with exit 1 when the launcher itself fails at run time (a scheduler that refuses a
     *                          submission, stops answering, …), {@link LaunchError#INTERRUPTED} when interrupted
     */
    LaunchReport launch(List<LaunchTask> tasks, LaunchContext context);
}
