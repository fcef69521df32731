package org.dmftlab.launchers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.LaunchContext;
import org.dmftlab.core.spi.LaunchError;
import org.dmftlab.core.spi.LaunchReport;
import org.dmftlab.core.spi.LaunchTask;
import org.dmftlab.core.spi.Launcher;

/**
 * Runs tasks in this JVM ({@link LaunchContext#runHere}), {@link LaunchContext#parallelism()} at a time, each again
 * up to {@code retries} times while it fails or ends without its completion record.
 */
final class LocalLauncher implements Launcher {

    private final int retries;

    LocalLauncher(int retries) {
        this.retries = retries;
    }

    /** Refuses {@code --detach}: the tasks are threads of this process. */
    @Override
    public void preflight(LaunchContext context) {
        if (context.detach()) {
            throw new InvalidInputException(LaunchError.CANNOT_DETACH, "id", "local", "the tasks of the local launcher"
                    + " are threads of this process and end with it; leave out --detach, or choose a launcher whose"
                    + " tasks outlive the command (--launcher slurm)");
        }
    }

    @Override
    public LaunchReport launch(List<LaunchTask> tasks, LaunchContext context) {
        List<Future<Optional<LaunchReport.Failure>>> running = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(context.parallelism(),
                tasks.size())));
        try {
            for (LaunchTask task : tasks) {
                running.add(pool.submit(() -> attempts(task, context)));
            }
            List<LaunchReport.Failure> failures = new ArrayList<>();
            for (Future<Optional<LaunchReport.Failure>> task : running) {
                outcome(task).ifPresent(failures::add);
            }
            return new LaunchReport(failures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs a task until it is complete or has failed 1 + retries times; tells the context how it ended. */
    private Optional<LaunchReport.Failure> attempts(LaunchTask task, LaunchContext context) {
        String reason = null;
        for (int attempt = 1; attempt <= 1 + retries; attempt++) {
            try {
                context.runHere(task);
                if (context.complete(task)) {
                    context.ended(task, Optional.empty());
                    return Optional.empty();
                }
                reason = "ended without its completion record";
            } catch (DmftlabException failed) {
                reason = failed.getMessage();
            }
            if (attempt <= retries) {
                context.log("retrying " + task.name() + " (attempt " + (attempt + 1) + " of " + (1 + retries) + "): "
                        + reason);
            }
        }
        context.ended(task, Optional.of(reason));
        return Optional.of(new LaunchReport.Failure(task, 1 + retries, reason));
    }

    /** A task's failure, if any; whatever is not a {@link DmftlabException} (a bug) propagates as it was thrown. */
    private static Optional<LaunchReport.Failure> outcome(Future<Optional<LaunchReport.Failure>> task) {
        try {
            return task.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (failed.getCause() instanceof Error fatal) {
                throw fatal;
            }
            throw new IllegalStateException("a task failed unexpectedly", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DmftlabException(LaunchError.INTERRUPTED, "interrupted while the tasks ran");
        }
    }
}
