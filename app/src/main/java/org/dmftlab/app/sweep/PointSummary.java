package org.dmftlab.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.output.CsvTables;
import org.dmftlab.app.output.EngineDivergence;
import org.dmftlab.app.output.ObservableComparison;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.output.PublishedRun;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;

/**
 * The summary of one grid point. Its values are read back from the point's published folder (so a point skipped
 * on resume is summarised like a fresh one), in the columns of {@link #columns}; so is its divergence, which the
 * point's {@code run.json} records ({@link PublishedRun#diverged()}).
 *
 * @param point    the grid point
 * @param status   complete or diverged (its folder holds a whole run of exactly this point, in which some engine
 *                 diverged), failed (in this sweep run), or pending (not run yet, interrupted, or its folder holds
 *                 another configuration)
 * @param reason   why it failed (the one-line message), or which engines diverged where, else empty
 * @param diverged the engines whose trajectory diverged, as the run recorded them; empty unless diverged
 * @param columns  summary column → value, for the engines that ran to the end; empty unless complete or diverged
 */
record PointSummary(SweepPoint point, Status status, String reason, List<EngineDivergence> diverged,
                    Map<String, Double> columns) {

    /** Where a point stands. */
    enum Status {
        COMPLETE, DIVERGED, FAILED, PENDING;

        /** As written in {@code summary.csv}: {@code complete}, {@code diverged}, {@code failed}, {@code pending}. */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the point's folder holds its result (complete or diverged): a resumed sweep skips it. */
        boolean published() {
            return this == COMPLETE || this == DIVERGED;
        }
    }

    /** Observables whose minimum over time is their best value. */
    private static final Set<Observable> LOWER_IS_BETTER =
            EnumSet.of(Observable.TRAIN_LOSS, Observable.TEST_LOSS, Observable.TEST_ERROR);

    PointSummary {
        diverged = List.copyOf(diverged);
    }

    /** A point that failed, with its message. */
    static PointSummary failed(SweepPoint point, String reason) {
        return new PointSummary(point, Status.FAILED, reason, List.of(), Map.of());
    }

    /** A point that is not complete and has not failed in this run. */
    static PointSummary pending(SweepPoint point) {
        return new PointSummary(point, Status.PENDING, "", List.of(), Map.of());
    }

    /** The first step at which an engine of the point diverged; empty unless diverged. */
    OptionalInt divergedAt() {
        return diverged.stream().mapToInt(EngineDivergence::step).min();
    }

    /** How an engine of the point diverged, if it did. */
    Optional<EngineDivergence> diverged(Engine engine) {
        return diverged.stream().filter(divergence -> divergence.engine() == engine).findFirst();
    }

    /**
     * The summary columns, in their fixed order, for the engines a sweep's points run: per engine (theory, then
     * simulation) the chosen observable at the chosen step when that step is not the last
     * ({@code <engine>_<observable>_at_<step>}, {@link SummaryChoice}), {@code <engine>_final_<observable>} (the value
     * at t = T) for every observable, then
     * {@code <engine>_best_<observable>} (the minimum over t) for the losses and the test error, where lower is
     * better; then, when some point runs both engines, {@code distance_<observable>} (max over t of |theory −
     * simulation| over the combined error) and {@code max_abs_difference_<observable>} for every observable, from
     * {@code comparison.csv}. The order does not depend on which points ran.
     */
    static List<String> columns(Set<Engine> engines, boolean compared, SummaryChoice choice) {
        List<String> columns = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            if (engines.contains(engine)) {
                if (choice.step() != SummaryChoice.LAST) {
                    columns.add(choice.column(engine));
                }
                for (Observable observable : Observable.values()) {
                    columns.add(engine.key() + "_final_" + observable.column());
                }
                for (Observable observable : LOWER_IS_BETTER) {
                    columns.add(engine.key() + "_best_" + observable.column());
                }
            }
        }
        if (compared) {
            for (Observable observable : Observable.values()) {
                columns.add("distance_" + observable.column());
            }
            for (Observable observable : Observable.values()) {
                columns.add("max_abs_difference_" + observable.column());
            }
        }
        return columns;
    }

    /**
     * Reads the tables of a point whose run is published ({@link CsvTables}), and the divergences it records:
     * {@code diverged} when there are any, else {@code complete}.
     *
     * @throws RunFailedException {@code output/read-failed} when a table cannot be read back
     */
    static PointSummary published(SweepPoint point, PublishedRun run, SummaryChoice choice) {
        Map<String, Double> columns = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            if (!run.has(OutputFolder.table(engine))) {
                continue;
            }
            Path table = run.folder().resolve(OutputFolder.table(engine));
            Trajectory trajectory = parse(table, text -> CsvTables.readTrajectory(text, engine));
            int last = trajectory.steps();
            columns.put(choice.column(engine), trajectory.value(choice.observable(), choice.at(last)));
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
        if (run.has(OutputFolder.COMPARISON)) {
            for (ObservableComparison row : parse(run.folder().resolve(OutputFolder.COMPARISON),
                    CsvTables::readComparison)) {
                columns.put("distance_" + row.observable().column(), row.maxDifferenceOverError());
                columns.put("max_abs_difference_" + row.observable().column(), row.maxAbsDifference());
            }
        }
        List<EngineDivergence> diverged = run.diverged();
        return new PointSummary(point, diverged.isEmpty() ? Status.COMPLETE : Status.DIVERGED, diverged.stream()
                .map(EngineDivergence::describe).collect(Collectors.joining("; ")), diverged, columns);
    }

    static <T> T parse(Path csv, Function<String, T> reader) {
        try {
            return reader.apply(Files.readString(csv));
        } catch (IOException | IllegalArgumentException failure) {
            throw new RunFailedException(OutputError.READ_FAILED, "cannot read " + csv + ": " + failure);
        }
    }
}
