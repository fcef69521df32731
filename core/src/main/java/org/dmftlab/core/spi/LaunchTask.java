package org.dmftlab.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * One task of a batch (DESIGN.md, "Launchers"): a {@code dmftlab} command line, without the program, that writes into
 * the shared output folder and leaves a completion record there, for example
 * {@code [sweep, /abs/sweep.yaml, --out, /abs/runs/s, --point, learning-rate=0.1, --threads, 1]}.
 *
 * @param name      the task's name, unique in its batch and usable as a file name (a sweep point's folder); named in
 *                  logs and failure reports
 * @param arguments the command line's arguments, each free of line breaks (a launcher may write one per line)
 *
 * @since 0.1.0
 */
public record LaunchTask(String name, List<String> arguments) {

    public LaunchTask {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        for (String argument : arguments) {
            if (argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(name + ": an argument holds a line break: " + argument);
            }
        }
    }
}
