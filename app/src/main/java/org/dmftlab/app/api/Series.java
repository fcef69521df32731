package org.dmftlab.app.api;

import java.util.Arrays;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * What one engine computed: every observable of SPEC §3 at steps t = 0…T, each with its error (the simulation's
 * standard error over seeds, the theory's Monte-Carlo error; 0 where exact, NaN where unknown). The numbers are
 * those of the engine's table ({@code theory.csv} or {@code simulation.csv}). Immutable.
 *
 * @since 0.1.0
 */
public final class Series {

    private final String engine;
    private final double[][] values;
    private final double[][] errors;
    private final double wallSeconds;

    Series(String engine, Trajectory trajectory, double wallSeconds) {
        this.engine = engine;
        this.wallSeconds = wallSeconds;
        int observables = Observable.values().length;
        values = new double[observables][trajectory.steps() + 1];
        errors = new double[observables][trajectory.steps() + 1];
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= trajectory.steps(); t++) {
                values[observable.ordinal()][t] = trajectory.value(observable, t);
                errors[observable.ordinal()][t] = trajectory.error(observable, t);
            }
        }
    }

    /** {@code theory} or {@code simulation}: the engine, as its table and its block in the experiment are named. */
    public String engine() {
        return engine;
    }

    /** T, the last step: the series has T + 1 rows, t = 0…T. */
    public int steps() {
        return values[0].length - 1;
    }

    /** The observable at step t, 0 ≤ t ≤ T. */
    public double value(Observable observable, int t) {
        return values[observable.ordinal()][t];
    }

    /** The error of the observable at step t (0 when exact, NaN when unknown). */
    public double error(Observable observable, int t) {
        return errors[observable.ordinal()][t];
    }

    /** The observable at t = 0…T (a copy). */
    public double[] values(Observable observable) {
        return values[observable.ordinal()].clone();
    }

    /** The errors of the observable at t = 0…T (a copy). */
    public double[] errors(Observable observable) {
        return errors[observable.ordinal()].clone();
    }

    /** The observable at the last step T. */
    public double last(Observable observable) {
        return value(observable, steps());
    }

    /** The wall-clock time of this engine alone, in seconds. */
    public double wallSeconds() {
        return wallSeconds;
    }

    @Override
    public String toString() {
        return engine + " series, t = 0…" + steps() + ", final " + Arrays.stream(Observable.values())
                .map(observable -> observable.column() + " = " + last(observable))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
