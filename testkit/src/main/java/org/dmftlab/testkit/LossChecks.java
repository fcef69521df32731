package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.spi.Loss;

/**
 * The {@link Loss} contract (SPEC §1, §4.2): ℓ′ and ℓ″ are the derivatives of ℓ in r (checked against central
 * finite differences of ℓ on a grid of labels and preactivations), ℓ, ℓ′, ℓ″ stay finite at r = ±1e4, and a
 * loss that declares {@link Loss#constantCurvature()} has the same ℓ″ everywhere.
 */
final class LossChecks {

    /** Labels ±1 (classification) and a few reals (regression). */
    static final double[] LABELS = {-1, 1, -2.3, 0.37, 1.71};
    /**
     * Preactivations; |y − r| stays at least 0.01 away from 0, 1 and 4 (kinks of Huber-like losses at their
     * usual δ), so the finite differences never straddle a kink.
     */
    static final double[] PREACTIVATIONS = {-3.31, -1.27, -0.53, 0.13, 0.62, 1.09, 2.45, 4.1};
    /** Step of the central differences: truncation O(h²) and rounding O(ε/h²) both stay near 1e-7 here. */
    private static final double STEP = 1e-4;
    private static final double TOLERANCE = 1e-5;
    private static final double LARGE = 1e4;

    private LossChecks() {
    }

    static void derivativesMatchCentralDifferences(Loss loss) {
        for (double y : LABELS) {
            for (double r : PREACTIVATIONS) {
                double below = loss.value(y, r - STEP);
                double at = loss.value(y, r);
                double above = loss.value(y, r + STEP);
                double slope = (above - below) / (2 * STEP);
                double curvature = (above - 2 * at + below) / (STEP * STEP);
                String where = " at y = " + y + ", r = " + r;
                assertEquals(slope, loss.firstDerivative(y, r), TOLERANCE * (1 + Math.abs(slope)), "ℓ′" + where);
                assertEquals(curvature, loss.secondDerivative(y, r), 10 * TOLERANCE * (1 + Math.abs(curvature)),
                        "ℓ″" + where);
            }
        }
    }

    static void staysFiniteForLargePreactivations(Loss loss) {
        for (double y : LABELS) {
            for (double r : new double[] {-LARGE, LARGE}) {
                String where = " at y = " + y + ", r = " + r;
                assertTrue(Double.isFinite(loss.value(y, r)), "ℓ" + where);
                assertTrue(Double.isFinite(loss.firstDerivative(y, r)), "ℓ′" + where);
                assertTrue(Double.isFinite(loss.secondDerivative(y, r)), "ℓ″" + where);
            }
        }
    }

    static void declaredConstantCurvatureIsConstant(Loss loss) {
        assertTrue(!loss.constantCurvature() || loss.curvatureCarriesResponse(),
                "a constant ℓ″ carries the response: constantCurvature() implies curvatureCarriesResponse()");
        if (!loss.constantCurvature()) {
            return;
        }
        double curvature = loss.secondDerivative(LABELS[0], PREACTIVATIONS[0]);
        for (double y : LABELS) {
            for (double r : PREACTIVATIONS) {
                assertEquals(curvature, loss.secondDerivative(y, r), 0,
                        "constantCurvature() is true but ℓ″ differs at y = " + y + ", r = " + r);
            }
        }
    }
}
