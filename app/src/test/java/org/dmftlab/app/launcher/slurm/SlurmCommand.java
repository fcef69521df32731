package org.dmftlab.app.launcher.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One Slurm client command ({@code sinfo}, {@code sbatch}, {@code scontrol}, ...), run to its end. */
final class SlurmCommand {

    /** Generous bound for one client command: slurmctld answers in milliseconds, or not at all. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What the command printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private SlurmCommand() {
    }

    /**
     * Runs {@code command} with {@code environment} added to this process's environment.
     *
     * @throws IOException when the command cannot be started (not installed) or does not end within {@link #TIMEOUT}
     */
    static Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within " + TIMEOUT.toSeconds() + " s");
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    /** Runs {@code command} in this process's environment. */
    static Result run(String... command) throws IOException, InterruptedException {
        return run(List.of(command), Map.of());
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
