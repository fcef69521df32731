package org.dmftlab.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.StepComparison;
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
        for (StepComparison step : StepComparison.of(expected, actual)) {
            if (observables.contains(step.observable())) {
                assertTrue(step.difference() <= sigmas * step.combinedError() + ROUNDING, () -> label + ", "
                        + step.observable().column() + " at t = " + step.step() + ": " + step.first() + " ± "
                        + expected.error(step.observable(), step.step()) + " vs " + step.second() + " ± "
                        + actual.error(step.observable(), step.step()) + ", |difference| > " + sigmas + " × "
                        + step.combinedError());
            }
        }
    }
}
