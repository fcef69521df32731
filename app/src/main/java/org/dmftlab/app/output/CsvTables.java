package org.dmftlab.app.output;

import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * The CSV tables of a run (DESIGN.md, "Output folder"). Numbers are written with {@link Double#toString}: the
 * shortest text that reads back to the same double, independent of the locale, so a run repeated with the same
 * seeds gives byte-identical files. {@code NaN} marks an unknown value or error. Lines end with {@code \n}.
 */
public final class CsvTables {

    private CsvTables() {
    }

    /**
     * One row per step t = 0…T: {@code step,m,q,M,Q,train_loss,test_loss,test_error}, then the error of each
     * observable in the same order, named {@code <observable><errorSuffix>}.
     *
     * @param errorSuffix {@code _se} for the simulation (standard error over seeds), {@code _mc} for the theory
     *                    (Monte-Carlo error)
     */
    public static String trajectory(Trajectory trajectory, String errorSuffix) {
        StringBuilder csv = new StringBuilder("step");
        for (Observable observable : Observable.values()) {
            csv.append(',').append(observable.column());
        }
        for (Observable observable : Observable.values()) {
            csv.append(',').append(observable.column()).append(errorSuffix);
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

    /** {@code observable,max_abs_difference,max_difference_over_error}, one row per observable. */
    public static String comparison(List<ObservableComparison> rows) {
        StringBuilder csv = new StringBuilder("observable,max_abs_difference,max_difference_over_error\n");
        for (ObservableComparison row : rows) {
            csv.append(row.observable().column()).append(',').append(row.maxAbsDifference()).append(',')
                    .append(row.maxDifferenceOverError()).append('\n');
        }
        return csv.toString();
    }
}
