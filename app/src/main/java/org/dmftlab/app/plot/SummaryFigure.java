package org.dmftlab.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The summary plot of a sweep: a final observable (the test error) against one grid parameter, one curve per
 * value of the other parameters; theory curves are lines with markers, simulation curves markers only, in the same
 * colour for the same parameters; a point that failed is a cross at its x value on the bottom edge of the data. A
 * numeric parameter gets a number axis, a textual one (e.g. an optimizer id) one tick per value. JFreeChart,
 * headless, {@value #WIDTH} × {@value #HEIGHT} pixels.
 */
public final class SummaryFigure {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 640;

    private static final Color[] PALETTE = {new Color(0x1f, 0x4e, 0x9c), new Color(0xc8, 0x3e, 0x1d),
        new Color(0x2a, 0x8c, 0x4a), new Color(0x8e, 0x44, 0xad), new Color(0xd3, 0x8b, 0x0e),
        new Color(0x17, 0x9c, 0xa8), new Color(0x55, 0x55, 0x55)};

    /** Renders a {@link Spec} as PNG; {@link SummaryFigure#writePng} is the standard one (bound in app's wiring). */
    @FunctionalInterface
    public interface Writer {
        /** Writes {@code spec} as PNG to {@code out} (the caller closes it). */
        void writePng(Spec spec, OutputStream out) throws IOException;
    }

    /**
     * One curve.
     *
     * @param label  the values of the other grid parameters, e.g. {@code batch-fraction=0.5}
     * @param theory whether it comes from the theory (a line) or the simulation (markers)
     * @param colour index into the palette, shared by the theory and simulation curves of one label
     * @param x      positions on the x axis (values, or indices of {@link Spec#categories()})
     * @param y      the observable; NaN (a failed point) is left out
     */
    public record Curve(String label, boolean theory, int colour, double[] x, double[] y) {
    }

    /**
     * What the plot shows.
     *
     * @param title      the sweep's name and what is plotted
     * @param xLabel     the grid key on the x axis
     * @param yLabel     the observable
     * @param categories tick labels when the x parameter is textual, else empty (a number axis)
     * @param curves     the curves, in legend order
     * @param failed     the x positions of the points that failed (their value is unknown)
     */
    public record Spec(String title, String xLabel, String yLabel, List<String> categories, List<Curve> curves,
                       List<Double> failed) {
        public Spec {
            Objects.requireNonNull(title, "title");
            categories = List.copyOf(categories);
            curves = List.copyOf(curves);
            failed = List.copyOf(failed);
        }
    }

    /** The legend of the failed points' marks. */
    static final String FAILED = "failed (reason in summary.csv)";
    private static final Color FAILED_COLOUR = new Color(0xb0, 0x00, 0x20);

    private SummaryFigure() {
    }

    /** Writes the plot as PNG. */
    public static void writePng(Spec spec, OutputStream out) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int i = 0; i < spec.curves().size(); i++) {
            Curve curve = spec.curves().get(i);
            XYSeries series = new XYSeries(curve.label() + (curve.theory() ? " (theory)" : " (simulation)"), false);
            for (int p = 0; p < curve.x().length; p++) {
                if (!Double.isNaN(curve.y()[p])) {
                    series.add(curve.x()[p], curve.y()[p]);
                }
            }
            data.addSeries(series);
            renderer.setSeriesPaint(i, PALETTE[curve.colour() % PALETTE.length]);
            renderer.setSeriesLinesVisible(i, curve.theory());
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
            double size = curve.theory() ? 6 : 9;
            renderer.setSeriesShape(i, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
            renderer.setSeriesShapesFilled(i, curve.theory());
        }
        if (!spec.failed().isEmpty()) {
            XYSeries marks = new XYSeries(FAILED, false);
            double bottom = bottom(spec.curves());
            spec.failed().forEach(x -> marks.add((double) x, bottom));
            int i = data.getSeriesCount();
            data.addSeries(marks);
            renderer.setSeriesPaint(i, FAILED_COLOUR);
            renderer.setSeriesLinesVisible(i, false);
            renderer.setSeriesShape(i, ShapeUtils.createDiagonalCross(5, 1.5f));
            renderer.setSeriesShapesFilled(i, true);
        }
        ValueAxis xAxis;
        if (spec.categories().isEmpty()) {
            NumberAxis numbers = new NumberAxis(spec.xLabel());
            numbers.setAutoRangeIncludesZero(false);
            xAxis = numbers;
        } else {
            xAxis = new SymbolAxis(spec.xLabel(), spec.categories().toArray(String[]::new));
        }
        NumberAxis yAxis = new NumberAxis(spec.yLabel());
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        ImageIO.write(image, "png", out);
    }

    /** The lowest value any curve shows (0 when none shows a value), where the failed points are marked. */
    private static double bottom(List<Curve> curves) {
        double bottom = Double.POSITIVE_INFINITY;
        for (Curve curve : curves) {
            for (double y : curve.y()) {
                if (Double.isFinite(y)) {
                    bottom = Math.min(bottom, y);
                }
            }
        }
        return Double.isFinite(bottom) ? bottom : 0;
    }
}
