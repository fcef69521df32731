package org.dmftlab.app.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeFunctions.Function;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The heatmaps of the two-time functions of SPEC §3.1 ({@code two-time.png}): the theory's C(t,s), the simulation's,
 * their difference (theory − simulation, on a diverging scale centred at 0) and the theory's response R(t,s), each
 * over s (across) and t (up) in steps, with its colour bar (JFreeChart's {@link XYBlockRenderer} and
 * {@link PaintScaleLegend}), under the run's title. C is drawn on both triangles (it is symmetric), R below the
 * diagonal only (it is causal: R(t,s) = 0 for t ≤ s). Panels of an engine that did not run are left out. Headless.
 *
 * @param title      the run's title; one line per {@code \n}
 * @param theory     the theory's functions, or null
 * @param simulation the simulation's functions, or null
 */
public record TwoTimeFigure(String title, TwoTimeFunctions theory, TwoTimeFunctions simulation) {

    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 600;
    public static final int PANEL_HEIGHT = 560;
    private static final int COLUMNS = 2;
    /** A sequential scale (dark blue → teal → yellow, after viridis) and a diverging one (blue → white → red). */
    private static final Color[] SEQUENTIAL = {new Color(0x44, 0x01, 0x54), new Color(0x3b, 0x52, 0x8b),
        new Color(0x21, 0x90, 0x8d), new Color(0x5d, 0xc8, 0x63), new Color(0xfd, 0xe7, 0x25)};
    private static final Color[] DIVERGING = {new Color(0x21, 0x66, 0xac), new Color(0x92, 0xc5, 0xde),
        Color.WHITE, new Color(0xf4, 0xa5, 0x82), new Color(0xb2, 0x18, 0x2b)};

    public TwoTimeFigure {
        Objects.requireNonNull(title, "title");
        if (theory == null && simulation == null) {
            throw new IllegalArgumentException("a two-time figure needs the theory's or the simulation's functions");
        }
    }

    /** The figure of a run, when an engine that ran recorded two-time functions (either trajectory may be null). */
    public static Optional<TwoTimeFigure> of(String title, Trajectory theory, Trajectory simulation) {
        TwoTimeFunctions first = theory == null ? null : theory.twoTime().orElse(null);
        TwoTimeFunctions second = simulation == null ? null : simulation.twoTime().orElse(null);
        return first == null && second == null ? Optional.empty()
                : Optional.of(new TwoTimeFigure(title, first, second));
    }

    /** One heatmap: its title, values at the pairs (NaN: not drawn), whether it mirrors, and its scale. */
    private record Panel(String name, double[][] values, boolean symmetric, boolean diverging) {
    }

    /** The panels, in reading order. */
    private List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        if (theory != null) {
            panels.add(new Panel("C(t,s), DMFT theory", values(theory, Function.CORRELATION, null), true, false));
        }
        if (simulation != null) {
            panels.add(new Panel("C(t,s), simulation", values(simulation, Function.CORRELATION, null), true, false));
        }
        if (theory != null && simulation != null) {
            panels.add(new Panel("C(t,s): theory − simulation", values(theory, Function.CORRELATION, simulation),
                    true, true));
        }
        if (theory != null) {
            panels.add(new Panel("R(t,s), DMFT theory", values(theory, Function.RESPONSE, null), false, false));
        }
        return panels;
    }

    /** Height in pixels. */
    public int height() {
        return layout().height(panels().size());
    }

    /** Width in pixels: two panels side by side (one when there is a single panel). */
    public int width() {
        return layout().width();
    }

    private PanelGrid layout() {
        return new PanelGrid(title, Math.min(COLUMNS, panels().size()), PANEL_WIDTH, PANEL_HEIGHT);
    }

    /** Writes the figure as PNG. */
    public void writePng(OutputStream out) throws IOException {
        TwoTimeGrid grid = grid();
        layout().writePng(panels().stream().map(panel -> chart(grid, panel)).toList(), out);
    }

    private TwoTimeGrid grid() {
        return (theory != null ? theory : simulation).grid();
    }

    /** values[i][j] = f(i, j) for j ≤ i, minus the other table's when given; NaN above the diagonal. */
    private static double[][] values(TwoTimeFunctions table, Function function, TwoTimeFunctions minus) {
        int size = table.grid().size();
        double[][] values = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                values[i][j] = j > i ? Double.NaN : table.value(function, i, j)
                        - (minus == null ? 0 : minus.value(function, i, j));
            }
        }
        return values;
    }

    private static JFreeChart chart(TwoTimeGrid grid, Panel panel) {
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        int size = grid.size();
        List<double[]> cells = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double value = j < i || (j == i && panel.symmetric()) ? panel.values()[i][j]
                        : panel.symmetric() ? panel.values()[j][i] : Double.NaN;
                if (Double.isFinite(value)) {
                    cells.add(new double[] {grid.step(j), grid.step(i), value});
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        double[][] series = new double[3][cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            for (int k = 0; k < 3; k++) {
                series[k][c] = cells.get(c)[k];
            }
        }
        dataset.addSeries(panel.name(), series);
        if (cells.isEmpty()) {
            low = 0;
            high = 1;
        }
        if (panel.diverging()) {
            double extent = Math.max(Math.max(Math.abs(low), Math.abs(high)), Double.MIN_NORMAL);
            low = -extent;
            high = extent;
        } else if (!(high > low)) {
            double pad = Math.max(Math.abs(low) * 1e-6, Double.MIN_NORMAL);
            low -= pad;
            high += pad;
        }
        GradientScale scale = new GradientScale(low, high, panel.diverging() ? DIVERGING : SEQUENTIAL);
        XYBlockRenderer renderer = new XYBlockRenderer();
        double stride = size > 1 ? grid.step(1) - grid.step(0) : 1;
        renderer.setBlockWidth(stride);
        renderer.setBlockHeight(stride);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setPaintScale(scale);
        double last = grid.step(size - 1);
        NumberAxis across = axis("s (step)", last, stride);
        NumberAxis up = axis("t (step)", last, stride);
        XYPlot plot = new XYPlot(dataset, across, up, renderer);
        plot.setBackgroundPaint(new Color(0xf2, 0xf2, 0xf2));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(panel.name(), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis bar = new NumberAxis();
        bar.setRange(low, high);
        bar.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        PaintScaleLegend legend = new PaintScaleLegend(scale, bar);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(new RectangleInsets(8, 6, 30, 6));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    private static NumberAxis axis(String label, double last, double stride) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-stride / 2, last + stride / 2);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        return axis;
    }

    /** A colour scale interpolated linearly between evenly spaced anchor colours over [low, high]. */
    private record GradientScale(double low, double high, Color[] anchors) implements PaintScale {

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            double position = Math.max(0, Math.min(1, (value - low) / (high - low))) * (anchors.length - 1);
            int below = Math.min((int) position, anchors.length - 2);
            double f = position - below;
            Color a = anchors[below];
            Color b = anchors[below + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
