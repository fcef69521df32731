package org.dmftlab.core.dynamics;

import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.DivergedException;

/**
 * When a trajectory has diverged (SPEC §6): an observable that is not finite or exceeds {@value #LIMIT} in
 * magnitude. The simulation checks every seed's observables as it records them; the theory stops a march at the
 * first such value, and {@link ReplicaStatistics} checks the combined trajectory; either way the run ends with
 * {@code run/diverged}, naming the step and the observable.
 */
public final class Divergence {

    /** Magnitude beyond which an observable is taken to have diverged. */
    public static final double LIMIT = 1e12;

    private Divergence() {
    }

    /** Whether the value counts as diverged. */
    public static boolean diverged(double value) {
        return !Double.isFinite(value) || Math.abs(value) > LIMIT;
    }

    /**
     * Checks one observable.
     *
     * @throws DivergedException {@code run/diverged} naming the step and the observable when it diverged
     */
    public static void check(Observable observable, int t, double value) {
        if (diverged(value)) {
            throw new DivergedException(t, observable, value + "; lower the learning rate (SPEC §6 gives the full-batch"
                    + " limits: η κ < 2 for GD, 2(1+β) for heavy ball, 2(1+β)/(1+2β) for Nesterov, κ the largest"
                    + " curvature) or the number of steps");
        }
    }
}
