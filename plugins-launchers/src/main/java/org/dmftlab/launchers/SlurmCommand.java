package org.dmftlab.launchers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One call of a Slurm command ({@code sbatch}, {@code squeue}, {@code scontrol}, {@code scancel}), with its exit
 * status and both streams.
 *
 * @param command  the command line, for messages
 * @param exitCode its exit status
 * @param out      standard output
 * @param err      standard error
 */
record SlurmCommand(List<String> command, int exitCode, String out, String err) {

    /** A Slurm client answers in milliseconds or retries for about a minute when slurmctld is away. */
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * Runs a command and waits for it; one that does not end within two minutes is killed (exit status -1).
     *
     * @throws IOException when it cannot be started (not on the PATH)
     */
    static SlurmCommand run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new SlurmCommand(command, -1, "", "did not end within " + TIMEOUT_SECONDS + " s");
        }
        try {
            return new SlurmCommand(command, process.exitValue(), out.get(), err.get());
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The last line of standard error (Slurm's verdict), or of standard output when the former is empty. */
    String verdict() {
        List<String> lines = (err.isBlank() ? out : err).strip().lines().toList();
        return lines.isEmpty() ? "exit " + exitCode : lines.get(lines.size() - 1);
    }

    /** Whether Slurm no longer knows the job (finished longer ago than its MinJobAge, or never submitted). */
    boolean unknownJob() {
        return exitCode != 0 && err.contains("Invalid job id");
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
