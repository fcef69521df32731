package org.dmftlab.app.launch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.spi.LaunchContext;
import org.dmftlab.core.spi.LaunchTask;

/**
 * What the commands that hand their work to a launcher share (DESIGN.md, "Launchers"): the distribution that runs
 * the tasks, their shared folder, {@code --detach}, how many may run in this JVM, one progress step per task that
 * ends and one log line per task that failed. A command says what its tasks are ({@code sweep}: points, {@code run}:
 * units), how to run one here and what record makes one complete.
 */
public abstract class CommandTasks implements LaunchContext {

    private final Path folder;
    private final int parallelism;
    private final boolean detach;
    private final Progress progress;
    private final PrintWriter log;

    /**
     * @param folder      the tasks' shared folder, absolute
     * @param parallelism tasks that may run at once in this JVM
     * @param detach      whether the command returns once the tasks are submitted ({@code --detach})
     * @param progress    advanced by one per task that ends
     * @param log         the launcher's lines and one line per failed task
     */
    protected CommandTasks(Path folder, int parallelism, boolean detach, Progress progress, PrintWriter log) {
        this.folder = folder;
        this.parallelism = parallelism;
        this.detach = detach;
        this.progress = progress;
        this.log = log;
    }

    /** The task as the line of a failure names it, e.g. the point's folder or {@code unit theory-3}. */
    protected abstract String describe(LaunchTask task);

    /** Told of every task that ended, before its progress step; nothing by default. */
    protected void recordEnd(LaunchTask task, Optional<String> failure) {
    }

    @Override
    public final Optional<Path> program() {
        return LauncherChoice.program();
    }

    @Override
    public final Path folder() {
        return folder;
    }

    @Override
    public final boolean detach() {
        return detach;
    }

    @Override
    public final int parallelism() {
        return parallelism;
    }

    @Override
    public final synchronized void ended(LaunchTask task, Optional<String> failure) {
        recordEnd(task, failure);
        progress.advance(1);
        failure.ifPresent(reason -> {
            log.println("failed: " + describe(task) + ": " + reason);
            log.flush();
        });
    }

    @Override
    public final synchronized void log(String line) {
        log.println("dmftlab: " + line);
        log.flush();
    }
}
