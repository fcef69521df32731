package org.dmftlab.app.sweep;

import java.util.ArrayList;
import java.util.List;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.plot.PhaseDiagram;

/**
 * Turns the summaries of a sweep over two keys into its phase diagram ({@link PhaseDiagram}): the chosen observable
 * at the chosen step ({@link SummaryChoice}) of every point, one heatmap per engine that ran, the first key across and
 * the second up; in the panel of an engine that diverged at step k a point is marked {@code × t=k}, and one that
 * failed is marked {@code failed} in every panel.
 */
final class SummaryHeatmaps {

    private SummaryHeatmaps() {
    }

    /** The phase diagram of a sweep whose grid has exactly two keys. */
    static PhaseDiagram of(SweepPlan plan, List<PointSummary> summaries) {
        List<String> across = new ArrayList<>();
        List<String> up = new ArrayList<>();
        for (PointSummary summary : summaries) {
            String a = summary.point().settings().get(0).value();
            String u = summary.point().settings().get(1).value();
            if (!across.contains(a)) {
                across.add(a);
            }
            if (!up.contains(u)) {
                up.add(u);
            }
        }
        List<PhaseDiagram.Panel> panels = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            if (summaries.stream().noneMatch(summary -> summary.point().engines().contains(engine))) {
                continue;
            }
            double[][] values = new double[up.size()][across.size()];
            String[][] marks = new String[up.size()][across.size()];
            for (PointSummary summary : summaries) {
                int a = across.indexOf(summary.point().settings().get(0).value());
                int u = up.indexOf(summary.point().settings().get(1).value());
                values[u][a] = summary.columns().getOrDefault(plan.summary().column(engine), Double.NaN);
                marks[u][a] = summary.status() == PointSummary.Status.FAILED ? "failed"
                        : summary.diverged(engine).map(divergence -> "× t=" + divergence.step()).orElse(null);
            }
            panels.add(new PhaseDiagram.Panel(engine == Engine.THEORY ? "DMFT theory" : "simulation", values, marks));
        }
        return new PhaseDiagram(plan.name() + ": " + plan.summary().label() + "\n× t=k: the run diverged at step k"
                + " (summary.csv: status, reason, diverged_at)", new PhaseDiagram.Axis(plan.keys().get(0), across),
                new PhaseDiagram.Axis(plan.keys().get(1), up), panels);
    }
}
