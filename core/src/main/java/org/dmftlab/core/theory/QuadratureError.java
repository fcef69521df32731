package org.dmftlab.core.theory;

import java.util.EnumMap;
import java.util.Map;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * The estimated error of the species quadrature of SPEC §4.5: per observable, the largest difference over
 * t = 0…T between the solve with K nodes and the same solve with ⌊K/2⌋ nodes (the same random numbers: the
 * coarser rule re-marches the first group's stream). Gauss–Legendre converges geometrically in K for smooth
 * spectra, so this difference is essentially the error of the coarser rule and bounds that of the K-node rule
 * with a wide margin; a spectrum the rule does not resolve shows a large difference. NaN where it is unknown (the
 * coarser solve diverged where the K-node one did not).
 *
 * @param species        K, the nodes of the solve
 * @param coarserSpecies ⌊K/2⌋, the nodes of the comparison solve
 * @param bounds         per observable, max_t |x_K(t) − x_{K/2}(t)|
 */
public record QuadratureError(int species, int coarserSpecies, Map<Observable, Double> bounds) {

    public QuadratureError {
        bounds = Map.copyOf(bounds);
    }

    /** The estimate from a solve with K nodes and one of the same replica with ⌊K/2⌋ nodes. */
    static QuadratureError between(Trajectory solve, int species, Trajectory coarser, int coarserSpecies) {
        Map<Observable, Double> bounds = new EnumMap<>(Observable.class);
        for (Observable observable : Observable.values()) {
            double largest = 0;
            for (int t = 0; t <= solve.steps(); t++) {
                double difference = Math.abs(solve.value(observable, t) - coarser.value(observable, t));
                // NaN in both (the steps after a common blow-up) is no difference; NaN in one alone is unknown.
                if (Double.isNaN(solve.value(observable, t)) && Double.isNaN(coarser.value(observable, t))) {
                    continue;
                }
                largest = Double.isNaN(difference) ? Double.NaN : Math.max(largest, difference);
                if (Double.isNaN(largest)) {
                    break;
                }
            }
            bounds.put(observable, largest);
        }
        return new QuadratureError(species, coarserSpecies, bounds);
    }

    /** The estimated error bound of an observable at every step (NaN when unknown). */
    public double bound(Observable observable) {
        return bounds.get(observable);
    }
}
