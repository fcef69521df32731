package org.dmftlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmftlab.app.cli.Main;

/** Small experiment files and a way to run the command line in-process, shared by the app tests. */
public final class TestExperiments {

    /** SPEC configuration A with both engine blocks, sized for tests. */
    public static final String CONFIG_A = """
            name: config-a
            problem:
              alpha: 3.0
              ridge: 0.5
              teacher: {id: linear, noise: 0.0}
              loss: {id: square}
              covariance: {id: identity}
              init: {overlap: 0.2, variance: 1.0}
            optimizer: {id: sgd, learning-rate: 0.1, batch-fraction: 1.0}
            steps: 5
            theory: {paths: 2000, seed: 3}
            simulation: {dimension: 100, seeds: 2, seed: 5}
            """;

    private TestExperiments() {
    }

    /** Writes {@code text} to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The result of one in-process command line. */
    public record Outcome(int exitCode, String out, String err) {
    }

    /** Runs {@code dmftlab args…} through {@link Main#execute}. */
    public static Outcome dmftlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }
}
