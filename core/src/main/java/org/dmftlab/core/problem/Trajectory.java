package org.dmftlab.core.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * The observables of SPEC §3 at t = 0…T, each with an error (standard error over seeds for the simulation,
 * Monte-Carlo error for the theory; NaN when unknown, 0 when exact), and the two-time functions of SPEC §3.1 when the
 * experiment records them. A mutable table filled by one engine run; the engines apply the divergence rule
 * ({@code org.dmftlab.core.dynamics.Divergence}) before they record.
 *
 * @since 0.1.0
 */
public final class Trajectory {

    private final double[][] values;
    private final double[][] errors;
    private TwoTimeFunctions twoTime;

    /** An empty trajectory for t = 0…steps, all values and errors NaN. */
    public Trajectory(int steps) {
        int observables = Observable.values().length;
        values = new double[observables][steps + 1];
        errors = new double[observables][steps + 1];
        for (int o = 0; o < observables; o++) {
            Arrays.fill(values[o], Double.NaN);
            Arrays.fill(errors[o], Double.NaN);
        }
    }

    /** T: the last step (rows are 0…T). */
    public int steps() {
        return values[0].length - 1;
    }

    /** Records an observable at step t with its error. */
    public void set(Observable observable, int t, double value, double error) {
        values[observable.ordinal()][t] = value;
        errors[observable.ordinal()][t] = error;
    }

    /** The value of an observable at step t (NaN if not recorded). */
    public double value(Observable observable, int t) {
        return values[observable.ordinal()][t];
    }

    /** The error of an observable at step t (NaN if unknown). */
    public double error(Observable observable, int t) {
        return errors[observable.ordinal()][t];
    }

    /** Attaches an empty table of two-time functions on {@code grid} (replacing any earlier one) and returns it. */
    public TwoTimeFunctions recordTwoTime(TwoTimeGrid grid) {
        twoTime = new TwoTimeFunctions(grid);
        return twoTime;
    }

    /** The two-time functions, when recorded. */
    public Optional<TwoTimeFunctions> twoTime() {
        return Optional.ofNullable(twoTime);
    }

    /**
     * Sends the table through a channel ({@link UnitState}): the values and errors so far and the two-time functions,
     * when recorded; reading, into a table of the same steps and grid.
     *
     * @since 0.1.0
     */
    public void exchange(StateChannel channel) {
        channel.doubles(values);
        channel.doubles(errors);
        if (twoTime != null) {
            twoTime.exchange(channel);
        }
    }
}
