package org.dmftlab.core.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * One observable at one step of two trajectories of the same experiment — typically the DMFT and the
 * simulation — with their combined error √(e₁² + e₂²) (SPEC §5.5: Monte-Carlo error of the theory, standard
 * error of the simulation, 0 where a result is exact). Everything that judges theory against simulation (the
 * {@code comparison.csv} of a run, the plugin testkit, the validation tests) starts from these.
 *
 * @param observable    the observable
 * @param step          t
 * @param first         the first trajectory's value (the theory)
 * @param second        the second trajectory's value (the simulation)
 * @param combinedError √(e₁² + e₂²), an unknown (NaN) error counted as 0
 * @param errorKnown    whether both errors are known
 *
 * @since 0.1.0
 */
public record StepComparison(Observable observable, int step, double first, double second, double combinedError,
                             boolean errorKnown) {

    /**
     * Every observable at every step t = 0…T, in {@link Observable} order and then by step.
     *
     * @throws IllegalArgumentException when the trajectories have different numbers of steps
     */
    public static List<StepComparison> of(Trajectory first, Trajectory second) {
        if (first.steps() != second.steps()) {
            throw new IllegalArgumentException("the trajectories have " + first.steps() + " and " + second.steps()
                    + " steps");
        }
        List<StepComparison> comparisons = new ArrayList<>();
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= first.steps(); t++) {
                double firstError = first.error(observable, t);
                double secondError = second.error(observable, t);
                comparisons.add(new StepComparison(observable, t, first.value(observable, t),
                        second.value(observable, t), Math.hypot(known(firstError), known(secondError)),
                        !Double.isNaN(firstError) && !Double.isNaN(secondError)));
            }
        }
        return comparisons;
    }

    private static double known(double error) {
        return Double.isNaN(error) ? 0 : error;
    }

    /** |first − second| (NaN when a value is missing). */
    public double difference() {
        return Math.abs(first - second);
    }
}
