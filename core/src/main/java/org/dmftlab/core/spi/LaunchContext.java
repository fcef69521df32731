package org.dmftlab.core.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the coordinator of a batch gives its {@link Launcher} (DESIGN.md, "Launchers"): how to run a task in this
 * JVM, how to tell a complete task from an incomplete one, and where tasks and the launcher may write. Implemented by
 * dmftlab; its methods are thread-safe.
 *
 * @since 0.1.0
 */
public interface LaunchContext {

    /**
     * The {@code dmftlab} launcher script of the running distribution, by absolute path: a task run elsewhere is
     * {@code <program> <task arguments>}. Empty when dmftlab was not started by that script (embedded, in tests).
     */
    Optional<Path> program();

    /**
     * The shared output folder, absolute: every task writes only inside it. A launcher keeps its own files (scripts,
     * logs of attempts) under {@code <folder>/.launch/<launcher id>/}, which it may create.
     */
    Path folder();

    /**
     * Whether the command returns as soon as every task is submitted ({@code --detach}; DESIGN.md, "Launchers"): a
     * launcher whose tasks outlive this process then returns without waiting, listing them in
     * {@link LaunchReport#running()}, and leaves in {@link #folder()} what it needs to adopt them when the same
     * command runs again. A launcher that cannot refuses it in {@link Launcher#preflight}
     * ({@link LaunchError#CANNOT_DETACH}).
     */
    boolean detach();

    /** How many tasks may run at once in this JVM ({@code --threads}, fewer when memory is short), ≥ 1. */
    int parallelism();

    /**
     * Runs a task in this JVM, on the calling thread, as {@code dmftlab <arguments>} would.
     *
     * @throws DmftlabException when the task fails (its message is the reason to report)
     */
    void runHere(LaunchTask task);

    /**
     * Whether the task's completion record is in the folder and matches its files. The only evidence of success a
     * launcher may use: an exit status 0 or a scheduler's COMPLETED is not enough.
     */
    boolean complete(LaunchTask task);

    /**
     * Tells the coordinator that a task has ended for good: complete, or failed after its retries.
     *
     * @param failure empty when the task is complete, else the reason of its last attempt
     */
    void ended(LaunchTask task, Optional<String> failure);

    /** Writes one line of the launcher's log (submissions, retries) to the command's log, its standard output. */
    void log(String line);
}
