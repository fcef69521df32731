package org.dmftlab.app.launcher.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmftlab.app.PluginJars;
import org.dmftlab.app.launcher.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code slurm} launcher on the real single-node cluster (scripts/README.md), through the real {@code ./dmftlab}:
 * a sweep through Slurm equals the local sweep byte for byte even when one of its tasks is cancelled while it runs
 * and the process of another is killed (both resubmitted); a point that always fails (a plugin fault) ends the command
 * with exit 1 naming it and Slurm's reason after its retries, the other point kept; a point that diverges is published
 * as diverged, never resubmitted, and the sweep succeeds; a parameter the cluster refuses stops the command before
 * anything is submitted;
 * a detached sweep's tasks are adopted, not submitted again, by the same command run again.
 * Experiments are tiny (T = 4, d = 60): each task is about a JVM start.
 */
@ExtendWith(SlurmAvailable.class)
class SlurmLauncherIT {

    /** Far above the ~30 s of the longest command here; a stuck job fails the test. */
    private static final Duration DEADLINE = Duration.ofSeconds(240);

    private static final String EXPERIMENT = """
            name: tiny
            problem:
              alpha: 3.0
              ridge: 0.5
              teacher: {id: linear, noise: 0.25}
              loss: {id: square}
              init: {overlap: 0.2, variance: 1.0}
            optimizer: {id: sgd, learning-rate: 0.1, batch-fraction: 0.5}
            steps: 4
            theory: {paths: 500, seed: 3}
            simulation: {dimension: 60, seeds: 2, seed: 5}
            """;

    @TempDir
    Path scratch;

    @Test
    void aSweepThroughSlurmEqualsTheLocalSweepEvenWhenATaskIsCancelledAndAnotherKilled() throws Exception {
        Path file = files("""
                base: tiny.yaml
                grid:
                  optimizer.learning-rate: [0.05, 0.1, 0.2]
                  optimizer.batch-fraction: [0.5, 1.0]
                """);
        Path local = scratch.resolve("local");
        Path slurm = scratch.resolve("slurm");
        Command byThreads = Command.start(scratch, "sweep", file.toString(), "--out", local.toString());
        assertEquals(0, byThreads.await(), byThreads::toString);

        Command bySlurm = Command.start(scratch, "sweep", file.toString(), "--out", slurm.toString(), "--launcher",
                "slurm", "--set", "launcher.max-parallel=2", "--set", "launcher.poll-seconds=0.3",
                "--set", "launcher.time-limit=10");
        String cancelled = cancelARunningTask(bySlurm);
        long killed = killARunningTaskProcess(bySlurm, slurm);

        assertEquals(0, bySlurm.await(), bySlurm::toString);
        assertTrue(bySlurm.out().contains("CANCELLED"), () -> "the task " + cancelled + " was cancelled\n" + bySlurm);
        assertTrue(bySlurm.out().contains("FAILED (JobLaunchFailure), exit code 0:9"),
                () -> "process " + killed + " was killed\n" + bySlurm);
        assertEquals(2, bySlurm.out().lines().filter(line -> line.startsWith("dmftlab: resubmitting ")).count(),
                bySlurm::toString);
        List<String> compared = new ArrayList<>(List.of("summary.csv"));
        try (Stream<Path> points = Files.list(local)) {
            for (Path point : points.filter(Files::isDirectory).toList()) {
                for (String table : List.of("theory.csv", "simulation.csv", "comparison.csv")) {
                    compared.add(point.getFileName() + "/" + table);
                }
            }
        }
        assertEquals(1 + 6 * 3, compared.size());
        for (String table : compared) {
            assertArrayEquals(Files.readAllBytes(local.resolve(table)), Files.readAllBytes(slurm.resolve(table)), table);
        }
    }

    @Test
    void aPointThatAlwaysFailsEndsTheSweepWithItsReasonAfterItsRetries() throws Exception {
        Path plugins = faultyLoss();
        Path file = files("""
                base: tiny.yaml
                grid:
                  problem.loss.id: [square, exploding]
                """);
        Path out = scratch.resolve("out");

        Command sweep = Command.start(scratch, "sweep", file.toString(), "--out", out.toString(), "--engine", "theory",
                "--plugins", plugins.toString(), "--launcher", "slurm", "--set", "launcher.retries=1",
                "--set", "launcher.poll-seconds=0.3");

        assertEquals(1, sweep.await(), sweep::toString);
        assertTrue(sweep.err().contains("[sweep/failed-points] 1 of 2 points failed (id=exploding)"),
                sweep::toString);
        assertTrue(sweep.out().contains("resubmitting id=exploding (attempt 2 of 2)"), sweep::toString);
        String failure = sweep.out().lines().filter(line -> line.startsWith("failed: ")).findFirst().orElseThrow(
                () -> new AssertionError(sweep.toString()));
        assertTrue(failure.matches("failed: \\S*id=exploding: Slurm job \\d+_0 FAILED \\(NonZeroExitCode\\), exit"
                + " code 1:0: dmftlab: \\[plugins/fault] loss 'exploding' \\(org\\.example\\.faulty@1\\.0\\) failed in"
                + " Plugins\\$ExplodingLoss\\.firstDerivative: IllegalStateException: boom;.*"), failure);
        assertTrue(Files.isRegularFile(out.resolve("id=square/run.json")), "the other point is kept");
        assertFalse(Files.exists(out.resolve("id=exploding/run.json")));
        assertTrue(Files.readAllLines(out.resolve("summary.csv")).get(2).startsWith("exploding,id=exploding,failed,"),
                "the summary marks it");
    }

    @Test
    void aPointThatDivergesIsPublishedAsDivergedNotRetriedAndTheSweepSucceeds() throws Exception {
        Path file = files("""
                base: tiny.yaml
                grid:
                  optimizer.learning-rate: [0.1, 60]
                """);
        Path out = scratch.resolve("out");

        Command sweep = Command.start(scratch, "sweep", file.toString(), "--out", out.toString(), "--launcher",
                "slurm", "--set", "launcher.retries=2", "--set", "launcher.poll-seconds=0.3");

        assertEquals(0, sweep.await(), sweep::toString);
        assertFalse(sweep.out().contains("resubmitting"), sweep::toString);
        assertFalse(sweep.out().contains("failed: "), sweep::toString);
        assertTrue(sweep.out().contains("(2 points, 0 failed, 1 diverged)"), sweep::toString);
        String record = Files.readString(out.resolve("learning-rate=60/run.json"));
        Matcher theory = Pattern.compile("\"engine\" : \"theory\",\\s*\"step\" : (\\d+),").matcher(record);
        assertTrue(theory.find(), record);
        assertTrue(record.contains("\"engine\" : \"simulation\""), record);
        String row = Files.readAllLines(out.resolve("summary.csv")).get(2);
        assertTrue(row.startsWith("60,learning-rate=60,diverged,theory diverged at step " + theory.group(1) + " ("),
                row);
        assertTrue(Files.isRegularFile(out.resolve("summary.png")));
        assertEquals(1, Files.readAllLines(Path.of(out + "/.launch/slurm/batch-1/1.args")).stream()
                .filter(line -> line.equals("learning-rate=60")).count(), "submitted once");
        assertFalse(Files.exists(out.resolve(".launch/slurm/batch-2")), "one batch, no resubmission");
    }

    @Test
    void aParameterTheClusterRefusesStopsTheCommandBeforeAnythingIsSubmitted() throws Exception {
        Path file = files("""
                base: tiny.yaml
                grid:
                  optimizer.learning-rate: [0.1, 0.2]
                """);
        Path out = scratch.resolve("out");
        String jobsBefore = SlurmCommand.run("squeue", "--noheader", "--format=%i").out();

        Command sweep = Command.start(scratch, "sweep", file.toString(), "--out", out.toString(), "--launcher",
                "slurm", "--set", "launcher.partition=nowhere");

        assertEquals(2, sweep.await(), sweep::toString);
        assertEquals(1, sweep.err().lines().count(), sweep::toString);
        assertTrue(sweep.err().startsWith("dmftlab: [launcher/refused] launcher.partition = nowhere: this Slurm"
                + " refuses it (sbatch --test-only: "), sweep::toString);
        assertFalse(Files.exists(out), "nothing was written");
        assertEquals(jobsBefore, SlurmCommand.run("squeue", "--noheader", "--format=%i").out(), "nothing submitted");
    }

    @Test
    void aDetachedSweepIsFollowedAndCollectedByTheSameCommandAgain() throws Exception {
        Path file = files("""
                base: tiny.yaml
                grid:
                  optimizer.learning-rate: [0.1, 0.2]
                """);
        Path out = scratch.resolve("out");
        // Held tasks (sbatch --hold) wait until released: they are surely still queued when the command runs again.
        String[] command = {"sweep", file.toString(), "--out", out.toString(), "--engine", "theory", "--launcher",
                "slurm", "--set", "launcher.poll-seconds=0.3", "--set", "launcher.sbatch-options=--hold"};

        Command detached = Command.start(scratch, concat(command, "--detach"));
        assertEquals(0, detached.await(), detached::toString);
        assertTrue(detached.out().contains("2 of 2 points are still running; run the same command again"),
                detached::toString);
        assertFalse(Files.exists(out.resolve("summary.csv")), "no summary while points run");

        Command again = Command.start(scratch, command);
        String job = awaitLine(again, "dmftlab: following 2 tasks still in Slurm job ").split(" ")[8];
        SlurmCommand.Result released = SlurmCommand.run("scontrol", "release", job);
        assertEquals(0, released.exitCode(), released::toString);

        assertEquals(0, again.await(), again::toString);
        assertFalse(again.out().contains("submitted"), () -> "the held tasks were adopted, not submitted again\n"
                + again);
        assertEquals(2, Files.readAllLines(out.resolve("summary.csv")).stream().filter(line -> line.contains(
                ",complete")).count(), again::toString);
    }

    private static String[] concat(String[] command, String... more) {
        return Stream.concat(Stream.of(command), Stream.of(more)).toArray(String[]::new);
    }

    /** Waits until the command's standard output has a line starting with {@code start}; returns that line. */
    private static String awaitLine(Command command, String start) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline) && command.alive()) {
            Optional<String> line = command.out().lines().filter(text -> text.startsWith(start)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line '" + start + "…'\n" + command);
    }

    /**
     * A plugin folder with the loss {@code exploding} (module {@code org.example.faulty}, compiled against the
     * distribution's core): the square loss, but its derivative throws, so that a run with it fails every time.
     */
    private Path faultyLoss() throws IOException {
        Path folder = Files.createDirectories(scratch.resolve("plugins"));
        PluginJars.providers(scratch, "org.example.faulty", "1.0", List.of("LossProvider with"
                + " org.example.faulty.Plugins.Exploding"), PluginJars.EXPLODING_LOSS, Launcher.coreJar(),
                folder.resolve("org.example.faulty.jar"));
        return folder;
    }

    private Path files(String sweep) throws IOException {
        Files.writeString(scratch.resolve("tiny.yaml"), EXPERIMENT);
        return Files.writeString(scratch.resolve("sweep.yaml"), sweep);
    }

    /** Waits until a task of the sweep runs and cancels it ({@code scancel JOB_TASK}); returns its id. */
    private static String cancelARunningTask(Command sweep) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline) && sweep.alive()) {
            SlurmCommand.Result running = SlurmCommand.run("squeue", "--noheader", "--states=RUNNING", "--name=dmftlab",
                    "--format=%i");
            Optional<String> task = running.out().lines().map(String::strip).filter(id -> id.matches("\\d+_\\d+"))
                    .findFirst();
            if (task.isPresent()) {
                SlurmCommand.Result cancel = SlurmCommand.run("scancel", task.get());
                assertEquals(0, cancel.exitCode(), cancel::toString);
                // Gone from the queue, its process is gone too: the process killed next is another task's.
                while (!SlurmCommand.run("squeue", "--noheader", "--jobs=" + task.get()).out().isBlank()) {
                    assertTrue(Instant.now().isBefore(deadline), () -> task.get() + " still listed\n" + sweep);
                    Thread.sleep(100);
                }
                return task.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no task of the sweep was seen running\n" + sweep);
    }

    /**
     * Waits until the JVM of a task of the sweep into {@code out} runs and kills it ({@code kill -9}; the task's
     * script {@code exec}s the dmftlab script, which {@code exec}s java, so that JVM is the task); returns its pid.
     */
    private static long killARunningTaskProcess(Command sweep, Path out) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline) && sweep.alive()) {
            Optional<ProcessHandle> task = ProcessHandle.allProcesses().filter(process -> {
                ProcessHandle.Info info = process.info();
                return info.command().orElse("").endsWith("/java") && info.arguments().map(List::of)
                        .filter(arguments -> arguments.contains("--point") && arguments.contains(out.toString()))
                        .isPresent();
            }).findFirst();
            if (task.isPresent()) {
                assertTrue(task.get().destroyForcibly(), "cannot kill " + task.get().pid());
                return task.get().pid();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no task process of the sweep was seen running\n" + sweep);
    }

    /** {@code ./dmftlab …} started in the background, with the tests' launcher environment. */
    private record Command(Process process, Path outFile, Path errFile) {

        static Command start(Path scratch, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Launcher.root().resolve("dmftlab").toString()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(scratch, "out", ".txt");
            Path err = Files.createTempFile(scratch, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(Launcher.environment());
            return new Command(builder.start(), out, err);
        }

        boolean alive() {
            return process.isAlive();
        }

        int await() throws InterruptedException {
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                throw new AssertionError("dmftlab did not end within " + DEADLINE + "\n" + this);
            }
            return process.exitValue();
        }

        String out() {
            return read(outFile);
        }

        String err() {
            return read(errFile);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException unreadable) {
                return "(unreadable: " + unreadable + ")";
            }
        }

        @Override
        public String toString() {
            return "--- stdout\n" + out() + "--- stderr\n" + err();
        }
    }
}
