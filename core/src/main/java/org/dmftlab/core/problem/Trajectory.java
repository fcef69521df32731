package org.dmftlab.core.problem;

import java.util.Arrays;

/**
 * The observables of SPEC §3 at t = 0…T, each with an error (standard error over seeds for the simulation,
 * Monte-Carlo error for the theory; NaN when unknown, 0 when exact).
 *
 * <p>{@link #set} guards against blow-ups: a non-finite or exploding value ends the run with a
 * {@link RunFailedException} that names the step and the observable.
 */
public final class Trajectory {

    /** Magnitude beyond which an observable is taken to have diverged. */
    public static final double EXPLOSION = 1e12;

    private final double[][] values;
    private final double[][] errors;

    /** An empty trajectory for t = 0…steps, all values NaN. */
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

    /**
     * Records an observable.
     *
     * @throws RunFailedException {@code run/diverged} when the value is not finite or exceeds {@link #EXPLOSION}
     */
    public void set(Observable observable, int t, double value, double error) {
        if (!Double.isFinite(value) || Math.abs(value) > EXPLOSION) {
            throw new RunFailedException("run/diverged", "the trajectory diverged at step " + t + ": "
                    + observable.column() + " = " + value + "; lower the learning rate (SPEC §6 gives the full-batch"
                    + " limits: η κ < 2 for GD, 2(1+β) for heavy ball, 2(1+β)/(1+2β) for Nesterov, κ the largest"
                    + " curvature) or the number of steps");
        }
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
}
