package org.dmftlab.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.errors.SweepError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.app.output.AtomicFiles;
import org.dmftlab.app.output.FolderLock;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.output.PublishedRun;
import org.dmftlab.app.plot.SummaryFigure;
import org.dmftlab.app.plot.TrajectoryOverlay;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.LaunchError;
import org.dmftlab.core.spi.LaunchReport;
import org.dmftlab.core.spi.LaunchTask;
import org.dmftlab.core.spi.Launcher;

/**
 * Runs a validated sweep: the grid points in parallel, each a task of the chosen launcher ({@link PointTasks};
 * DESIGN.md, "Launchers") that writes its own folder with the output of {@code dmftlab run} (published as a
 * transaction, {@link OutputFolder}), then {@code summary.csv} ({@link SummaryTable}) and {@code summary.png}
 * ({@link SummaryFigure}), and for a grid of one key {@code trajectories.png}, every point's trajectories in one
 * figure ({@link SweepTrajectories}). Each point runs its engines on one thread; in this JVM, {@code threads} points
 * at a time (fewer when their simulations would not fit in the heap together), so the results do not depend on the
 * thread count or the launcher.
 *
 * <p>Before anything runs, every point's folder is checked ({@link OutputFolder#requireUsable}) and the sweep
 * folder is locked ({@link FolderLock}: a second sweep into it is refused). Resumable: a point whose folder holds a
 * whole run ({@link PublishedRun}: its files match the SHA-256 its {@code run.json} records) of the same resolved
 * configuration is skipped; any other point runs again.
 *
 * <p>The summary is rewritten from the points' folders: when the sweep starts (points not complete for this grid
 * are {@code pending}, so a killed re-run never leaves an older summary that lists them as complete), after
 * every point ({@code summary.csv}), and at the end. A point that fails (e.g. a faulty plugin) does not stop the
 * others: its row says {@code failed} with the reason, the figure marks it, and the sweep ends with a
 * {@link RunFailedException} naming the failed points. A point whose run diverged (SPEC §6) is a result, published
 * in its folder like any other ({@link PointTasks}): its row says {@code diverged} with the step
 * ({@code diverged_at}) read from its {@code run.json}, the figure marks it, and it fails nothing. A grid of two
 * keys gets a phase diagram as {@code summary.png} ({@link SummaryHeatmaps}), any other the line figure
 * ({@link SummaryCurves}); both show the sweep's {@link SummaryChoice}.
 */
public final class SweepRunner {

    /** The table of the sweep. */
    public static final String SUMMARY = "summary.csv";
    /** The summary plot. */
    public static final String SUMMARY_FIGURE = "summary.png";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SummaryFigure.Writer figureWriter;
    private final PrintWriter log;

    /**
     * @param figureWriter renders {@code summary.png}
     * @param log          one line per skipped or failed point and one for the summary
     */
    public SweepRunner(SummaryFigure.Writer figureWriter, PrintWriter log) {
        this.figureWriter = figureWriter;
        this.log = log;
    }

    /**
     * Runs the points that are not complete yet, each a task of the launcher ({@link PointTasks}), and writes the
     * summary.
     *
     * @param plan     the validated sweep
     * @param out      the sweep's output folder
     * @param threads  points run at the same time in this JVM, ≥ 1
     * @param progress advanced by one per point
     * @param launcher runs the points' tasks; its {@link Launcher#preflight} runs before anything is written
     * @param options  the command's options every point's task repeats ({@code --engine}, {@code --set},
     *                 {@code --plugins}), with absolute paths
     * @param detach   return once the points are submitted, without a summary while some still run
     *                 ({@code --detach}; the launcher refuses it if its tasks cannot outlive this process)
     * @throws InvalidInputException {@code output/locked} when another process writes the sweep folder, and the
     *                               errors of {@link OutputFolder#requireUsable} for a point's folder
     * @throws RunFailedException    after the summary is written, when a point failed
     */
    public void run(SweepPlan plan, Path out, int threads, Progress progress, Launcher launcher,
                    List<String> options, boolean detach) {
        Path folder = out.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InvalidInputException(CliError.BAD_OUT, "--out", out,
                    "is a file, not a folder; give a folder (it is created when missing)");
        }
        plan.points().forEach(point -> OutputFolder.requireUsable(folder.resolve(point.folder()), "--out"));
        Summary summary = new Summary(plan, folder, !detach);
        PointTasks tasks = new PointTasks(plan, folder, Math.min(threads, pointsFitting(plan)), detach, progress,
                log, summary::ended);
        try {
            launcher.preflight(tasks);
        } catch (InvalidInputException refused) {
            throw refused.withKeyPrefix(LauncherChoice.KEY);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException unusable) {
            throw new InvalidInputException(CliError.BAD_OUT, "--out", out, "cannot be used as the output folder ("
                    + unusable + "); choose another folder");
        }
        try (FolderLock lock = FolderLock.acquire(folder, "--out")) {
            lock.staleHolder().ifPresent(pid -> log.println("dmftlab: cleared the stale lock of process " + pid
                    + ", which ended without finishing " + out));
            runPoints(plan, folder, summary, tasks, launcher, options, progress);
        }
    }

    private void runPoints(SweepPlan plan, Path folder, Summary summary, PointTasks tasks, Launcher launcher,
                           List<String> options, Progress progress) {
        summary.start();
        progress.start("sweep", plan.points().size(), "points");
        List<LaunchTask> pending = new ArrayList<>();
        for (SweepPoint point : plan.points()) {
            PointSummary.Status status = summary.status(point);
            if (status.published()) {
                log.println("skipped (already " + status.key() + "): " + folder.resolve(point.folder()));
                progress.advance(1);
            } else {
                pending.add(tasks.task(plan, point, options));
            }
        }
        LaunchReport report;
        try {
            report = launcher.launch(pending, tasks);
        } catch (DmftlabException launch) {
            if (launch.errorCode() == LaunchError.INTERRUPTED) {
                throw new RunFailedException(SweepError.INTERRUPTED, "interrupted while the points ran; run the"
                        + " same command again: complete points are skipped");
            }
            throw launch;
        } finally {
            progress.finish();
        }
        if (!report.running().isEmpty()) {
            log.println(report.running().size() + " of " + plan.points().size() + " points are still running; run"
                    + " the same command again to collect them (the summary is written when none is left)");
            log.flush();
            return;
        }
        List<String> failures = report.failures().stream().map(failure -> failure.task().name()).sorted(
                Comparator.comparingInt(pending.stream().map(LaunchTask::name).toList()::indexOf)).toList();
        report.failures().forEach(failure -> summary.failed(tasks.point(failure.task()), failure.reason()));
        summary.write(true);
        long diverged = plan.points().stream().filter(point -> summary.status(point) == PointSummary.Status.DIVERGED)
                .count();
        Optional<TrajectoryOverlay> overlay = SweepTrajectories.of(plan, folder);
        overlay.ifPresent(figure -> writeFile(folder.resolve(SweepTrajectories.FIGURE), figure::writePng));
        log.println("wrote " + folder.resolve(SUMMARY) + " and " + SUMMARY_FIGURE + overlay.map(figure -> " and "
                + SweepTrajectories.FIGURE).orElse("") + " (" + plan.points().size() + " points, " + failures.size()
                + " failed" + (diverged > 0 ? ", " + diverged + " diverged" : "") + ")");
        log.flush();
        if (!failures.isEmpty()) {
            throw new RunFailedException(SweepError.FAILED_POINTS, failures.size() + " of " + plan.points().size()
                    + " points failed (" + String.join("; ", failures) + "); their reasons are in summary.csv, the"
                    + " others and the summary in " + folder);
        }
    }

    /**
     * Runs one point in this JVM, as the task of a launcher ({@code dmftlab sweep … --point FOLDER}); the process
     * that launched it writes the summary.
     *
     * @throws InvalidInputException {@code cli/bad-argument} when no point of the grid has this folder
     */
    public void runPoint(SweepPlan plan, Path out, String point) {
        PointTasks tasks = new PointTasks(plan, out.toAbsolutePath().normalize(), 1, false, Progress.NONE, log,
                (ended, failure) -> { });
        SweepPoint found = plan.points().stream().filter(candidate -> candidate.folder().equals(point)).findFirst()
                .orElseThrow(() -> new InvalidInputException(CliError.BAD_ARGUMENT, "--point", point, "no grid point"
                        + " of " + plan.file() + " has this folder; give one of the folder names the sweep writes"));
        tasks.runHere(tasks.task(plan, found, List.of()));
    }

    /** How many points fit in the heap at once: the budget over the largest point's peak memory. */
    private static int pointsFitting(SweepPlan plan) {
        long largest = 0;
        long budget = Long.MAX_VALUE;
        for (SweepPoint point : plan.points()) {
            largest = Math.max(largest, point.estimate().peakBytes());
            budget = point.estimate().heapBudgetBytes();
        }
        return largest == 0 ? Integer.MAX_VALUE : (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / largest));
    }

    /**
     * The run a point's folder holds, if it is whole and records exactly this point's resolved configuration
     * (compared as JSON trees, both read from text so numbers compare alike).
     */
    static Optional<PublishedRun> done(SweepPoint point, Path folder) {
        return PublishedRun.read(folder).filter(run -> {
            try {
                JsonNode wanted = JSON.readTree(JSON.writeValueAsString(point.experiment().configuration(
                        point.engineChoice())));
                return ExperimentPlan.computed(wanted).equals(ExperimentPlan.computed(run.experiment()));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException("a resolved configuration could not be written as JSON", impossible);
            }
        });
    }

    private static void writeFile(Path target, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot write " + target + ": " + failure);
        }
    }

    /** The summary of a sweep as its points finish; each point's values read once from its folder. */
    private final class Summary {

        private final SweepPlan plan;
        private final Path folder;
        private final List<String> columns;
        private final Map<SweepPoint, PointSummary> points = new LinkedHashMap<>();
        private final boolean live;

        /**
         * @param live whether {@code summary.csv} is rewritten as points end; a detached sweep ({@code --detach})
         *             writes none while points run
         */
        Summary(SweepPlan plan, Path folder, boolean live) {
            this.plan = plan;
            this.folder = folder;
            this.live = live;
            Set<Engine> engines = EnumSet.noneOf(Engine.class);
            boolean compared = false;
            for (SweepPoint point : plan.points()) {
                engines.addAll(point.engines());
                compared |= point.engines().size() == Engine.values().length;
            }
            columns = PointSummary.columns(engines, compared, plan.summary());
            for (SweepPoint point : plan.points()) {
                points.put(point, done(point, folder.resolve(point.folder()))
                        .map(run -> PointSummary.published(point, run, plan.summary()))
                        .orElseGet(() -> PointSummary.pending(point)));
            }
        }

        synchronized PointSummary.Status status(SweepPoint point) {
            return points.get(point).status();
        }

        /**
         * A point's task has ended: reads the run just published (or records the failure) and rewrites
         * {@code summary.csv}.
         */
        void ended(SweepPoint point, Optional<String> failure) {
            if (failure.isPresent()) {
                failed(point, failure.get());
                return;
            }
            update(done(point, folder.resolve(point.folder())).map(run -> PointSummary.published(point, run,
                    plan.summary()))
                    .orElseGet(() -> PointSummary.failed(point, "the run published in " + folder.resolve(point.folder())
                            + " does not match its run.json; was it changed?")));
        }

        void failed(SweepPoint point, String reason) {
            update(PointSummary.failed(point, reason));
        }

        private synchronized void update(PointSummary summary) {
            points.put(summary.point(), summary);
            if (live) {
                write(false);
            }
        }

        /**
         * Before any point runs: the summary of what is on disk (points not complete for this grid are pending),
         * or, for a detached sweep, none, so that an older summary never lists points as complete while they run.
         */
        void start() {
            if (live) {
                write(true);
                return;
            }
            for (String name : List.of(SUMMARY, SUMMARY_FIGURE)) {
                try {
                    Files.deleteIfExists(folder.resolve(name));
                } catch (IOException failure) {
                    throw new RunFailedException(OutputError.WRITE_FAILED, "cannot remove the older " + name + " in "
                            + folder + ": " + failure);
                }
            }
        }

        /** Rewrites {@code summary.csv} and, with {@code figure}, {@code summary.png}. */
        synchronized void write(boolean figure) {
            List<PointSummary> summaries = List.copyOf(points.values());
            byte[] table = SummaryTable.csv(plan.keys(), columns, summaries).getBytes(StandardCharsets.UTF_8);
            writeFile(folder.resolve(SUMMARY), out -> out.write(table));
            if (figure && plan.keys().size() == 2) {
                writeFile(folder.resolve(SUMMARY_FIGURE), SummaryHeatmaps.of(plan, summaries)::writePng);
            } else if (figure) {
                writeFile(folder.resolve(SUMMARY_FIGURE),
                        png -> figureWriter.writePng(SummaryCurves.spec(plan, summaries), png));
            }
        }
    }
}
