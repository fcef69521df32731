package org.dmftlab.core.dynamics;

import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;

/**
 * The mean ± standard error over independent replicas of one experiment: the simulation's seeds (SPEC §1–3) and the
 * theory's independent groups of sample paths (SPEC §4.4). A pure function of the replicas' values in the order
 * given, so replicas computed anywhere (other threads, other processes, restored from a checkpoint) and combined in
 * the same order give the same bits.
 *
 * <p>Per observable and step: mean = (Σ_i x_i)/n summed in replica order, error = √(Σ_i (x_i − mean)² / (n − 1) / n),
 * NaN (unknown) for a single replica; an exact result ({@link #exact}) has error 0. The combined values are checked
 * with the {@link Divergence} rule, step by step and in {@link Observable} order within a step. The two-time functions
 * (SPEC §3.1), when every replica recorded them, are combined in the same way, pair by pair.
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
        double[] sample = new double[count];
        for (int t = 0; t <= steps; t++) {
            for (Observable observable : Observable.values()) {
                for (int r = 0; r < count; r++) {
                    sample[r] = replicas.get(r).value(observable, t);
                }
                double mean = mean(sample);
                Divergence.check(observable, t, mean);
                result.set(observable, t, mean, standardError(sample, mean));
            }
        }
        if (replicas.stream().allMatch(replica -> replica.twoTime().isPresent())) {
            List<TwoTimeFunctions> tables = replicas.stream().map(replica -> replica.twoTime().orElseThrow()).toList();
            TwoTimeFunctions combined = result.recordTwoTime(tables.get(0).grid());
            for (int i = 0; i < combined.grid().size(); i++) {
                for (int j = 0; j <= i; j++) {
                    for (TwoTimeFunctions.Function function : TwoTimeFunctions.Function.values()) {
                        for (int r = 0; r < count; r++) {
                            sample[r] = tables.get(r).value(function, i, j);
                        }
                        double mean = mean(sample);
                        combined.set(function, i, j, mean, standardError(sample, mean));
                    }
                }
            }
        }
        return result;
    }

    /**
     * An exact result (the theory's path-free mode): the values with error 0 (two-time functions too, NaN where not
     * recorded).
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
        values.twoTime().ifPresent(table -> {
            TwoTimeFunctions exact = result.recordTwoTime(table.grid());
            for (int i = 0; i < table.grid().size(); i++) {
                for (int j = 0; j <= i; j++) {
                    for (TwoTimeFunctions.Function function : TwoTimeFunctions.Function.values()) {
                        double value = table.value(function, i, j);
                        exact.set(function, i, j, value, Double.isNaN(value) ? Double.NaN : 0);
                    }
                }
            }
        });
        return result;
    }

    /** (Σ_i x_i)/n, summed in replica order. */
    private static double mean(double[] sample) {
        double sum = 0;
        for (double x : sample) {
            sum += x;
        }
        return sum / sample.length;
    }

    /** √(Σ_i (x_i − mean)² / (n − 1) / n), NaN for a single replica. */
    private static double standardError(double[] sample, double mean) {
        if (sample.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double x : sample) {
            double deviation = x - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (sample.length - 1) / sample.length);
    }
}
