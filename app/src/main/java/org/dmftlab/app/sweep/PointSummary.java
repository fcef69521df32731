package org.dmftlab.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.output.CsvTables;
import org.dmftlab.app.output.ObservableComparison;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;

/**
 * The summary of one grid point, read back from its folder (so a point skipped on resume is summarised like a
 * fresh one). Columns, for each engine that ran ({@code theory}, {@code simulation}):
 * {@code <engine>_final_<observable>} (the value at t = T) for every observable and
 * {@code <engine>_best_<observable>} (the minimum over t) for the losses and the test error, where lower is
 * better; when both ran, per observable {@code distance_<observable>} (max over t of |theory − simulation| over
 * the combined error) and {@code max_abs_difference_<observable>}, from {@code comparison.csv}.
 *
 * @param point    the grid point
 * @param complete whether its folder holds a complete run ({@code run.json})
 * @param columns  summary column → value, in the order above; empty when incomplete
 */
record PointSummary(SweepPoint point, boolean complete, Map<String, Double> columns) {

    /** Observables whose minimum over time is their best value. */
    private static final Set<Observable> LOWER_IS_BETTER =
            EnumSet.of(Observable.TRAIN_LOSS, Observable.TEST_LOSS, Observable.TEST_ERROR);

    /**
     * Reads the tables in {@code folder} ({@link CsvTables}).
     *
     * @throws RunFailedException {@code output/read-failed} when a table cannot be read back
     */
    static PointSummary read(SweepPoint point, OutputFolder folder) {
        Map<String, Double> columns = new LinkedHashMap<>();
        if (!folder.complete()) {
            return new PointSummary(point, false, columns);
        }
        for (Engine engine : Engine.values()) {
            Path table = folder.path().resolve(OutputFolder.table(engine));
            if (!Files.isRegularFile(table)) {
                continue;
            }
            Trajectory trajectory = parse(table, text -> CsvTables.readTrajectory(text, engine));
            int last = trajectory.steps();
            for (Observable observable : Observable.values()) {
                columns.put(engine.key() + "_final_" + observable.column(), trajectory.value(observable, last));
                if (LOWER_IS_BETTER.contains(observable)) {
                    double best = Double.NaN;
                    for (int t = 0; t <= last; t++) {
                        double value = trajectory.value(observable, t);
                        best = Double.isNaN(best) ? value : Math.min(best, value);
                    }
                    columns.put(engine.key() + "_best_" + observable.column(), best);
                }
            }
        }
        Path comparison = folder.path().resolve(OutputFolder.COMPARISON);
        if (Files.isRegularFile(comparison)) {
            for (ObservableComparison row : parse(comparison, CsvTables::readComparison)) {
                columns.put("distance_" + row.observable().column(), row.maxDifferenceOverError());
                columns.put("max_abs_difference_" + row.observable().column(), row.maxAbsDifference());
            }
        }
        return new PointSummary(point, true, columns);
    }

    static <T> T parse(Path csv, Function<String, T> reader) {
        try {
            return reader.apply(Files.readString(csv));
        } catch (IOException | IllegalArgumentException failure) {
            throw new RunFailedException(OutputError.READ_FAILED, "cannot read " + csv + ": " + failure);
        }
    }
}
