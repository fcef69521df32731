package org.dmftlab.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.StepComparison;
import org.dmftlab.core.problem.Trajectory;

/**
 * Theory against simulation (SPEC §5.5) with the false-alarm rate controlled over every compared point: each point
 * (an observable at a step, or any other quantity with two estimates) is a Welch test of |theory − simulation| /
 * √(mc² + se²), whose errors are estimates with G − 1 (the theory's independent groups) and S − 1 (the simulation's
 * seeds) degrees of freedom, combined with the Welch–Satterthwaite ν = (mc² + se²)² / (mc⁴/(G−1) + se⁴/(S−1)); with
 * N points of non-zero error each threshold is the Student t quantile t_ν(1 − α/(2N)) (Bonferroni), so that, under
 * agreement, the chance that any point fails is at most α however the points are correlated. Points whose errors are both 0 must agree to rounding.
 *
 * @param label     names the case in messages
 * @param points    the compared points, each with its threshold
 * @param rounding  allowance where both errors are 0
 */
public record FamilyWiseAgreement(String label, List<Point> points, double rounding) {

    /**
     * One compared quantity: two estimates of it with their errors (NaN: unknown, counted as 0).
     *
     * @param where       names the quantity in messages, e.g. {@code m at t = 3}
     * @param first       the theory's value
     * @param firstError  its Monte-Carlo error
     * @param second      the simulation's value
     * @param secondError its standard error
     */
    public record Estimates(String where, double first, double firstError, double second, double secondError) {

        double combinedError() {
            return Math.hypot(known(firstError), known(secondError));
        }
    }

    /**
     * One compared point.
     *
     * @param estimates the two estimates
     * @param threshold k: the point agrees when |difference| ≤ k × combined error (+ rounding)
     */
    public record Point(Estimates estimates, double threshold) {

        /**
         * The |difference| beyond the rounding allowance in combined errors: 0 within the allowance, infinite for a
         * pair with no error that differs by more.
         */
        public double ratio(double rounding) {
            double excess = Math.max(0, Math.abs(estimates.first() - estimates.second()) - rounding);
            return excess == 0 ? 0 : excess / estimates.combinedError();
        }
    }

    /**
     * Compares the listed observables at every step t = 0…T.
     *
     * @param theoryGroups    G, the independent groups behind the theory's Monte-Carlo errors
     * @param simulationSeeds S, the seeds behind the simulation's standard errors
     * @param familyWise      α, the false-alarm rate over all points
     */
    public static FamilyWiseAgreement compare(String label, Trajectory theory, Trajectory simulation,
                                              List<Observable> observables, int theoryGroups, int simulationSeeds,
                                              double familyWise) {
        return compare(label, theory, simulation, observables, 1, theoryGroups, simulationSeeds, familyWise);
    }

    /**
     * Compares the listed observables at the steps t = 0, stride, 2·stride, … ≤ T (fewer points, so lower
     * thresholds, for long runs whose neighbouring steps are nearly the same comparison).
     */
    public static FamilyWiseAgreement compare(String label, Trajectory theory, Trajectory simulation,
                                              List<Observable> observables, int stride, int theoryGroups,
                                              int simulationSeeds, double familyWise) {
        List<Estimates> compared = StepComparison.of(theory, simulation).stream()
                .filter(step -> observables.contains(step.observable()) && step.step() % stride == 0)
                .map(step -> new Estimates(step.observable().column() + " at t = " + step.step(), step.first(),
                        theory.error(step.observable(), step.step()), step.second(),
                        simulation.error(step.observable(), step.step())))
                .toList();
        return compare(label, compared, theoryGroups, simulationSeeds, familyWise);
    }

    /**
     * Compares any list of quantities, each a Welch t test at the Bonferroni level over all of them.
     *
     * @param theoryGroups    G, the independent groups behind the first errors
     * @param simulationSeeds S, the seeds behind the second errors
     * @param familyWise      α, the false-alarm rate over all points
     */
    public static FamilyWiseAgreement compare(String label, List<Estimates> compared, int theoryGroups,
                                              int simulationSeeds, double familyWise) {
        long uncertain = compared.stream().filter(estimates -> estimates.combinedError() > 0).count();
        List<Point> points = new ArrayList<>();
        for (Estimates estimates : compared) {
            double mc = known(estimates.firstError());
            double se = known(estimates.secondError());
            double variance = mc * mc + se * se;
            if (variance == 0) {
                points.add(new Point(estimates, 0));
                continue;
            }
            double dof = variance * variance / (Math.pow(mc, 4) / (theoryGroups - 1)
                    + Math.pow(se, 4) / (simulationSeeds - 1));
            double threshold = new TDistribution(null, dof)
                    .inverseCumulativeProbability(1 - familyWise / (2.0 * uncertain));
            points.add(new Point(estimates, threshold));
        }
        return new FamilyWiseAgreement(label, List.copyOf(points), Agreement.ROUNDING);
    }

    private static double known(double error) {
        return Double.isNaN(error) ? 0 : error;
    }

    /** The points outside their thresholds. */
    public List<Point> outside() {
        return points.stream().filter(point -> !(point.ratio(rounding) <= point.threshold())).toList();
    }

    /** Whether every point is within its threshold. */
    public boolean agrees() {
        return outside().isEmpty();
    }

    /** The point with the largest |difference| / combined error, for reports. */
    public Point worst() {
        return points.stream().max((a, b) -> Double.compare(a.ratio(rounding), b.ratio(rounding))).orElseThrow();
    }

    /** Fails listing every point outside its threshold. */
    public void assertAgrees() {
        List<Point> outside = outside();
        if (!outside.isEmpty()) {
            throw new AssertionError(label + ": " + outside.size() + " of " + points.size() + " points outside"
                    + " their family-wise thresholds:\n" + String.join("\n", outside.stream().map(point ->
                    String.format(Locale.ROOT, "%s: theory %.6g, simulation %.6g, |difference| = %.2f"
                            + " combined errors > %.2f", point.estimates().where(), point.estimates().first(),
                            point.estimates().second(), point.ratio(rounding), point.threshold()))
                    .toList()));
        }
    }
}
