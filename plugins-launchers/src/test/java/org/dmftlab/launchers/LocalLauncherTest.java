package org.dmftlab.launchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.LaunchContext;
import org.dmftlab.core.spi.LaunchError;
import org.dmftlab.core.spi.LaunchReport;
import org.dmftlab.core.spi.LaunchTask;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginContext;
import org.junit.jupiter.api.Test;

/**
 * The {@code local} launcher against a scripted coordinator: every task runs until complete or out of retries, a
 * task counts as complete only with its completion record, {@code ended} comes once per task, and a bug in a task
 * propagates.
 */
class LocalLauncherTest {

    private static final List<LaunchTask> TASKS = List.of(new LaunchTask("a", List.of("x")),
            new LaunchTask("b", List.of("y")), new LaunchTask("c", List.of("z")));

    @Test
    void everyTaskEndsOnceAndOnlyFailuresAfterTheirRetriesAreReported() {
        // a succeeds at once; b fails twice, then succeeds; c always ends without its completion record.
        Script script = new Script(Map.of("a", 0, "b", 2, "c", Integer.MAX_VALUE));
        LaunchReport report = launcher(2).launch(TASKS, script);

        assertEquals(List.of("c"), report.failures().stream().map(f -> f.task().name()).toList());
        assertEquals(3, report.failures().get(0).attempts());
        assertEquals("ended without its completion record", report.failures().get(0).reason());
        assertEquals(Map.of("a", 1, "b", 3, "c", 3), script.runs());
        assertEquals(Map.of("a", "complete", "b", "complete", "c", "ended without its completion record"),
                script.ended);
        assertEquals(4, script.retryLines.size(), script.retryLines::toString); // after b's and c's first two runs
    }

    @Test
    void withoutRetriesAFailureIsReportedWithItsMessage() {
        Script script = new Script(Map.of("a", 1, "b", 0, "c", 0));
        LaunchReport report = launcher(0).launch(TASKS, script);

        assertEquals(1, report.failures().size());
        assertEquals("[run/diverged] a failed", report.failures().get(0).reason());
        assertEquals(Map.of("a", 1, "b", 1, "c", 1), script.runs());
    }

    @Test
    void aBugInATaskPropagates() {
        Script script = new Script(Map.of("a", 0, "b", 0, "c", 0)) {
            @Override
            public void runHere(LaunchTask task) {
                throw new IllegalStateException("bug");
            }
        };
        assertEquals("bug", assertThrows(IllegalStateException.class, () -> launcher(3).launch(TASKS, script))
                .getMessage());
    }

    @Test
    void itCannotDetach() {
        Script detaching = new Script(Map.of()) {
            @Override
            public boolean detach() {
                return true;
            }
        };
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> launcher(0).preflight(detaching));
        assertEquals(LaunchError.CANNOT_DETACH, refused.errorCode());
    }

    private static LocalLauncher launcher(int retries) {
        LocalLauncherProvider provider = new LocalLauncherProvider();
        return (LocalLauncher) provider.create(PluginConfig.of("local", provider.parameters(),
                Map.of("retries", retries), new PluginContext(Path.of("."), 1, id -> null)));
    }

    /** A coordinator whose task {@code name} fails its first {@code failures.get(name)} runs. */
    private static class Script implements LaunchContext {

        private final Map<String, Integer> failures;
        private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        final Map<String, String> ended = new ConcurrentHashMap<>();
        final List<String> retryLines = new ArrayList<>();

        Script(Map<String, Integer> failures) {
            this.failures = failures;
        }

        Map<String, Integer> runs() {
            Map<String, Integer> counts = new TreeMap<>();
            runs.forEach((name, count) -> counts.put(name, count.get()));
            return counts;
        }

        @Override
        public Optional<Path> program() {
            return Optional.empty();
        }

        @Override
        public Path folder() {
            return Path.of(".");
        }

        @Override
        public boolean detach() {
            return false;
        }

        @Override
        public int parallelism() {
            return 2;
        }

        @Override
        public void runHere(LaunchTask task) {
            int run = runs.computeIfAbsent(task.name(), name -> new AtomicInteger()).incrementAndGet();
            if (task.name().equals("a") && run <= failures.get("a")) {
                throw new RunFailedException(RunError.DIVERGED, "a failed");
            }
        }

        @Override
        public boolean complete(LaunchTask task) {
            return runs.get(task.name()).get() > failures.get(task.name());
        }

        @Override
        public void ended(LaunchTask task, Optional<String> failure) {
            assertTrue(ended.put(task.name(), failure.orElse("complete")) == null, task.name() + " ended twice");
        }

        @Override
        public synchronized void log(String line) {
            assertTrue(line.startsWith("retrying "), line);
            retryLines.add(line);
        }
    }
}
