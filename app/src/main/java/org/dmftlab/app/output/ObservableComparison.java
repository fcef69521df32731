package org.dmftlab.app.output;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.StepComparison;
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
        Map<Observable, ObservableComparison> rows = new EnumMap<>(Observable.class);
        for (StepComparison step : StepComparison.of(theory, simulation)) {
            double floor = ROUND_OFF * Math.max(1, Math.max(Math.abs(step.first()), Math.abs(step.second())));
            double ratio = step.errorKnown() ? step.difference() / Math.max(step.combinedError(), floor) : Double.NaN;
            rows.merge(step.observable(), new ObservableComparison(step.observable(), step.difference(), ratio),
                    ObservableComparison::worse);
        }
        return List.copyOf(rows.values());
    }

    /** The larger difference and the larger ratio of two rows of one observable; a NaN ratio yields to a number. */
    private ObservableComparison worse(ObservableComparison other) {
        double ratio = Double.isNaN(maxDifferenceOverError) ? other.maxDifferenceOverError
                : Double.isNaN(other.maxDifferenceOverError) ? maxDifferenceOverError
                : Math.max(maxDifferenceOverError, other.maxDifferenceOverError);
        return new ObservableComparison(observable, Math.max(maxAbsDifference, other.maxAbsDifference), ratio);
    }
}
