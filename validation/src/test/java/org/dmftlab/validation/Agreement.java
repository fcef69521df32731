package org.dmftlab.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/** Assertions that two trajectories agree within their own errors (SPEC §5.5's combined-error criterion). */
public final class Agreement {

    /** Allowance for rounding where both errors are 0 (exact results, or m and q at t = 0). */
    public static final double ROUNDING = 1e-12;

    private Agreement() {
    }

    /**
     * |expected − actual| ≤ sigmas × √(e_expected² + e_actual²) + {@link #ROUNDING} for every listed observable at
     * every step t = 0…T, where e are the trajectories' own errors (standard error over seeds, Monte-Carlo error,
     * or 0 when exact).
     *
     * @param label names the case in the failure message
     */
    public static void assertWithinErrors(String label, Trajectory expected, Trajectory actual,
                                          List<Observable> observables, double sigmas) {
        for (Observable observable : observables) {
            for (int t = 0; t <= expected.steps(); t++) {
                double difference = Math.abs(expected.value(observable, t) - actual.value(observable, t));
                double combined = Math.hypot(expected.error(observable, t), actual.error(observable, t));
                int step = t;
                assertTrue(difference <= sigmas * combined + ROUNDING, () -> label + ", " + observable.column()
                        + " at t = " + step + ": " + expected.value(observable, step) + " ± "
                        + expected.error(observable, step) + " vs " + actual.value(observable, step) + " ± "
                        + actual.error(observable, step) + ", |difference| > " + sigmas + " × " + combined);
            }
        }
    }
}
