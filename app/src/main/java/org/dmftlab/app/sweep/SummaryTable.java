package org.dmftlab.app.sweep;

import java.util.List;
import org.dmftlab.app.experiment.KeyOverride;

/**
 * {@code summary.csv} of a sweep: one row per grid point in grid order, with the grid keys (values as written),
 * {@code folder}, {@code status} ({@code complete}, {@code diverged}, {@code failed} or {@code pending},
 * {@link PointSummary}), {@code reason} (why a point failed or diverged, quoted), {@code diverged_at} (the step at
 * which a diverged point's run diverged, else empty) and then the columns of {@link PointSummary#columns}, in their fixed
 * order; a value a point lacks is {@code NaN}. Numbers as in the run tables ({@link Double#toString}); a text
 * holding a comma, a quote or a line break is quoted as in RFC 4180.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    static String csv(List<String> keys, List<String> columns, List<PointSummary> summaries) {
        StringBuilder csv = new StringBuilder();
        keys.forEach(key -> csv.append(text(key)).append(','));
        csv.append("folder,status,reason,diverged_at");
        columns.forEach(column -> csv.append(',').append(column));
        csv.append('\n');
        for (PointSummary summary : summaries) {
            for (KeyOverride setting : summary.point().settings()) {
                csv.append(text(setting.value())).append(',');
            }
            csv.append(text(summary.point().folder())).append(',').append(summary.status().key()).append(',')
                    .append(text(summary.reason())).append(',');
            summary.divergedAt().ifPresent(csv::append);
            for (String column : columns) {
                csv.append(',').append(summary.columns().getOrDefault(column, Double.NaN));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** A text cell: as is, or quoted with doubled quotes when it holds a comma, a quote or a line break. */
    private static String text(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
