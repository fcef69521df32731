package org.dmftlab.app.api;

import org.dmftlab.core.problem.Observable;

/**
 * How far theory and simulation are apart for one observable over every step t = 0…T: one row of
 * {@code comparison.csv}. The combined error of a step is √(se² + mc²), the simulation's standard error and the
 * theory's Monte-Carlo error, with a round-off floor so that steps both engines know exactly count as agreement.
 *
 * @param observable             the observable (SPEC §3)
 * @param maxAbsDifference       max over t of |theory − simulation|
 * @param maxDifferenceOverError max over t of |theory − simulation| / combined error; NaN when no step has a known
 *                               error in both engines
 * @since 0.1.0
 */
public record Comparison(Observable observable, double maxAbsDifference, double maxDifferenceOverError) {
}
