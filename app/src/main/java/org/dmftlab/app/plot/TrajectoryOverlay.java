package org.dmftlab.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The trajectories of every point of a sweep over one key in one figure ({@code trajectories.png}): one panel per
 * observable, one colour per point, the theory as a line and the simulation as open markers in the same colour (the
 * legend names the points), each point on its own time scale. With {@code figure: {time-unit: eta-t}} runs at different learning rates share the gradient-flow time
 * τ = Σ_{s<t} η_s (SPEC §2.2), so as η → 0 their curves collapse onto the gradient-flow limit. JFreeChart, headless.
 *
 * @param title       the sweep's name; one line per {@code \n}
 * @param curves      one per point, in grid order
 * @param observables panels, in reading order
 */
public record TrajectoryOverlay(String title, List<Curve> curves, List<Observable> observables) {

    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 460;
    private static final int COLUMNS = 2;
    /** At most this many simulation markers per curve. */
    private static final int MAX_MARKERS = 25;
    private static final Color[] PALETTE = {new Color(0x1f, 0x4e, 0x9c), new Color(0xc8, 0x3e, 0x1d),
        new Color(0x2a, 0x8c, 0x4a), new Color(0x8e, 0x44, 0xad), new Color(0xd3, 0x8b, 0x0e),
        new Color(0x17, 0x9c, 0xa8), new Color(0x55, 0x55, 0x55)};

    /**
     * One point's trajectories.
     *
     * @param label      the point's grid value, e.g. {@code learning-rate=0.1}
     * @param theory     its theory, or null
     * @param simulation its simulation, or null
     * @param time       where its steps are drawn
     */
    public record Curve(String label, Trajectory theory, Trajectory simulation, TimeScale time) {
        public Curve {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(time, "time");
        }
    }

    public TrajectoryOverlay {
        Objects.requireNonNull(title, "title");
        curves = List.copyOf(curves);
        observables = List.copyOf(observables);
        if (curves.isEmpty() || observables.isEmpty()) {
            throw new IllegalArgumentException("an overlay needs at least one curve and one observable");
        }
    }

    private PanelGrid layout() {
        return new PanelGrid(title, COLUMNS, PANEL_WIDTH, PANEL_HEIGHT);
    }

    /** Height in pixels. */
    public int height() {
        return layout().height(observables.size());
    }

    /** Writes the figure as PNG. */
    public void writePng(OutputStream out) throws IOException {
        List<JFreeChart> panels = new ArrayList<>();
        for (Observable observable : observables) {
            panels.add(panel(observable));
        }
        layout().writePng(panels, out);
    }

    private JFreeChart panel(Observable observable) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            Color colour = PALETTE[c % PALETTE.length];
            if (curve.theory() != null) {
                int series = add(data, curve.label(), curve.theory(), observable, curve.time(), 1);
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesStroke(series, new BasicStroke(2.2f));
                renderer.setSeriesShapesVisible(series, false);
            }
            if (curve.simulation() != null) {
                int stride = Math.max(1, (curve.time().steps() + 1 + MAX_MARKERS - 1) / MAX_MARKERS);
                int series = add(data, curve.label() + (curve.theory() == null ? "" : " (simulation)"),
                        curve.simulation(), observable, curve.time(), stride);
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesLinesVisible(series, curve.theory() == null);
                renderer.setSeriesVisibleInLegend(series, curve.theory() == null);
                renderer.setSeriesShape(series, new Ellipse2D.Double(-4, -4, 8, 8));
                renderer.setSeriesShapesFilled(series, false);
            }
        }
        NumberAxis values = new NumberAxis(observable.column());
        values.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, RunFigure.timeAxis(curves.get(0).time()), values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(observable.column(), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Adds every {@code stride}-th drawable step of a trajectory (and the last) as a series; returns its index. */
    private static int add(XYSeriesCollection data, String name, Trajectory trajectory, Observable observable,
                           TimeScale time, int stride) {
        XYSeries series = new XYSeries(name, false);
        for (int t : RunFigure.drawableSteps(time)) {
            double value = trajectory.value(observable, t);
            if ((t % stride == 0 || t == time.steps()) && Double.isFinite(value)) {
                series.add(time.position(t), value);
            }
        }
        data.addSeries(series);
        return data.getSeriesCount() - 1;
    }
}
