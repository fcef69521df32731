package org.dmftlab.core.dynamics;

import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;

/**
 * The mean ± standard error over independent replicas of one experiment: the simulation's seeds (SPEC §1–3) and the
 * theory's independent groups of sample paths (SPEC §4.4). A pure function of the replicas' values in the order
 * given, so replicas computed anywhere (other threads, other processes, restored from a checkpoint) and combined in
 * the same order give the same bits.
 *
 * <p>Per observable and step: mean = (Σ_i x_i)/n summed in replica order, error = √(Σ_i (x_i − mean)² / (n − 1) / n),
 * NaN (unknown) for a single replica; an exact result ({@link #exact}) has error 0. The combined values are checked
 * with the {@link Divergence} rule, step by step and in {@link Observable} order within a step.
 */
public final class ReplicaStatistics {

    private ReplicaStatistics() {
    }

    /**
     * Combines replicas of t = 0…T (their own errors are ignored).
     *
     * @param replicas at least one, all with the same number of steps
     * @throws RunFailedException {@code run/diverged} at the first step and observable whose mean diverged
     */
    public static Trajectory combine(List<Trajectory> replicas) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("no replica to combine");
        }
        int steps = replicas.get(0).steps();
        for (Trajectory replica : replicas) {
            if (replica.steps() != steps) {
                throw new IllegalArgumentException("replicas of " + steps + " and " + replica.steps() + " steps");
            }
        }
        int count = replicas.size();
        Trajectory result = new Trajectory(steps);
        for (int t = 0; t <= steps; t++) {
            for (Observable observable : Observable.values()) {
                double sum = 0;
                for (Trajectory replica : replicas) {
                    sum += replica.value(observable, t);
                }
                double mean = sum / count;
                double squares = 0;
                for (Trajectory replica : replicas) {
                    double deviation = replica.value(observable, t) - mean;
                    squares += deviation * deviation;
                }
                Divergence.check(observable, t, mean);
                result.set(observable, t, mean, count > 1 ? Math.sqrt(squares / (count - 1) / count) : Double.NaN);
            }
        }
        return result;
    }

    /**
     * An exact result (the theory's path-free mode): the values with error 0.
     *
     * @throws RunFailedException {@code run/diverged} at the first step and observable that diverged
     */
    public static Trajectory exact(Trajectory values) {
        Trajectory result = new Trajectory(values.steps());
        for (int t = 0; t <= values.steps(); t++) {
            for (Observable observable : Observable.values()) {
                Divergence.check(observable, t, values.value(observable, t));
                result.set(observable, t, values.value(observable, t), 0);
            }
        }
        return result;
    }
}
