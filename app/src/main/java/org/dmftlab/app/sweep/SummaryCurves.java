package org.dmftlab.app.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.plot.SummaryFigure;

/**
 * Turns the summaries of a sweep into its summary plot: the sweep's chosen observable at its chosen step
 * ({@link SummaryChoice}, by default the final test error) against the first grid key, one curve per combination of
 * the other keys' values and per engine that ran, and a mark at the x value of every point that failed or diverged.
 */
final class SummaryCurves {

    private SummaryCurves() {
    }

    static SummaryFigure.Spec spec(SweepPlan plan, List<PointSummary> summaries) {
        String xKey = plan.keys().get(0);
        List<String> xValues = new ArrayList<>();
        summaries.forEach(summary -> {
            String value = summary.point().settings().get(0).value();
            if (!xValues.contains(value)) {
                xValues.add(value);
            }
        });
        boolean numeric = xValues.stream().allMatch(SummaryCurves::isNumber);
        // label of the other keys' values -> the points with that label, in grid order
        Map<String, List<PointSummary>> groups = new LinkedHashMap<>();
        for (PointSummary summary : summaries) {
            List<KeyOverride> others = summary.point().settings().subList(1, plan.keys().size());
            String label = others.isEmpty() ? plan.name() : String.join(", ", others.stream()
                    .map(setting -> setting.key().substring(setting.key().lastIndexOf('.') + 1) + "="
                            + setting.value()).toList());
            groups.computeIfAbsent(label, ignored -> new ArrayList<>()).add(summary);
        }
        List<SummaryFigure.Curve> curves = new ArrayList<>();
        List<Double> failed = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, List<PointSummary>> group : groups.entrySet()) {
            List<PointSummary> points = group.getValue();
            double[] x = new double[points.size()];
            for (int p = 0; p < x.length; p++) {
                String value = points.get(p).point().settings().get(0).value();
                x[p] = numeric ? Double.parseDouble(value) : xValues.indexOf(value);
                if (points.get(p).status() == PointSummary.Status.FAILED
                        || points.get(p).status() == PointSummary.Status.DIVERGED) {
                    failed.add(x[p]);
                }
            }
            for (Engine engine : Engine.values()) {
                String column = plan.summary().column(engine);
                if (points.stream().anyMatch(point -> point.columns().containsKey(column))) {
                    double[] y = points.stream().mapToDouble(point -> point.columns().getOrDefault(column, Double.NaN))
                            .toArray();
                    curves.add(new SummaryFigure.Curve(group.getKey(), engine == Engine.THEORY, colour, x, y));
                }
            }
            colour++;
        }
        return new SummaryFigure.Spec(plan.name() + ": " + plan.summary().label(), xKey,
                plan.summary().observable().column(), numeric ? List.of() : xValues, curves, failed);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
