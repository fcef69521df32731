package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's one-line command that opens {@code examples/java-api/explore.jsh} in JShell, run as written (taken from
 * the README, so the two cannot drift) from the repository's root, without a terminal: JShell runs the script and
 * ends at the end of its input.
 */
class JShellScriptIT {

    /** JShell's start, the compilation of each snippet and a small run of both engines. */
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path scratch;

    @Test
    void theReadmesCommandRunsTheScript() throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(Launcher.root().resolve("README.md")).stream()
                .filter(line -> line.contains("examples/java-api/explore.jsh") && line.contains("jshell "))
                .map(String::strip).toList();
        assertEquals(1, lines.size(), "one command in the README: " + lines);
        Path log = scratch.resolve("jshell.log");
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", lines.get(0)).directory(Launcher.root().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        shell.environment().putAll(Launcher.environment());
        Process jshell = shell.start();
        if (!jshell.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            jshell.destroyForcibly();
            throw new AssertionError("jshell did not finish in " + TIMEOUT_SECONDS + " s:\n" + ExampleProject.read(log));
        }
        String output = ExampleProject.read(log);

        assertEquals(0, jshell.exitValue(), output);
        assertFalse(output.lines().anyMatch(line -> line.startsWith("Error:")), "every snippet compiles: " + output);
        assertFalse(output.contains("Exception"), output);
        for (int t = 0; t <= 20; t += 5) {
            assertTrue(output.contains("t = %2d   test_error: theory ".formatted(t)), "row t = " + t + ": " + output);
        }
    }
}
