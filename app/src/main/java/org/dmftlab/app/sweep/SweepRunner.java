package org.dmftlab.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.errors.SweepError;
import org.dmftlab.app.output.AtomicFiles;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.plot.SummaryFigure;
import org.dmftlab.app.plot.TrajectoryOverlay;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.simulation.SimulationMemory;
import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.LaunchError;
import org.dmftlab.core.spi.LaunchReport;
import org.dmftlab.core.spi.LaunchTask;
import org.dmftlab.core.spi.Launcher;

/**
 * Runs a validated sweep: the grid points in parallel, each a task of the chosen launcher ({@link PointTasks};
 * DESIGN.md, "Launchers") that writes its own folder with the output of {@code dmftlab run}, then
 * {@code summary.csv} ({@link SummaryTable}) and {@code summary.png} ({@link SummaryFigure}), and for a grid of one
 * key {@code trajectories.png}, every point's trajectories in one figure ({@link SweepTrajectories}). Each point runs its
 * engines on one thread; in this JVM, {@code threads} points at a time (fewer when their simulations would not fit
 * in the heap together), so the results do not depend on the thread count or the launcher.
 *
 * <p>Resumable: a point whose folder holds a {@code run.json} (written last and atomically) recording the same
 * resolved configuration is skipped; a point with no {@code run.json}, e.g. interrupted, or a different
 * configuration is run again. A point that fails (e.g. divergence at a large learning rate) does not stop the
 * others: its row says {@code failed}, and the sweep ends with a {@link RunFailedException} naming the points.
 */
public final class SweepRunner {

    /** The table of the sweep. */
    public static final String SUMMARY = "summary.csv";
    /** The summary plot. */
    public static final String SUMMARY_FIGURE = "summary.png";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentRunner runner;
    private final SummaryFigure.Writer figureWriter;
    private final PrintWriter log;

    /**
     * @param runner       runs one point and writes its folder
     * @param figureWriter renders {@code summary.png}
     * @param log          one line per skipped or failed point and one for the summary
     */
    public SweepRunner(ExperimentRunner runner, SummaryFigure.Writer figureWriter, PrintWriter log) {
        this.runner = runner;
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
     * @throws RunFailedException after the summary is written, when a point failed
     */
    public void run(SweepPlan plan, Path out, int threads, Progress progress, Launcher launcher,
                    List<String> options, boolean detach) {
        Path folder = out.toAbsolutePath().normalize();
        PointTasks tasks = new PointTasks(plan, folder, Math.min(threads, pointsFitting(plan)), detach, runner,
                progress, log);
        try {
            launcher.preflight(tasks);
        } catch (InvalidInputException refused) {
            throw refused.withKeyPrefix(LauncherChoice.KEY);
        }
        OutputFolder.create(out);
        progress.start("sweep", plan.points().size(), "points");
        List<LaunchTask> pending = new ArrayList<>();
        for (SweepPoint point : plan.points()) {
            if (done(point, new OutputFolder(folder.resolve(point.folder())))) {
                log.println("skipped (already complete): " + out.resolve(point.folder()));
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
        List<PointSummary> summaries = plan.points().stream()
                .map(point -> PointSummary.read(point, new OutputFolder(out.resolve(point.folder())))).toList();
        write(out.resolve(SUMMARY), table -> table.write(SummaryTable.csv(plan.keys(), summaries)
                .getBytes(StandardCharsets.UTF_8)));
        write(out.resolve(SUMMARY_FIGURE), png -> figureWriter.writePng(SummaryCurves.spec(plan, summaries), png));
        Optional<TrajectoryOverlay> overlay = SweepTrajectories.of(plan, folder);
        overlay.ifPresent(figure -> write(out.resolve(SweepTrajectories.FIGURE), figure::writePng));
        log.println("wrote " + out.resolve(SUMMARY) + " and " + SUMMARY_FIGURE + overlay.map(figure -> " and "
                + SweepTrajectories.FIGURE).orElse("") + " (" + plan.points().size() + " points)");
        log.flush();
        if (!failures.isEmpty()) {
            throw new RunFailedException(SweepError.FAILED_POINTS, failures.size() + " of " + plan.points().size()
                    + " points failed (" + String.join("; ", failures) + "); the others and the summary are in "
                    + out);
        }
    }

    /**
     * Runs one point in this JVM, as the task of a launcher ({@code dmftlab sweep … --point FOLDER}).
     *
     * @throws InvalidInputException {@code cli/bad-argument} when no point of the grid has this folder
     */
    public void runPoint(SweepPlan plan, Path out, String point) {
        PointTasks tasks = new PointTasks(plan, out.toAbsolutePath().normalize(), 1, false, runner, Progress.NONE,
                log);
        SweepPoint found = plan.points().stream().filter(candidate -> candidate.folder().equals(point)).findFirst()
                .orElseThrow(() -> new InvalidInputException(CliError.BAD_ARGUMENT, "--point", point, "no grid point"
                        + " of " + plan.file() + " has this folder; give one of the folder names the sweep writes"));
        tasks.runHere(tasks.task(plan, found, List.of()));
    }

    /** How many points fit in the heap at once: the simulation's budget over the largest point's peak memory. */
    private int pointsFitting(SweepPlan plan) {
        long largest = 0;
        long budget = Long.MAX_VALUE;
        for (SweepPoint point : plan.points()) {
            Optional<SimulationMemory> memory = runner.simulationMemory(point.plan(), point.engines());
            if (memory.isPresent()) {
                largest = Math.max(largest, memory.get().inFlightBytes());
                budget = memory.get().budgetBytes();
            }
        }
        return largest == 0 ? Integer.MAX_VALUE : (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / largest));
    }

    /**
     * Whether a point's folder already holds its run: a {@code run.json} recording the same resolved configuration
     * (compared as JSON trees, both read from text so numbers compare alike).
     */
    static boolean done(SweepPoint point, OutputFolder folder) {
        if (!folder.complete()) {
            return false;
        }
        try {
            JsonNode recorded = JSON.readTree(folder.path().resolve(OutputFolder.REPORT).toFile()).get("experiment");
            JsonNode wanted = JSON.readTree(JSON.writeValueAsString(point.plan().resolvedConfiguration(
                    point.engines())));
            return wanted.equals(recorded);
        } catch (JsonProcessingException unreadable) {
            return false;
        } catch (IOException unreadable) {
            throw new RunFailedException(OutputError.READ_FAILED, "cannot read the run.json in " + folder.path()
                    + ": " + unreadable);
        }
    }

    private static void write(Path target, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot write " + target + ": " + failure);
        }
    }
}
