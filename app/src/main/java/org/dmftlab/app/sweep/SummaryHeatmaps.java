package org.dmftlab.app.sweep;

import java.util.ArrayList;
import java.util.List;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.plot.PhaseDiagram;

/**
 * Turns the summaries of a sweep over two keys into its phase diagram ({@link PhaseDiagram}): the chosen observable
 * at the chosen step ({@link SummaryChoice}) of every point, one heatmap per engine that ran, the first key across and
 * the second up; a point that diverged is marked {@code × t=k} with its step, one that failed {@code failed}.
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
                marks[u][a] = switch (summary.status()) {
                    case DIVERGED -> "× t=" + summary.divergedAt().orElseThrow();
                    case FAILED -> "failed";
                    default -> null;
                };
            }
            panels.add(new PhaseDiagram.Panel(engine == Engine.THEORY ? "DMFT theory" : "simulation", values, marks));
        }
        return new PhaseDiagram(plan.name() + ": " + plan.summary().label() + "\n× t=k: the run diverged at step k"
                + " (summary.csv: status, reason, diverged_at)", new PhaseDiagram.Axis(plan.keys().get(0), across),
                new PhaseDiagram.Axis(plan.keys().get(1), up), panels);
    }
}
