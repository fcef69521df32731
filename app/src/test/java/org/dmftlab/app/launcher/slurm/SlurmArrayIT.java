package org.dmftlab.app.launcher.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dmftlab.app.launcher.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real cluster used the way a Slurm launcher will use it: one job array ({@code sbatch --array=0-5%2}) whose
 * tasks each run the distribution's {@code ./dmftlab} by absolute path and write into their own file of a shared
 * folder; squeue tells when no task is left, and {@code scontrol show job} (there is no sacct) gives every task's
 * final state and exit code.
 */
@ExtendWith(SlurmAvailable.class)
class SlurmArrayIT {

    private static final int TASKS = 6;

    /** Far above the ~10 s the array takes on the single-node cluster; a stuck job fails the test. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** One task: the distribution's version into the task's own file, in the job's working directory. */
    private static final String TASK_SCRIPT = """
            #!/bin/sh
            exec "$1" --version > "task-$SLURM_ARRAY_TASK_ID.txt"
            """;

    @TempDir
    Path scratch;

    @Test
    void everyTaskOfAThrottledArrayRunsTheDistributionAndCompletes() throws Exception {
        Path script = Files.writeString(scratch.resolve("task.sh"), TASK_SCRIPT);
        SlurmCommand.Result submitted = SlurmCommand.run(List.of("sbatch", "--parsable", "--job-name=dmftlab-it",
                "--array=0-" + (TASKS - 1) + "%2", "--time=5", "--chdir=" + scratch, "--output=slurm-%A_%a.out",
                script.toString(), Launcher.root().resolve("dmftlab").toString()), Launcher.environment());
        assertEquals(0, submitted.exitCode(), submitted::toString);
        String job = submitted.out().strip().split(";")[0];

        awaitNoLiveTask(job);
        Map<Integer, String> tasks = taskRecords(job);
        assertEquals(IntStream.range(0, TASKS).boxed().toList(), List.copyOf(tasks.keySet()), () -> tasks.toString());
        String version = "dmftlab " + System.getProperty("dmftlab.version") + "\n";
        for (Map.Entry<Integer, String> task : tasks.entrySet()) {
            String record = task.getValue();
            assertEquals(Optional.of("COMPLETED"), field(record, "JobState"), () -> record + slurmOutputs());
            assertEquals(Optional.of("0:0"), field(record, "ExitCode"), () -> record + slurmOutputs());
            assertEquals(version, Files.readString(scratch.resolve("task-" + task.getKey() + ".txt")), record);
        }
    }

    /** Polls squeue until the array has no pending, running or completing task. */
    private static void awaitNoLiveTask(String job) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            SlurmCommand.Result live = SlurmCommand.run("squeue", "--noheader", "--jobs=" + job, "--format=%i %T %r");
            assertEquals(0, live.exitCode(), live::toString);
            if (live.out().isBlank()) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), () -> "job " + job + " still live after " + DEADLINE + ":\n" + live);
            Thread.sleep(500);
        }
    }

    /** Task id → its one-line record from {@code scontrol --oneliner show job}, which keeps finished tasks. */
    private static Map<Integer, String> taskRecords(String job) throws IOException, InterruptedException {
        SlurmCommand.Result shown = SlurmCommand.run("scontrol", "--oneliner", "show", "job", job);
        assertEquals(0, shown.exitCode(), shown::toString);
        return shown.out().lines().filter(line -> !line.isBlank()).collect(Collectors.toMap(
                line -> Integer.valueOf(field(line, "ArrayTaskId").orElseThrow(() -> new AssertionError("no task id: " + line))),
                line -> line, (a, b) -> { throw new AssertionError("task listed twice:\n" + a + "\n" + b); }, TreeMap::new));
    }

    /** The value of {@code key=value} in a one-line scontrol record (values of the fields read here hold no space). */
    private static Optional<String> field(String record, String key) {
        Matcher value = Pattern.compile("(?:^| )" + key + "=(\\S*)").matcher(record);
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }

    /** Slurm's own output files of the tasks, for a failure message. */
    private String slurmOutputs() {
        try (Stream<Path> files = Files.list(scratch)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("slurm-")).sorted().toList()) {
                text.append("\n--- ").append(file.getFileName()).append('\n').append(Files.readString(file));
            }
            return text.toString();
        } catch (IOException e) {
            return "\n(Slurm's output files unreadable: " + e + ")";
        }
    }
}
