package org.dmftlab.core.problem;

import java.util.Arrays;
import java.util.Objects;

/**
 * The two-time functions of SPEC §3.1 on the pairs of a {@link TwoTimeGrid} (t ≥ s), each with an error like the
 * observables of a {@link Trajectory}: standard error over seeds for the simulation, Monte-Carlo error for the theory,
 * NaN when unknown, 0 when exact. The simulation does not estimate the response (its values stay NaN). The other
 * triangle follows: C(s,t) = C(t,s) and R(s,t) = 0 for s ≤ t. A mutable table filled by one engine run.
 *
 * @since 0.1.0
 */
public final class TwoTimeFunctions {

    /** The functions of SPEC §3.1, with their column names. */
    public enum Function {
        /** C(t,s) = w^t·w^s / d. */
        CORRELATION("C"),
        /** R(t,s) = (1/d) Σ_i ∂w_i^t / ∂h_i^s, the response to a field in the gradient of step s. */
        RESPONSE("R");

        private final String column;

        Function(String column) {
            this.column = column;
        }

        /** The column name: {@code C} or {@code R}. */
        public String column() {
            return column;
        }
    }

    private final TwoTimeGrid grid;
    private final double[][] values;
    private final double[][] errors;

    /** An empty table on the pairs of {@code grid}, all values and errors NaN. */
    public TwoTimeFunctions(TwoTimeGrid grid) {
        this.grid = Objects.requireNonNull(grid, "grid");
        int functions = Function.values().length;
        values = new double[functions][grid.pairs()];
        errors = new double[functions][grid.pairs()];
        for (int f = 0; f < functions; f++) {
            Arrays.fill(values[f], Double.NaN);
            Arrays.fill(errors[f], Double.NaN);
        }
    }

    /** The grid. */
    public TwoTimeGrid grid() {
        return grid;
    }

    /** Records a function at the pair of grid points i ≥ j with its error. */
    public void set(Function function, int i, int j, double value, double error) {
        int pair = TwoTimeGrid.pair(i, j);
        values[function.ordinal()][pair] = value;
        errors[function.ordinal()][pair] = error;
    }

    /** The value at the pair of grid points i ≥ j (NaN if not recorded). */
    public double value(Function function, int i, int j) {
        return values[function.ordinal()][TwoTimeGrid.pair(i, j)];
    }

    /** The error at the pair of grid points i ≥ j (NaN if unknown). */
    public double error(Function function, int i, int j) {
        return errors[function.ordinal()][TwoTimeGrid.pair(i, j)];
    }

    /** Sends the table through a channel ({@link Trajectory#exchange}). */
    void exchange(StateChannel channel) {
        channel.doubles(values);
        channel.doubles(errors);
    }
}
