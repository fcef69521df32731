package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.dmftlab.app.output.Machine;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.app.plot.RunFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmftlab run} and the output folder it replaces (issue 12, defects 1 and 2): a run that fails keeps the
 * complete results that were there, and a second run into a folder being written is refused.
 */
class OutputTransactionTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void aRunThatDivergesKeepsTheCompleteResultsThatWereThere() throws IOException {
        String file = TestExperiments.write(dir, "a.yaml", CONFIG_A).toString();
        Path out = dir.resolve("runs").resolve("a");
        assertEquals(0, dmftlab("run", file, "--out", out.toString()).exitCode());
        Map<String, byte[]> before = contents(out);

        Outcome diverged = dmftlab("run", file, "--out", out.toString(), "--set", "optimizer.learning-rate=1.0",
                "--set", "steps=60");

        assertEquals(1, diverged.exitCode(), diverged.err());
        assertTrue(diverged.err().contains("[run/diverged]"), diverged.err());
        Map<String, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
        assertEquals(1, count(out.getParent()), "no staging folder or lock file left beside it");
    }

    @Test
    void aSecondRunIntoAFolderBeingWrittenIsRefusedNamingTheWritersProcess() throws Exception {
        String file = TestExperiments.write(dir, "a.yaml", CONFIG_A).toString();
        Path out = dir.resolve("shared");
        CountDownLatch drawing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FigureWriter blocking = (spec, png) -> {
            drawing.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            RunFigure.writePng(spec, png);
        };
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> Main.execute(
                new String[] {"run", file, "--out", out.toString(), "--engine", "theory"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                module -> Modules.override(module).with(binder -> binder.bind(FigureWriter.class)
                        .toInstance(blocking))));
        assertTrue(drawing.await(60, TimeUnit.SECONDS), "the first run reaches its figure");

        Outcome second = dmftlab("run", file, "--out", out.toString(), "--engine", "simulation");
        release.countDown();

        assertEquals(2, second.exitCode(), second.err());
        assertTrue(second.err().startsWith("dmftlab: [output/locked] --out = " + out + ": is being written by process "
                + PID + " on " + Machine.host() + " (since "), second.err());
        assertEquals(1, second.err().lines().count(), second.err());
        assertEquals(0, first.get(60, TimeUnit.SECONDS));
        assertTrue(Files.isRegularFile(out.resolve("theory.csv")), "the first run's results");
        assertTrue(Files.notExists(out.resolve("simulation.csv")), "nothing of the refused one");
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        }
    }
}
