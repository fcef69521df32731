package org.dmftlab.app.sweep;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dmftlab.app.experiment.KeyOverride;

/**
 * {@code summary.csv} of a sweep: one row per grid point in grid order, with the grid keys (values as written),
 * {@code folder}, {@code status} ({@code complete} or {@code failed}) and then the columns of
 * {@link PointSummary}, their union over the points in order of appearance; a value a point lacks is
 * {@code NaN}. Numbers as in the run tables ({@link Double#toString}).
 */
final class SummaryTable {

    private SummaryTable() {
    }

    static String csv(List<String> keys, List<PointSummary> summaries) {
        Set<String> columns = new LinkedHashSet<>();
        summaries.forEach(summary -> columns.addAll(summary.columns().keySet()));
        StringBuilder csv = new StringBuilder(String.join(",", keys)).append(",folder,status");
        columns.forEach(column -> csv.append(',').append(column));
        csv.append('\n');
        for (PointSummary summary : summaries) {
            for (KeyOverride setting : summary.point().settings()) {
                csv.append(setting.value()).append(',');
            }
            csv.append(summary.point().folder()).append(',').append(summary.complete() ? "complete" : "failed");
            for (String column : columns) {
                csv.append(',').append(summary.columns().getOrDefault(column, Double.NaN));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
