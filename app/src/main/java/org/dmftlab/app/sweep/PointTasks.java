package org.dmftlab.app.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.dmftlab.app.launch.CommandTasks;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.spi.LaunchTask;

/**
 * The points of a sweep as the tasks of a launcher (DESIGN.md, "Launchers"): the task of a point is
 * {@code dmftlab sweep FILE --out DIR --point FOLDER --threads 1} with the command's options repeated, run in this
 * JVM by {@link #runHere} or elsewhere by the launcher; its completion record is the point's published folder, whole
 * and of the same resolved configuration ({@link SweepRunner#done}). A run that diverges is such a record too: the
 * point runs {@link org.dmftlab.app.api.Experiment#keepingDivergence() keeping its divergence} as its result,
 * publishes it, and its task ends as a success, so no launcher runs it again and every launcher reports it alike.
 */
final class PointTasks extends CommandTasks {

    private final Map<String, SweepPoint> points = new LinkedHashMap<>();
    private final BiConsumer<SweepPoint, Optional<String>> ended;

    /**
     * @param plan        the sweep
     * @param folder      the sweep's output folder, absolute
     * @param parallelism points that may run at once in this JVM
     * @param detach      whether the command returns once the points are submitted ({@code --detach})
     * @param progress    advanced by one per point that ends
     * @param log         the launcher's lines and one line per failed point
     * @param ended       told of every point whose task ended, with its failure if it failed (the summary)
     */
    PointTasks(SweepPlan plan, Path folder, int parallelism, boolean detach, Progress progress, PrintWriter log,
               BiConsumer<SweepPoint, Optional<String>> ended) {
        super(folder, parallelism, detach, progress, log);
        plan.points().forEach(point -> points.put(point.folder(), point));
        this.ended = ended;
    }

    /**
     * The task of a point.
     *
     * @param options the command's options that every point's command repeats ({@code --engine}, {@code --set},
     *                {@code --plugins}), absolute paths
     */
    LaunchTask task(SweepPlan plan, SweepPoint point, List<String> options) {
        List<String> arguments = new ArrayList<>(List.of("sweep", plan.file().toAbsolutePath().normalize().toString(),
                "--out", folder().toString(), "--point", point.folder(), "--threads", "1"));
        arguments.addAll(options);
        return new LaunchTask(point.folder(), arguments);
    }

    /** The point a task runs. */
    SweepPoint point(LaunchTask task) {
        return points.get(task.name());
    }

    @Override
    public void runHere(LaunchTask task) {
        SweepPoint point = points.get(task.name());
        Path target = folder().resolve(point.folder());
        OutputFolder.requireUsable(target, "--out"); // before the run: its result is written only at the end
        point.experiment().keepingDivergence().run(point.engineChoice()).write(target);
    }

    @Override
    public boolean complete(LaunchTask task) {
        SweepPoint point = points.get(task.name());
        return SweepRunner.done(point, folder().resolve(point.folder())).isPresent();
    }

    @Override
    protected String describe(LaunchTask task) {
        return folder().resolve(task.name()).toString();
    }

    @Override
    protected void recordEnd(LaunchTask task, Optional<String> failure) {
        ended.accept(points.get(task.name()), failure);
    }
}
