package org.dmftlab.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dmftlab.core.problem.Observable;

/**
 * A run's trajectories as one table in long form, one row per engine, step and observable: the shape data-frame
 * libraries (Tablesaw, a notebook's pandas through JSON, R's tidyverse) take without conversion. Rows are ordered by
 * engine (theory first), then step, then observable in {@link Observable} order. Immutable.
 *
 * @since 0.1.0
 */
public final class ResultTable {

    /**
     * One cell of an engine's table.
     *
     * @param engine     {@code theory} or {@code simulation}
     * @param step       t, 0…T
     * @param observable the observable
     * @param value      its value at t
     * @param error      its error at t (0 when exact, NaN when unknown)
     * @since 0.1.0
     */
    public record Row(String engine, int step, Observable observable, double value, double error) {
    }

    private final List<Row> rows;

    ResultTable(List<Series> series) {
        List<Row> all = new ArrayList<>();
        for (Series engine : series) {
            for (int t = 0; t <= engine.steps(); t++) {
                for (Observable observable : Observable.values()) {
                    all.add(new Row(engine.engine(), t, observable, engine.value(observable, t),
                            engine.error(observable, t)));
                }
            }
        }
        rows = List.copyOf(all);
    }

    /** Every row, in table order. */
    public List<Row> rows() {
        return rows;
    }

    /** The rows as a stream, for filtering and grouping. */
    public Stream<Row> stream() {
        return rows.stream();
    }

    /** The table as CSV text: {@code engine,step,observable,value,error}, one line per row. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("engine,step,observable,value,error\n");
        for (Row row : rows) {
            csv.append(row.engine()).append(',').append(row.step()).append(',').append(row.observable().column())
                    .append(',').append(row.value()).append(',').append(row.error()).append('\n');
        }
        return csv.toString();
    }
}
