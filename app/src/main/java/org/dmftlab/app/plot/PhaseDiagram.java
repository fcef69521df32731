package org.dmftlab.app.plot;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.ui.TextAnchor;

/**
 * The phase diagram of a sweep over a 2-D grid ({@code summary.png}): an observable at a step over the grid, one
 * heatmap per engine side by side (theory, simulation) on one shared colour scale (of log10 of the values when they
 * are positive and span more than two decades, as near a divergence boundary), the first grid key across and the
 * second up, one cell per point with the values as tick labels and, up to {@value #LABELLED_COLUMNS} columns, the
 * cell's value written in it (as colours near a divergence boundary span many decades). A point without a value is a
 * grey cell, marked
 * {@code × t=k} when its run diverged at step k, {@code failed} when it failed otherwise ({@code summary.csv} has the
 * reason), and left blank while pending. JFreeChart, headless.
 *
 * @param title  the sweep's name and what is drawn; one line per {@code \n}
 * @param across the first grid key and its values
 * @param up     the second grid key and its values
 * @param panels one per engine, in reading order
 */
public record PhaseDiagram(String title, Axis across, Axis up, List<Panel> panels) {

    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 560;
    private static final Color MARK = new Color(0x9b, 0x00, 0x1c);
    /** Values spanning more decades than this are coloured by their logarithm. */
    private static final int DECADES = 2;
    /** Up to this many columns, each cell with a value also shows it (three significant digits). */
    private static final int LABELLED_COLUMNS = 8;

    /**
     * A grid key and its values (as written in the sweep file).
     *
     * @param key    the dotted key
     * @param values its values, in grid order
     */
    public record Axis(String key, List<String> values) {
        public Axis {
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
        }
    }

    /**
     * One engine's heatmap.
     *
     * @param name   the panel's title, e.g. {@code DMFT theory}
     * @param values values[u][a] at across value a and up value u; NaN where unknown
     * @param marks  marks[u][a]: what happened to a point without a value ({@code × t=12}, {@code failed}), or null
     */
    public record Panel(String name, double[][] values, String[][] marks) {
    }

    public PhaseDiagram {
        Objects.requireNonNull(title, "title");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a phase diagram needs at least one panel");
        }
    }

    /** Width in pixels. */
    public int width() {
        return layout().width();
    }

    /** Height in pixels. */
    public int height() {
        return layout().height(panels.size());
    }

    private PanelGrid layout() {
        return new PanelGrid(title, panels.size(), PANEL_WIDTH, PANEL_HEIGHT);
    }

    /** Writes the figure as PNG. */
    public void writePng(OutputStream out) throws IOException {
        double[] all = panels.stream().flatMap(panel -> Stream.of(panel.values())).flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite).toArray();
        boolean log = logarithmic(all);
        Heatmap.ColourScale scale = Heatmap.scale(log ? Arrays.stream(all).map(Math::log10).toArray() : all, false);
        boolean labelled = across.values().size() <= LABELLED_COLUMNS;
        List<JFreeChart> charts = new ArrayList<>();
        for (Panel panel : panels) {
            List<Heatmap.Cell> cells = new ArrayList<>();
            List<XYAnnotation> marks = new ArrayList<>();
            for (int u = 0; u < up.values().size(); u++) {
                for (int a = 0; a < across.values().size(); a++) {
                    double value = panel.values()[u][a];
                    double coloured = log ? Math.log10(value) : value;
                    cells.add(new Heatmap.Cell(a, u, coloured));
                    String mark = panel.marks()[u][a];
                    if (mark != null) {
                        marks.add(text(mark, a, u, Font.BOLD, MARK));
                    } else if (labelled && Double.isFinite(value)) {
                        marks.add(text(String.format(Locale.ROOT, "%.3g", value), a, u, Font.PLAIN,
                                scale.dark(coloured) ? Color.WHITE : Color.BLACK));
                    }
                }
            }
            charts.add(Heatmap.chart(panel.name() + (log ? " (colour: log10)" : ""), cells, axis(across), axis(up), 1,
                    1, scale, marks));
        }
        layout().writePng(charts, out);
    }

    private static XYTextAnnotation text(String label, int a, int u, int style, Color colour) {
        XYTextAnnotation text = new XYTextAnnotation(label, a, u);
        text.setFont(new Font(Font.SANS_SERIF, style, 13));
        text.setPaint(colour);
        text.setTextAnchor(TextAnchor.CENTER);
        return text;
    }

    /** Whether the values are positive and span more than {@value #DECADES} decades: then colours are log10. */
    static boolean logarithmic(double[] values) {
        double low = Arrays.stream(values).min().orElse(1);
        double high = Arrays.stream(values).max().orElse(1);
        return low > 0 && high / low > Math.pow(10, DECADES);
    }

    private static SymbolAxis axis(Axis axis) {
        SymbolAxis symbols = new SymbolAxis(axis.key(), axis.values().toArray(String[]::new));
        symbols.setGridBandsVisible(false);
        symbols.setRange(-0.5, axis.values().size() - 0.5);
        return symbols;
    }
}
