package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code <repo>/dmftlab} launcher script on the distribution that the package phase built, with
 * {@code DMFTLAB_SKIP_BUILD=1} so that it never re-enters Maven. The repository root is the parent of the app
 * module, the working directory of the integration tests. Public for the tests that run it elsewhere, as tasks of a
 * real Slurm ({@code org.dmftlab.app.launcher.slurm}).
 */
public final class Launcher {

    /** Generous bound for one JVM start; a hung launcher fails the test instead of the build. */
    private static final long TIMEOUT_SECONDS = 120;

    /** The outcome of one launcher run. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Launcher() {
    }

    /** The named files of a folder, by name. */
    static Map<String, byte[]> files(Path folder, List<String> names) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        for (String name : names) {
            contents.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        return contents;
    }

    /** Asserts that a folder holds the files {@code expected} holds, byte for byte. */
    static void assertSameFiles(Map<String, byte[]> expected, Path folder) throws IOException {
        Map<String, byte[]> actual = files(folder, List.copyOf(expected.keySet()));
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    /** The repository root: the folder that holds the {@code dmftlab} script, one above the app module. */
    public static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isExecutable(root.resolve("dmftlab")), "no executable dmftlab script in " + root);
        return root;
    }

    /** The launcher's environment in the tests: never build (the package phase did), a small heap. */
    public static Map<String, String> environment() {
        return Map.of("DMFTLAB_SKIP_BUILD", "1", "DMFTLAB_JAVA_OPTS", "-Xmx512m");
    }

    /** The distribution's module folder, with the core jar third-party plugins compile against. */
    static Path modules() {
        return root().resolve("app/target/modules");
    }

    /** The distribution's core jar, the one API a plugin compiles against. */
    public static Path coreJar() {
        try (Stream<Path> jars = Files.list(modules())) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("dmftlab-core-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no dmftlab-core jar in " + modules()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A launcher process that was started without waiting, and the files its output and error go to. */
    record Started(Process process, Path out, Path err) {
    }

    /** Starts {@code dmftlab args…} with a heap of 512 MiB, without waiting; its output and error go to files. */
    static Started start(Path scratch, String... args) throws IOException {
        return start(scratch, Map.of(), "512m", null, args);
    }

    /** Runs {@code dmftlab args…} with a heap of 512 MiB and waits for it. */
    public static Result run(Path scratch, String... args) throws IOException, InterruptedException {
        return runWithHeap(scratch, "512m", args);
    }

    /** Runs {@code dmftlab args…} with these variables added to its environment and waits for it. */
    static Result run(Path scratch, Map<String, String> variables, String... args)
            throws IOException, InterruptedException {
        return run(scratch, variables, "512m", args);
    }

    /** Runs {@code dmftlab args…} with the given {@code -Xmx} (e.g. {@code 300m}) and waits for it. */
    static Result runWithHeap(Path scratch, String heap, String... args) throws IOException, InterruptedException {
        return run(scratch, Map.of(), heap, args);
    }

    /**
     * Runs {@code dmftlab args…} in the working directory {@code directory} (where the default {@code runs/}
     * folder is), with a heap of 512 MiB, and waits for it.
     */
    static Result runIn(Path directory, String... args) throws IOException, InterruptedException {
        return run(directory, Map.of(), "512m", directory, args);
    }

    private static Result run(Path scratch, Map<String, String> variables, String heap, String... args)
            throws IOException, InterruptedException {
        return run(scratch, variables, heap, null, args);
    }

    private static Result run(Path scratch, Map<String, String> variables, String heap, Path directory,
                              String... args) throws IOException, InterruptedException {
        Started started = start(scratch, variables, heap, directory, args);
        if (!started.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            started.process().destroyForcibly();
            throw new AssertionError("dmftlab " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(started.process().exitValue(), Files.readString(started.out()),
                Files.readString(started.err()));
    }

    /** Starts the launcher, in {@code directory} (or this process's working directory when null). */
    private static Started start(Path scratch, Map<String, String> variables, String heap, Path directory,
                                 String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(root().resolve("dmftlab").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .directory(directory == null ? null : directory.toFile());
        builder.environment().putAll(environment());
        builder.environment().put("DMFTLAB_JAVA_OPTS", "-Xmx" + heap);
        builder.environment().putAll(variables);
        return new Started(builder.start(), out, err);
    }
}
