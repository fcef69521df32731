package org.dmftlab.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.IntStream;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Renders a run as one PNG: a grid of panels, one per observable, each with the DMFT curve as a line inside its
 * ±1 Monte-Carlo-error band and the simulation as points with ±1 standard-error bars (JFreeChart's
 * {@link DeviationRenderer} and {@link XYErrorRenderer}), under a title with the key parameters. Headless.
 */
public final class RunFigure {

    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 440;
    private static final int COLUMNS = 2;
    /** At most this many simulation points per panel. */
    private static final int MAX_POINTS = 60;

    private static final Color THEORY = new Color(0x1f, 0x4e, 0x9c);
    private static final Color THEORY_BAND = new Color(0x1f, 0x4e, 0x9c, 60);
    private static final Color SIMULATION = new Color(0xc8, 0x3e, 0x1d);

    private RunFigure() {
    }

    /** Width in pixels of every figure. */
    public static final int WIDTH = COLUMNS * PANEL_WIDTH;

    /** Height in pixels of the figure of a spec. */
    public static int height(FigureSpec spec) {
        return layout(spec).height(spec.observables().size());
    }

    private static PanelGrid layout(FigureSpec spec) {
        return new PanelGrid(spec.title(), COLUMNS, PANEL_WIDTH, PANEL_HEIGHT);
    }

    /** Writes the figure as PNG. */
    public static void writePng(FigureSpec spec, OutputStream out) throws IOException {
        int[] pointSteps = pointSteps(spec);
        layout(spec).writePng(spec.observables().stream().map(observable -> panel(spec, observable, pointSteps))
                .toList(), out);
    }

    private static JFreeChart panel(FigureSpec spec, Observable observable, int[] pointSteps) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(timeAxis(spec.time()));
        NumberAxis valueAxis = new NumberAxis(observable.column());
        valueAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(valueAxis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        int index = 0;
        if (spec.theory() != null) {
            DeviationRenderer line = new DeviationRenderer(true, false);
            line.setSeriesPaint(0, THEORY);
            line.setSeriesFillPaint(0, THEORY_BAND);
            line.setSeriesStroke(0, new BasicStroke(2.2f));
            plot.setDataset(index, series(theoryLabel(spec.theory()), spec.theory(), observable, spec.time(),
                    drawableSteps(spec.time())));
            plot.setRenderer(index++, line);
        }
        if (spec.simulation() != null) {
            XYErrorRenderer points = new XYErrorRenderer();
            points.setDrawXError(false);
            points.setDefaultLinesVisible(false);
            points.setDefaultShapesVisible(true);
            points.setSeriesPaint(0, SIMULATION);
            points.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            points.setErrorPaint(SIMULATION);
            points.setCapLength(5);
            plot.setDataset(index, series("simulation (bars: ±1 s.e.)", spec.simulation(), observable, spec.time(),
                    pointSteps));
            plot.setRenderer(index, points);
        }
        JFreeChart chart = new JFreeChart(observable.column(), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * The legend of the theory curve: "exact" when every error is 0 (the exact mode of SPEC §4.4, which has no
     * Monte-Carlo band), else what the band means.
     */
    static String theoryLabel(Trajectory theory) {
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= theory.steps(); t++) {
                if (theory.error(observable, t) != 0) {
                    return "DMFT theory (band: ±1 MC error)";
                }
            }
        }
        return "DMFT theory (exact)";
    }

    /** The time axis: one tick per decade on a log axis (steps or gradient-flow time), else automatic ticks. */
    static ValueAxis timeAxis(TimeScale time) {
        if (time.axis() == TimeAxis.LOG) {
            LogAxis axis = new LogAxis(time.label());
            axis.setBase(10);
            axis.setSmallestValue(IntStream.of(drawableSteps(time)).mapToDouble(time::position).min().orElse(1));
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            return axis;
        }
        NumberAxis axis = new NumberAxis(time.label());
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    /** Every step the axis can show: 0…T, or those at positions above 0 on a log axis. */
    static int[] drawableSteps(TimeScale time) {
        return IntStream.rangeClosed(0, time.steps()).filter(time::drawable).toArray();
    }

    /**
     * The steps that get a simulation point: all of them up to {@link #MAX_POINTS}, else about that many, at
     * positions evenly spaced on the figure's axis (so a log axis is not crowded at late times): for each target
     * position, the first step at or beyond it.
     */
    private static int[] pointSteps(FigureSpec spec) {
        if (spec.simulation() == null) {
            return new int[0];
        }
        TimeScale time = spec.time();
        int[] all = drawableSteps(time);
        if (all.length <= MAX_POINTS) {
            return all;
        }
        boolean log = time.axis() == TimeAxis.LOG;
        double first = axisValue(time.position(all[0]), log);
        double last = axisValue(time.position(all[all.length - 1]), log);
        IntStream.Builder chosen = IntStream.builder();
        int k = 0;
        for (int i = 0; i < MAX_POINTS; i++) {
            double target = first + (last - first) * i / (MAX_POINTS - 1);
            while (k < all.length - 1 && axisValue(time.position(all[k]), log) < target) {
                k++;
            }
            chosen.add(all[k]);
        }
        return chosen.build().distinct().toArray();
    }

    private static double axisValue(double position, boolean log) {
        return log ? Math.log(position) : position;
    }

    private static YIntervalSeriesCollection series(String name, Trajectory trajectory, Observable observable,
                                                    TimeScale time, int[] steps) {
        YIntervalSeries series = new YIntervalSeries(name);
        for (int t : steps) {
            double value = trajectory.value(observable, t);
            if (Double.isNaN(value)) {
                continue;
            }
            double error = trajectory.error(observable, t);
            double half = Double.isFinite(error) ? error : 0;
            series.add(time.position(t), value, value - half, value + half);
        }
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        collection.addSeries(series);
        return collection;
    }
}
