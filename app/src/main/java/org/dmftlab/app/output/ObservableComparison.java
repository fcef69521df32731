package org.dmftlab.app.output;

import java.util.ArrayList;
import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * How far theory and simulation are apart for one observable over all steps t = 0…T (one row of
 * {@code comparison.csv}).
 *
 * <p>The combined error of a step is √(se² + mc²) (simulation standard error, theory Monte-Carlo error). A
 * combined error below {@value #ROUND_OFF} × max(1, |theory|, |simulation|) — zero at steps both engines know
 * exactly, such as t = 0 — is raised to that floor: round-off then counts as agreement, while a real discrepancy
 * at an exact step still gives a huge ratio (never an infinite one, never a silent skip). Steps whose error is
 * unknown (NaN) in either engine count for the difference but not for the ratio; when no step has a known error
 * the ratio is NaN.
 *
 * @param observable              the observable
 * @param maxAbsDifference        max over t of |theory − simulation|
 * @param maxDifferenceOverError  max over t of |theory − simulation| / combined error
 */
public record ObservableComparison(Observable observable, double maxAbsDifference, double maxDifferenceOverError) {

    /** Relative floor of the combined error (a few thousand ulps of a value of order one). */
    public static final double ROUND_OFF = 1e-12;

    /**
     * Compares two trajectories of the same experiment, observable by observable, in {@link Observable} order.
     *
     * @throws IllegalArgumentException when the trajectories have different numbers of steps
     */
    public static List<ObservableComparison> compare(Trajectory theory, Trajectory simulation) {
        if (theory.steps() != simulation.steps()) {
            throw new IllegalArgumentException("theory has " + theory.steps() + " steps, simulation "
                    + simulation.steps());
        }
        List<ObservableComparison> rows = new ArrayList<>();
        for (Observable observable : Observable.values()) {
            double maxDifference = 0;
            double maxRatio = Double.NaN;
            for (int t = 0; t <= theory.steps(); t++) {
                double predicted = theory.value(observable, t);
                double simulated = simulation.value(observable, t);
                double difference = Math.abs(predicted - simulated);
                maxDifference = Math.max(maxDifference, difference);
                double error = Math.hypot(theory.error(observable, t), simulation.error(observable, t));
                if (!Double.isNaN(error)) {
                    double floor = ROUND_OFF * Math.max(1, Math.max(Math.abs(predicted), Math.abs(simulated)));
                    double ratio = difference / Math.max(error, floor);
                    maxRatio = Double.isNaN(maxRatio) ? ratio : Math.max(maxRatio, ratio);
                }
            }
            rows.add(new ObservableComparison(observable, maxDifference, maxRatio));
        }
        return rows;
    }
}
