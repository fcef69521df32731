package org.dmftlab.app.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * One heatmap panel: coloured cells centred at (x, y) with a colour bar on the right (JFreeChart's
 * {@link XYBlockRenderer} and {@link PaintScaleLegend}), optionally with marks drawn over cells. Shared by every
 * figure that draws heatmaps.
 */
final class Heatmap {

    /** A sequential scale (dark blue → teal → yellow, after viridis) and a diverging one (blue → white → red). */
    private static final Color[] SEQUENTIAL = {new Color(0x44, 0x01, 0x54), new Color(0x3b, 0x52, 0x8b),
        new Color(0x21, 0x90, 0x8d), new Color(0x5d, 0xc8, 0x63), new Color(0xfd, 0xe7, 0x25)};
    private static final Color[] DIVERGING = {new Color(0x21, 0x66, 0xac), new Color(0x92, 0xc5, 0xde),
        Color.WHITE, new Color(0xf4, 0xa5, 0x82), new Color(0xb2, 0x18, 0x2b)};

    /** One cell: its centre and value. */
    record Cell(double x, double y, double value) {
    }

    private Heatmap() {
    }

    /**
     * A colour scale over the finite values: sequential from the lowest to the highest, or diverging and symmetric
     * about 0; widened a little when all values are equal, [0, 1] when there are none.
     */
    static ColourScale scale(double[] values, boolean diverging) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        if (low > high) {
            low = 0;
            high = 1;
        }
        if (diverging) {
            double extent = Math.max(Math.max(Math.abs(low), Math.abs(high)), Double.MIN_NORMAL);
            return new ColourScale(-extent, extent, DIVERGING);
        }
        if (!(high > low)) {
            double pad = Math.max(Math.abs(low) * 1e-6, Double.MIN_NORMAL);
            low -= pad;
            high += pad;
        }
        return new ColourScale(low, high, SEQUENTIAL);
    }

    /**
     * The panel.
     *
     * @param title  the panel's title
     * @param cells  the cells (non-finite values are left out)
     * @param across the horizontal axis, up the vertical one
     * @param width  a cell's width and height in axis units
     * @param marks  drawn over the cells (e.g. diverged points)
     */
    static JFreeChart chart(String title, List<Cell> cells, ValueAxis across, ValueAxis up, double width,
                            double height, ColourScale scale, List<XYAnnotation> marks) {
        List<Cell> drawn = cells.stream().filter(cell -> Double.isFinite(cell.value())).toList();
        double[][] series = new double[3][drawn.size()];
        for (int c = 0; c < drawn.size(); c++) {
            series[0][c] = drawn.get(c).x();
            series[1][c] = drawn.get(c).y();
            series[2][c] = drawn.get(c).value();
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(title, series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(width);
        renderer.setBlockHeight(height);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setPaintScale(scale);
        across.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        up.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        XYPlot plot = new XYPlot(dataset, across, up, renderer);
        plot.setBackgroundPaint(new Color(0xf2, 0xf2, 0xf2));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        marks.forEach(plot::addAnnotation);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis bar = new NumberAxis();
        bar.setRange(scale.getLowerBound(), scale.getUpperBound());
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

    /** A colour scale interpolated linearly between evenly spaced anchor colours over [low, high]. */
    record ColourScale(double low, double high, Color[] anchors) implements PaintScale {

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Color getPaint(double value) {
            double position = Math.max(0, Math.min(1, (value - low) / (high - low))) * (anchors.length - 1);
            int below = Math.min((int) position, anchors.length - 2);
            double f = position - below;
            Color a = anchors[below];
            Color b = anchors[below + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }

        /** Whether the colour of a value is dark (relative luminance below ½): text over it is best white. */
        boolean dark(double value) {
            Color colour = getPaint(value);
            return 0.2126 * colour.getRed() + 0.7152 * colour.getGreen() + 0.0722 * colour.getBlue() < 128;
        }
    }
}
