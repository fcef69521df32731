package org.dmftlab.app.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeFunctions.Function;
import org.dmftlab.core.problem.TwoTimeGrid;

/**
 * The CSV tables of a run (DESIGN.md, "Output folder"), written and read back. Numbers are written with
 * {@link Double#toString}: the shortest text that reads back to the same double, independent of the locale, so a
 * run repeated with the same seeds gives byte-identical files and reading a table gives the numbers that were
 * written. {@code NaN} marks an unknown value or error. Lines end with {@code \n}. Columns are read by their names
 * in the header, so a reader does not depend on their order.
 */
public final class CsvTables {

    private static final String COMPARISON_HEADER = "observable,max_abs_difference,max_difference_over_error";

    private CsvTables() {
    }

    /**
     * The suffix of an engine's error columns: {@code _mc} for the theory (its Monte-Carlo error), {@code _se} for
     * the simulation (standard error over seeds).
     */
    public static String errorSuffix(Engine engine) {
        return engine == Engine.THEORY ? "_mc" : "_se";
    }

    /**
     * One row per step t = 0…T: {@code step,m,q,M,Q,train_loss,test_loss,test_error}, then the error of each
     * observable in the same order, named {@code <observable><suffix>} ({@link #errorSuffix}).
     */
    public static String trajectory(Trajectory trajectory, Engine engine) {
        StringBuilder csv = new StringBuilder("step");
        for (Observable observable : Observable.values()) {
            csv.append(',').append(observable.column());
        }
        for (Observable observable : Observable.values()) {
            csv.append(',').append(observable.column()).append(errorSuffix(engine));
        }
        csv.append('\n');
        for (int t = 0; t <= trajectory.steps(); t++) {
            csv.append(t);
            for (Observable observable : Observable.values()) {
                csv.append(',').append(trajectory.value(observable, t));
            }
            for (Observable observable : Observable.values()) {
                csv.append(',').append(trajectory.error(observable, t));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /**
     * Reads a table written by {@link #trajectory}: values and errors by column name, rows t = 0…T.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not such a table
     */
    public static Trajectory readTrajectory(String csv, Engine engine) {
        List<String[]> rows = rows(csv);
        List<String> header = Arrays.asList(rows.get(0));
        int step = column(header, "step");
        Trajectory trajectory = new Trajectory(rows.size() - 2);
        for (int t = 0; t <= trajectory.steps(); t++) {
            String[] row = cells(rows, t + 1, header.size());
            if (Integer.parseInt(row[step]) != t) {
                throw new IllegalArgumentException("row " + (t + 1) + " is step " + row[step] + ", expected " + t);
            }
            for (Observable observable : Observable.values()) {
                trajectory.set(observable, t, number(row[column(header, observable.column())]),
                        number(row[column(header, observable.column() + errorSuffix(engine))]));
            }
        }
        return trajectory;
    }

    /**
     * The two-time functions of SPEC §3.1 in long format, one row per pair s ≤ t of the grid (t, then s, increasing):
     * {@code t,s}, then per engine that recorded them its functions and their errors, {@code theory_C,theory_C_mc,
     * theory_R,theory_R_mc} and {@code simulation_C,simulation_C_se} (the simulation has no response).
     *
     * @param theory     the theory's functions, or null
     * @param simulation the simulation's functions, or null
     */
    public static String twoTime(TwoTimeFunctions theory, TwoTimeFunctions simulation) {
        TwoTimeGrid grid = (theory != null ? theory : simulation).grid();
        StringBuilder csv = new StringBuilder("t,s");
        List<TwoTimeColumn> columns = TwoTimeColumn.of(theory, simulation);
        for (TwoTimeColumn column : columns) {
            csv.append(',').append(column.name()).append(',').append(column.name())
                    .append(errorSuffix(column.engine()));
        }
        csv.append('\n');
        for (int i = 0; i < grid.size(); i++) {
            for (int j = 0; j <= i; j++) {
                csv.append(grid.step(i)).append(',').append(grid.step(j));
                for (TwoTimeColumn column : columns) {
                    csv.append(',').append(column.table().value(column.function(), i, j)).append(',')
                            .append(column.table().error(column.function(), i, j));
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    /** One function of one engine in {@code two-time.csv}. */
    private record TwoTimeColumn(Engine engine, Function function, TwoTimeFunctions table) {

        static List<TwoTimeColumn> of(TwoTimeFunctions theory, TwoTimeFunctions simulation) {
            List<TwoTimeColumn> columns = new ArrayList<>();
            if (theory != null) {
                for (Function function : Function.values()) {
                    columns.add(new TwoTimeColumn(Engine.THEORY, function, theory));
                }
            }
            if (simulation != null) {
                columns.add(new TwoTimeColumn(Engine.SIMULATION, Function.CORRELATION, simulation));
            }
            return columns;
        }

        String name() {
            return engine.key() + "_" + function.column();
        }
    }

    /** {@code observable,max_abs_difference,max_difference_over_error}, one row per observable. */
    public static String comparison(List<ObservableComparison> rows) {
        StringBuilder csv = new StringBuilder(COMPARISON_HEADER).append('\n');
        for (ObservableComparison row : rows) {
            csv.append(row.observable().column()).append(',').append(row.maxAbsDifference()).append(',')
                    .append(row.maxDifferenceOverError()).append('\n');
        }
        return csv.toString();
    }

    /**
     * Reads a table written by {@link #comparison}, rows in file order.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not such a table
     */
    public static List<ObservableComparison> readComparison(String csv) {
        List<String[]> rows = rows(csv);
        List<String> header = Arrays.asList(rows.get(0));
        int name = column(header, "observable");
        int difference = column(header, "max_abs_difference");
        int ratio = column(header, "max_difference_over_error");
        List<ObservableComparison> comparisons = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = cells(rows, r, header.size());
            comparisons.add(new ObservableComparison(observable(row[name]), number(row[difference]),
                    number(row[ratio])));
        }
        return comparisons;
    }

    /** The non-empty lines split at commas; at least a header and one row. */
    private static List<String[]> rows(String csv) {
        List<String[]> rows = csv.lines().filter(line -> !line.isEmpty()).map(line -> line.split(",", -1)).toList();
        if (rows.size() < 2) {
            throw new IllegalArgumentException("a table needs a header and at least one row");
        }
        return rows;
    }

    private static String[] cells(List<String[]> rows, int index, int columns) {
        String[] row = rows.get(index);
        if (row.length != columns) {
            throw new IllegalArgumentException("row " + index + " has " + row.length + " cells, the header " + columns);
        }
        return row;
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in the header " + String.join(",", header));
        }
        return index;
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + cell + "' is not a number");
        }
    }

    private static Observable observable(String column) {
        return Observable.ofColumn(column)
                .orElseThrow(() -> new IllegalArgumentException("'" + column + "' is not an observable"));
    }
}
