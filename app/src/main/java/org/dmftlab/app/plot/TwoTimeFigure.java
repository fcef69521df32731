package org.dmftlab.app.plot;

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
import org.jfree.chart.axis.NumberAxis;

/**
 * The heatmaps of the two-time functions of SPEC §3.1 ({@code two-time.png}): the theory's C(t,s), the simulation's,
 * their difference (theory − simulation, on a diverging scale centred at 0) and the theory's response R(t,s), each
 * over s (across) and t (up) in steps, with its colour bar (a {@link Heatmap}), under the run's title. C is drawn on
 * both triangles (it is symmetric), R below the diagonal only (it is causal: R(t,s) = 0 for t ≤ s). Panels of an
 * engine that did not run are left out. Headless.
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
        int size = grid.size();
        List<Heatmap.Cell> cells = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double value = j < i || (j == i && panel.symmetric()) ? panel.values()[i][j]
                        : panel.symmetric() ? panel.values()[j][i] : Double.NaN;
                cells.add(new Heatmap.Cell(grid.step(j), grid.step(i), value));
            }
        }
        double stride = size > 1 ? grid.step(1) - grid.step(0) : 1;
        double last = grid.step(size - 1);
        return Heatmap.chart(panel.name(), cells, axis("s (step)", last, stride), axis("t (step)", last, stride),
                stride, stride, Heatmap.scale(cells.stream().mapToDouble(Heatmap.Cell::value).toArray(),
                        panel.diverging()), List.of());
    }

    private static NumberAxis axis(String label, double last, double stride) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-stride / 2, last + stride / 2);
        return axis;
    }
}
