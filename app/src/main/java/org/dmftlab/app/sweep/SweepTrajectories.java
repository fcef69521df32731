package org.dmftlab.app.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.output.CsvTables;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.plot.FigureSpec;
import org.dmftlab.app.plot.TrajectoryOverlay;
import org.dmftlab.core.problem.Trajectory;

/**
 * The trajectories of a sweep over one key, read back from the points' folders, as one {@link TrajectoryOverlay}
 * ({@code trajectories.png}): one curve per published point with a table (an engine that diverged has none), each
 * on the time axis its own {@code figure} block asks for (with {@code figure.time-unit: eta-t}, the gradient-flow
 * time of its own learning rate).
 */
final class SweepTrajectories {

    /** The file of the overlay. */
    static final String FIGURE = "trajectories.png";

    private SweepTrajectories() {
    }

    /** The overlay of a sweep with one grid key; empty for more keys, or when no point is complete. */
    static Optional<TrajectoryOverlay> of(SweepPlan plan, Path folder) {
        if (plan.keys().size() != 1) {
            return Optional.empty();
        }
        List<TrajectoryOverlay.Curve> curves = new ArrayList<>();
        for (SweepPoint point : plan.points()) {
            Path output = folder.resolve(point.folder());
            if (SweepRunner.done(point, output).isEmpty()) {
                continue;
            }
            Trajectory theory = read(output, Engine.THEORY);
            Trajectory simulation = read(output, Engine.SIMULATION);
            if (theory == null && simulation == null) {
                continue; // every engine of the point diverged
            }
            KeyOverride setting = point.settings().get(0);
            String label = setting.key().substring(setting.key().lastIndexOf('.') + 1) + "=" + setting.value();
            curves.add(new TrajectoryOverlay.Curve(label, theory, simulation,
                    point.timeScale()));
        }
        return curves.isEmpty() ? Optional.empty() : Optional.of(new TrajectoryOverlay(plan.name() + ": every point's"
                + " trajectory (" + plan.keys().get(0) + ")", curves, FigureSpec.standardPanels(false)));
    }

    /** An engine's table in a point's folder, or null when that engine did not run. */
    private static Trajectory read(Path output, Engine engine) {
        Path table = output.resolve(OutputFolder.table(engine));
        return Files.isRegularFile(table) ? PointSummary.parse(table, text -> CsvTables.readTrajectory(text, engine))
                : null;
    }
}
