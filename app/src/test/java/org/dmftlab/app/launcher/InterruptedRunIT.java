package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that end abruptly, on the real launcher (issue 12, defect 2): {@code kill -9} and Ctrl-C (SIGINT) in the
 * middle of a run leave the complete results that were in its folder, Ctrl-C says how to resume, and the next run
 * (without {@code --resume}) clears what the killed one left (its lock and its staging folder). Resuming is
 * {@link ResumeIT}'s.
 */
class InterruptedRunIT {

    private static final Pattern HOLDER = Pattern.compile("pid (\\d+) ");
    /** A simulation of some ten seconds or more: long enough to be caught running. */
    private static final List<String> LONG = List.of("--engine", "simulation", "--set", "steps=200000",
            "--set", "simulation.dimension=200", "--set", "simulation.seeds=2", "--threads", "1");

    @TempDir
    Path scratch;

    @Test
    void killNineInTheMiddleOfARunLeavesThePreviousResultsAndTheNextRunCleansUp() throws Exception {
        Path out = scratch.resolve("runs").resolve("paper");
        Map<String, byte[]> before = previousRun(out);

        Process running = Launcher.start(scratch, args(out, LONG)).process();
        long pid = writer(out, running);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));

        assertUnchanged(before, out);
        assertTrue(Files.isDirectory(out.resolveSibling(".paper.staging-" + pid)), "what the killed run left");
        Launcher.Result next = Launcher.run(scratch, args(out, List.of("--engine", "theory")));
        assertEquals(0, next.exitCode(), next::toString);
        assertTrue(next.out().contains("dmftlab: cleared the stale lock of process " + pid), next::toString);
        assertTrue(next.out().contains("dmftlab: removed the unfinished output of process " + pid), next::toString);
        assertEquals(List.of("paper"), names(out.getParent()), "nothing left beside the folder");
    }

    @Test
    void ctrlCInTheMiddleOfARunSaysThatTheFolderKeepsItsPreviousResults() throws Exception {
        Path out = scratch.resolve("runs").resolve("paper");
        Map<String, byte[]> before = previousRun(out);

        Launcher.Started started = Launcher.start(scratch, args(out, LONG));
        Process running = started.process();
        long pid = writer(out, running);
        Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        assertEquals(0, interrupt.waitFor());
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));

        assertEquals(130, running.exitValue(), "128 + SIGINT");
        String err = Files.readString(started.err());
        assertTrue(Pattern.compile("dmftlab: interrupted: " + Pattern.quote(out.toString()) + " keeps its previous"
                + " results; 0 of 2 units are saved(, [12] more up to a step \\([^)]*\\))?, resume with: dmftlab run"
                + " --resume " + Pattern.quote(out.toString()) + "\n").matcher(err).find(), err);
        assertUnchanged(before, out);
        assertFalse(Files.exists(out.resolveSibling(".paper.lock")), "the lock is released");
    }

    /** A quick complete run into {@code out}; its files. */
    private Map<String, byte[]> previousRun(Path out) throws Exception {
        Launcher.Result first = Launcher.run(scratch, args(out, List.of("--engine", "theory")));
        assertEquals(0, first.exitCode(), first::toString);
        return contents(out);
    }

    /** The process id of the run that holds the lock of {@code out}, once it has taken it. */
    private static long writer(Path out, Process running) throws IOException, InterruptedException {
        Path lock = out.resolveSibling("." + out.getFileName() + ".lock");
        for (int wait = 0; wait < 600; wait++) {
            assertTrue(running.isAlive(), "the long run ended early");
            if (Files.exists(lock)) {
                Matcher holder = HOLDER.matcher(Files.readString(lock));
                if (holder.lookingAt()) {
                    Thread.sleep(500); // into the simulation
                    return Long.parseLong(holder.group(1));
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never took the lock of " + out);
    }

    private static String[] args(Path out, List<String> more) {
        List<String> args = new ArrayList<>(List.of("run",
                Launcher.root().resolve("examples/paper-figure.yaml").toString(), "--out", out.toString(),
                "--set", "steps=10"));
        args.addAll(more);
        return args.toArray(String[]::new);
    }

    private static void assertUnchanged(Map<String, byte[]> before, Path out) throws IOException {
        Map<String, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        for (String name : names(folder)) {
            contents.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        return contents;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
