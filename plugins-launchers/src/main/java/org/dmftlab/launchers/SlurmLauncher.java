package org.dmftlab.launchers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.LaunchContext;
import org.dmftlab.core.spi.LaunchError;
import org.dmftlab.core.spi.LaunchReport;
import org.dmftlab.core.spi.LaunchTask;
import org.dmftlab.core.spi.Launcher;

/**
 * Runs tasks as Slurm job arrays (DESIGN.md, "Launchers"; what Slurm reports is measured in scripts/README.md). A
 * batch is one {@code sbatch --array=0-K%P --no-requeue} of a script that {@code exec}s
 * {@code <program> <arguments of task i>} (so a killed program is a killed task); its files are in
 * {@code <folder>/.launch/slurm/batch-…/}: the script, {@code i.args} (task i's arguments, one a line) and
 * {@code i.log} (its output). Every {@code poll} it asks squeue which tasks are still queued or running and
 * {@code scontrol show job} how the others ended (there may be no sacct); a task that ended without its completion
 * record — failed, timed out, cancelled, its node failed, or vanished — is resubmitted in the next batch, up to
 * {@code retries} times. Slurm's own requeueing is off, so every attempt is counted here.
 */
final class SlurmLauncher implements Launcher {

    /** States in which a task is still queued or running (scontrol may show them just after squeue lost them). */
    private static final Set<String> LIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED",
            "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED");
    /** Consecutive failed queries of the queue after which the scheduler counts as gone. */
    private static final int QUERY_FAILURES = 30;
    private static final Pattern JOB_ID = Pattern.compile("\\d+");
    /** The file of a batch folder that holds its job id, written once the array is submitted. */
    private static final String JOB_FILE = "job";

    /**
     * The sbatch options of every batch.
     *
     * @param partition   {@code --partition}, empty for the default
     * @param account     {@code --account}, empty for the default
     * @param timeLimit   {@code --time}, empty for the partition's
     * @param cpus        {@code --cpus-per-task}
     * @param memory      {@code --mem}, empty for the default
     * @param maxParallel the P of {@code --array=0-K%P}; 0 for no limit
     * @param extra       further options, as given
     */
    record Options(String partition, String account, String timeLimit, int cpus, String memory, int maxParallel,
                   List<String> extra) {

        /** The options with the key of the launcher parameter that sets each, in sbatch's order. */
        Map<String, String> byKey() {
            Map<String, String> options = new LinkedHashMap<>();
            put(options, "partition", "--partition=", partition);
            put(options, "account", "--account=", account);
            put(options, "time-limit", "--time=", timeLimit);
            options.put("cpus-per-task", "--cpus-per-task=" + cpus);
            put(options, "memory-per-task", "--mem=", memory);
            return options;
        }

        private static void put(Map<String, String> options, String key, String option, String value) {
            if (!value.isEmpty()) {
                options.put(key, option + value);
            }
        }

        /** {@code --array=0-K%P} for {@code count} tasks. */
        String array(int count) {
            return "--array=0-" + (count - 1) + (maxParallel > 0 ? "%" + maxParallel : "");
        }
    }

    private final Options options;
    private final int retries;
    private final long pollMillis;

    SlurmLauncher(Options options, int retries, long pollMillis) {
        this.options = options;
        this.retries = retries;
        this.pollMillis = Math.max(1, pollMillis);
    }

    /**
     * Needs the dmftlab script and sbatch, and asks {@code sbatch --test-only} whether the options are valid on
     * this cluster (an unknown partition, a time limit above the partition's, …) without submitting anything.
     */
    @Override
    public void preflight(LaunchContext context) {
        if (context.program().isEmpty()) {
            throw new InvalidInputException(LaunchError.UNAVAILABLE, "id", "slurm", "the tasks run the dmftlab script"
                    + " by absolute path on the nodes; start dmftlab with that script (./dmftlab)");
        }
        Path script = null;
        try {
            script = Files.createTempFile("dmftlab-slurm-check", ".sh");
            Files.writeString(script, "#!/bin/sh\ntrue\n");
            List<String> command = new ArrayList<>(List.of("sbatch", "--test-only", options.array(1)));
            command.addAll(sbatchOptions());
            command.add(script.toString());
            SlurmCommand checked = SlurmCommand.run(command);
            if (checked.exitCode() != 0) {
                String verdict = checked.verdict();
                String key = keyOf(checked.err());
                Object value = key.equals("sbatch-options") ? String.join(" ", options.extra())
                        : options.byKey().get(key).substring(options.byKey().get(key).indexOf('=') + 1);
                throw new InvalidInputException(LaunchError.REFUSED, key, value,
                        "this Slurm refuses it (sbatch --test-only: " + verdict + "); see sinfo for partitions and"
                                + " their limits");
            }
        } catch (IOException unavailable) {
            throw new InvalidInputException(LaunchError.UNAVAILABLE, "id", "slurm", "cannot run sbatch ("
                    + unavailable.getMessage() + "); run dmftlab on a machine of the cluster, with Slurm's commands"
                    + " on the PATH");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DmftlabException(LaunchError.INTERRUPTED, "interrupted while asking sbatch --test-only");
        } finally {
            if (script != null) {
                script.toFile().delete();
            }
        }
    }

    /** The launcher key an sbatch complaint is about; the extra options when it names none of the others. */
    private String keyOf(String complaint) {
        String text = complaint.toLowerCase(Locale.ROOT);
        if (text.contains("partition") && !options.partition().isEmpty()) {
            return "partition";
        }
        if (text.contains("account") && !options.account().isEmpty()) {
            return "account";
        }
        if (text.contains("time") && !options.timeLimit().isEmpty()) {
            return "time-limit";
        }
        if (text.contains("mem") && !options.memory().isEmpty()) {
            return "memory-per-task";
        }
        if (text.contains("cpu") && options.extra().isEmpty()) {
            return "cpus-per-task";
        }
        return "sbatch-options";
    }

    private List<String> sbatchOptions() {
        List<String> all = new ArrayList<>(List.of("--no-requeue"));
        all.addAll(options.byKey().values());
        all.addAll(options.extra());
        return all;
    }

    /**
     * Adopts the tasks that a previous run of the same command left queued or running ({@link #adopt}), submits the
     * others, and watches every batch until each task has ended; with {@link LaunchContext#detach()} returns once
     * they are all submitted, leaving them to Slurm (without detach, an interruption or the end of the JVM cancels
     * them).
     */
    @Override
    public LaunchReport launch(List<LaunchTask> tasks, LaunchContext context) {
        if (tasks.isEmpty()) {
            return new LaunchReport(List.of());
        }
        Path home = context.folder().resolve(".launch").resolve("slurm");
        Map<String, Integer> attempts = new HashMap<>();
        Map<String, LaunchReport.Failure> failures = new HashMap<>();
        List<Batch> live = new ArrayList<>();
        Thread cancel = new Thread(() -> live.forEach(Batch::cancel), "dmftlab-slurm-cancel");
        try {
            live.addAll(adopt(tasks, home, context, attempts));
            List<LaunchTask> fresh = tasks.stream().filter(task -> !attempts.containsKey(task.name())).toList();
            if (!fresh.isEmpty()) {
                live.add(submit(fresh, home, context, attempts));
            }
            if (context.detach()) {
                context.log(tasks.size() + " task" + (tasks.size() == 1 ? " is" : "s are") + " queued or running in"
                        + " Slurm; run the same command again to follow them and collect their results");
                return new LaunchReport(List.of(), tasks);
            }
            Runtime.getRuntime().addShutdownHook(cancel);
            int queryFailures = 0;
            while (!live.isEmpty()) {
                Thread.sleep(pollMillis);
                List<LaunchTask> again = new ArrayList<>();
                for (Batch batch : List.copyOf(live)) {
                    Optional<Map<Integer, Ended>> ended = batch.ended();
                    if (ended.isEmpty()) {
                        if (++queryFailures >= QUERY_FAILURES) {
                            throw new DmftlabException(LaunchError.SCHEDULER_FAILED, "Slurm has not answered squeue"
                                    + " or scontrol " + QUERY_FAILURES + " times in a row (" + batch.lastComplaint
                                    + "); the tasks of job " + batch.job + " may still run: run the command again"
                                    + " when Slurm answers");
                        }
                        continue;
                    }
                    queryFailures = 0;
                    for (Map.Entry<Integer, Ended> end : ended.get().entrySet()) {
                        LaunchTask task = batch.tasks.get(end.getKey());
                        settle(task, end.getValue(), batch, context, attempts, failures).ifPresent(again::add);
                    }
                    if (batch.settled()) {
                        live.remove(batch);
                    }
                }
                if (!again.isEmpty()) {
                    live.add(submit(again, home, context, attempts));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            live.forEach(Batch::cancel);
            throw new DmftlabException(LaunchError.INTERRUPTED, "interrupted while the Slurm tasks ran; they were"
                    + " cancelled");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancel);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it cancels what is left.
            }
        }
        return new LaunchReport(tasks.stream().map(task -> failures.get(task.name())).filter(Objects::nonNull)
                .toList());
    }

    /**
     * The batches of earlier runs of this command (their folders in {@code home}) that still have some of these
     * tasks queued or running: those tasks are watched instead of submitted again, and count as one attempt.
     */
    private List<Batch> adopt(List<LaunchTask> tasks, Path home, LaunchContext context, Map<String, Integer> attempts)
            throws InterruptedException {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        Map<List<String>, LaunchTask> byArguments = new HashMap<>();
        tasks.forEach(task -> byArguments.put(task.arguments(), task));
        List<Batch> adopted = new ArrayList<>();
        try (Stream<Path> folders = Files.list(home)) {
            for (Path folder : folders.filter(path -> Files.isRegularFile(path.resolve(JOB_FILE))).sorted().toList()) {
                String job = Files.readString(folder.resolve(JOB_FILE)).strip();
                List<LaunchTask> batchTasks = new ArrayList<>();
                for (int i = 0; Files.isRegularFile(folder.resolve(i + ".args")); i++) {
                    batchTasks.add(byArguments.get(Files.readAllLines(folder.resolve(i + ".args"))));
                }
                Batch batch = new Batch(job, batchTasks, folder);
                Set<Integer> queued = batch.queued().orElse(Set.of());
                batch.unsettled.removeIf(index -> !queued.contains(index) || batchTasks.get(index) == null
                        || attempts.containsKey(batchTasks.get(index).name()));
                if (!batch.settled()) {
                    batch.unsettled.forEach(index -> attempts.put(batchTasks.get(index).name(), 1));
                    context.log("following " + batch.unsettled.size() + " task" + (batch.unsettled.size() == 1 ? ""
                            : "s") + " still in Slurm job " + job + " (" + folder + ")");
                    adopted.add(batch);
                }
            }
        } catch (IOException unreadable) {
            throw new DmftlabException(LaunchError.SCHEDULER_FAILED, "cannot read the launcher's folder " + home
                    + " (" + unreadable + "); remove it to start the tasks afresh");
        }
        return adopted;
    }

    /**
     * What to do with a task that has left the queue: complete (its record is there, whatever Slurm says), or
     * failed, then resubmitted (returned) while retries remain, else reported.
     */
    private Optional<LaunchTask> settle(LaunchTask task, Ended end, Batch batch, LaunchContext context,
                                        Map<String, Integer> attempts, Map<String, LaunchReport.Failure> failures) {
        if (context.complete(task)) {
            context.ended(task, Optional.empty());
            return Optional.empty();
        }
        String reason = "Slurm job " + batch.job + "_" + batch.tasks.indexOf(task) + " " + end.describe()
                + batch.lastError(batch.tasks.indexOf(task)).map(line -> ": " + line).orElse("");
        int attempt = attempts.get(task.name());
        if (attempt <= retries) {
            context.log("resubmitting " + task.name() + " (attempt " + (attempt + 1) + " of " + (1 + retries) + "): "
                    + reason);
            return Optional.of(task);
        }
        failures.put(task.name(), new LaunchReport.Failure(task, attempt, reason));
        context.ended(task, Optional.of(reason));
        return Optional.empty();
    }

    /** Writes a batch's folder and submits it as one job array. */
    private Batch submit(List<LaunchTask> tasks, Path home, LaunchContext context, Map<String, Integer> attempts)
            throws InterruptedException {
        Path folder;
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=dmftlab",
                options.array(tasks.size())));
        command.addAll(sbatchOptions());
        try {
            Files.createDirectories(home);
            folder = newBatchFolder(home);
            for (int i = 0; i < tasks.size(); i++) {
                Files.write(folder.resolve(i + ".args"), tasks.get(i).arguments(), StandardCharsets.UTF_8);
            }
            Path script = Files.writeString(folder.resolve("tasks.sh"), script(folder, context.program().orElseThrow()));
            command.addAll(List.of("--chdir=" + context.folder(), "--output=" + folder.resolve("%a.log"),
                    script.toString()));
            SlurmCommand submitted = SlurmCommand.run(command);
            String job = submitted.out().strip().split(";")[0];
            if (submitted.exitCode() != 0 || !JOB_ID.matcher(job).matches()) {
                throw new DmftlabException(LaunchError.SCHEDULER_FAILED, "sbatch refused the tasks: "
                        + submitted.verdict() + " (" + String.join(" ", command) + ")");
            }
            Files.writeString(folder.resolve(JOB_FILE), job + "\n");
            tasks.forEach(task -> attempts.merge(task.name(), 1, Integer::sum));
            context.log("submitted " + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s") + " as Slurm job "
                    + job + " (" + folder + ")");
            return new Batch(job, List.copyOf(tasks), folder);
        } catch (IOException failed) {
            throw new DmftlabException(LaunchError.SCHEDULER_FAILED, "cannot submit the tasks (" + failed
                    + "): " + String.join(" ", command));
        }
    }

    /** A new folder {@code batch-N} in {@code home}, N one more than the largest there (resumed commands add). */
    private static Path newBatchFolder(Path home) throws IOException {
        int last;
        try (Stream<Path> batches = Files.list(home)) {
            last = batches.map(path -> path.getFileName().toString()).filter(name -> name.matches("batch-\\d+"))
                    .mapToInt(name -> Integer.parseInt(name.substring("batch-".length()))).max().orElse(0);
        }
        return Files.createDirectory(home.resolve("batch-" + (last + 1)));
    }

    /** The batch script: task i runs the program with the arguments of {@code i.args}, as the job's own process. */
    private static String script(Path folder, Path program) {
        return "#!/bin/bash\n"
                + "# dmftlab's slurm launcher: task i of this array runs the dmftlab script with the arguments in\n"
                + "# i.args (one a line), as this job's own process.\n"
                + "mapfile -t arguments < " + quote(folder.toString()) + "/\"$SLURM_ARRAY_TASK_ID.args\"\n"
                + "exec " + quote(program.toString()) + " \"${arguments[@]}\"\n";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * How a task left the queue, from its {@code scontrol} record.
     *
     * @param state    JobState, e.g. FAILED; empty when Slurm has no record of it
     * @param reason   Reason, e.g. NonZeroExitCode
     * @param exitCode ExitCode, status:signal
     */
    record Ended(String state, String reason, String exitCode) {

        String describe() {
            if (state.isEmpty()) {
                return "has no record left in Slurm (cancelled before it started, or forgotten after MinJobAge)";
            }
            return state + (reason.isEmpty() || reason.equals("None") ? "" : " (" + reason + ")") + ", exit code "
                    + exitCode + (state.equals("COMPLETED") ? ", without its completion record" : "");
        }
    }

    /** One submitted job array: its tasks by array index, the indexes not settled yet. */
    private final class Batch {

        final String job;
        final List<LaunchTask> tasks;
        final Path folder;
        final Set<Integer> unsettled;
        String lastComplaint = "";

        Batch(String job, List<LaunchTask> tasks, Path folder) {
            this.job = job;
            this.tasks = tasks;
            this.folder = folder;
            this.unsettled = new TreeSet<>();
            for (int i = 0; i < tasks.size(); i++) {
                unsettled.add(i);
            }
        }

        boolean settled() {
            return unsettled.isEmpty();
        }

        /**
         * The tasks that have left the queue since the last call, by index, with how they ended; empty when Slurm
         * did not answer.
         */
        Optional<Map<Integer, Ended>> ended() throws InterruptedException {
            try {
                Optional<Set<Integer>> queued = queued();
                if (queued.isEmpty()) {
                    return Optional.empty();
                }
                Set<Integer> inQueue = queued.get();
                List<Integer> gone = unsettled.stream().filter(index -> !inQueue.contains(index)).toList();
                if (gone.isEmpty()) {
                    return Optional.of(Map.of());
                }
                SlurmCommand shown = SlurmCommand.run(List.of("scontrol", "--oneliner", "show", "job", job));
                if (shown.exitCode() != 0 && !shown.unknownJob()) {
                    lastComplaint = "scontrol: " + shown.verdict();
                    return Optional.empty();
                }
                Map<Integer, Ended> records = records(shown.exitCode() == 0 ? shown.out() : "");
                Map<Integer, Ended> ended = new TreeMap<>();
                for (int index : gone) {
                    Ended end = records.getOrDefault(index, new Ended("", "", ""));
                    if (!LIVE.contains(end.state())) {
                        ended.put(index, end);
                        unsettled.remove(index);
                    }
                }
                return Optional.of(ended);
            } catch (IOException unavailable) {
                lastComplaint = unavailable.getMessage();
                return Optional.empty();
            }
        }

        /** The indexes of the array still queued or running (squeue); empty when Slurm did not answer. */
        Optional<Set<Integer>> queued() throws InterruptedException, IOException {
            SlurmCommand queued = SlurmCommand.run(List.of("squeue", "--noheader", "--array", "--jobs=" + job,
                    "--format=%K"));
            if (queued.exitCode() != 0 && !queued.unknownJob()) {
                lastComplaint = "squeue: " + queued.verdict();
                return Optional.empty();
            }
            return Optional.of(queued.exitCode() != 0 ? Set.of() : queued.out().lines().map(String::strip)
                    .filter(line -> line.matches("\\d+")).map(Integer::valueOf).collect(Collectors.toSet()));
        }

        /** Cancels what is left of the array (best effort: the command is ending). */
        void cancel() {
            try {
                SlurmCommand.run(List.of("scancel", job));
            } catch (IOException | InterruptedException ignored) {
                // Nothing more can be done; the person sees the job in squeue.
            }
        }

        /** The last line the task's program wrote starting with {@code dmftlab:} (its error), if any. */
        Optional<String> lastError(int index) {
            try {
                List<String> lines = Files.readAllLines(folder.resolve(index + ".log"), StandardCharsets.UTF_8);
                return lines.stream().filter(line -> line.startsWith("dmftlab: ")).reduce((first, second) -> second);
            } catch (IOException | UncheckedIOException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** The records of single tasks in {@code scontrol --oneliner show job} output, by array index. */
    static Map<Integer, Ended> records(String shown) {
        Map<Integer, Ended> records = new TreeMap<>();
        for (String line : shown.lines().toList()) {
            Optional<String> index = field(line, "ArrayTaskId");
            if (index.isPresent() && index.get().matches("\\d+")) {
                records.put(Integer.valueOf(index.get()), new Ended(field(line, "JobState").orElse(""),
                        field(line, "Reason").orElse(""), field(line, "ExitCode").orElse("")));
            }
        }
        return records;
    }

    private static Optional<String> field(String record, String key) {
        Matcher value = Pattern.compile("(?:^| )" + key + "=(\\S*)").matcher(record);
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }
}
