package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.junit.jupiter.api.Test;

class ObservableComparisonTest {

    private static final double TIGHT = 1e-15;

    /** Theory and simulation at three steps; every observable gets the same numbers unless a test overrides one. */
    private static Trajectory trajectory(double[] values, double[] errors) {
        Trajectory trajectory = new Trajectory(values.length - 1);
        for (Observable observable : Observable.values()) {
            for (int t = 0; t < values.length; t++) {
                trajectory.set(observable, t, values[t], errors[t]);
            }
        }
        return trajectory;
    }

    @Test
    void maxDifferenceAndMaxRatioToTheCombinedError() {
        // Step 1: |0.5 − 0.8| = 0.3 over √(0.3² + 0.4²) = 0.5 → 0.6; step 2: |1.0 − 1.1| = 0.1 over √(0.06² + 0.08²)
        // = 0.1 → 1.0. So the largest difference (step 1) and the largest ratio (step 2) are at different steps.
        Trajectory theory = trajectory(new double[] {0.2, 0.5, 1.0}, new double[] {0, 0.3, 0.06});
        Trajectory simulation = trajectory(new double[] {0.2, 0.8, 1.1}, new double[] {0, 0.4, 0.08});

        List<ObservableComparison> rows = ObservableComparison.compare(theory, simulation);

        assertEquals(Observable.values().length, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Observable.values()[i], rows.get(i).observable());
            assertEquals(0.3, rows.get(i).maxAbsDifference(), 1e-12);
            assertEquals(1.0, rows.get(i).maxDifferenceOverError(), 1e-12);
        }
    }

    @Test
    void zeroCombinedErrorCountsRoundOffAsAgreementAndRealDifferencesAsHuge() {
        Trajectory theory = trajectory(new double[] {0.2, 0.5}, new double[] {0, 0.1});
        Trajectory simulation = trajectory(new double[] {0.2 + 1e-16, 0.5}, new double[] {0, 0.1});
        Trajectory wrongStart = trajectory(new double[] {0.25, 0.5}, new double[] {0, 0.1});

        ObservableComparison roundOff = ObservableComparison.compare(theory, simulation).get(0);
        ObservableComparison real = ObservableComparison.compare(theory, wrongStart).get(0);

        assertTrue(roundOff.maxDifferenceOverError() < 1e-3, "round-off at an exact step: " + roundOff);
        assertEquals(0.05 / ObservableComparison.ROUND_OFF, real.maxDifferenceOverError(), 1e-3);
        assertTrue(Double.isFinite(real.maxDifferenceOverError()));
    }

    @Test
    void unknownErrorsAreLeftOutOfTheRatioOnly() {
        Trajectory theory = trajectory(new double[] {1, 2}, new double[] {Double.NaN, 0.5});
        Trajectory simulation = trajectory(new double[] {3, 2.5}, new double[] {0.1, 0});
        Trajectory unknown = trajectory(new double[] {1, 2}, new double[] {Double.NaN, Double.NaN});

        ObservableComparison partly = ObservableComparison.compare(theory, simulation).get(0);
        ObservableComparison none = ObservableComparison.compare(unknown, simulation).get(0);

        assertEquals(2.0, partly.maxAbsDifference(), TIGHT);
        assertEquals(1.0, partly.maxDifferenceOverError(), TIGHT);
        assertEquals(2.0, none.maxAbsDifference(), TIGHT);
        assertTrue(Double.isNaN(none.maxDifferenceOverError()));
    }

    @Test
    void trajectoriesOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ObservableComparison.compare(new Trajectory(2), new Trajectory(3)));
    }
}
