package org.dmftlab.app.cli;

import org.dmftlab.app.errors.CliError;
import org.dmftlab.core.spi.InvalidInputException;
import picocli.CommandLine.Option;

/** The {@code --threads N} option of {@code run} and {@code sweep} (a picocli mixin). */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of processors), for example --threads 2."
                    + " Results do not depend on it.")
    private Integer threads;

    /**
     * The number of worker threads.
     *
     * @throws InvalidInputException {@code cli/out-of-range} when it is below 1
     */
    int count() {
        int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (count < 1) {
            throw new InvalidInputException(CliError.OUT_OF_RANGE, "--threads", count, "must be at least 1");
        }
        return count;
    }
}
