package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.spi.Loss;

/**
 * The {@link Loss} contract (SPEC §1, §4.2): ℓ′ and ℓ″ are the derivatives of ℓ in r (checked against central
 * finite differences of ℓ on a grid of labels and preactivations), ℓ, ℓ′, ℓ″ stay finite at r = ±1e4, a loss that
 * declares {@link Loss#curvatureCarriesResponse()} has no jump in ℓ′ that ℓ″ misses, and a loss that declares
 * {@link Loss#constantCurvature()} has the same ℓ″ everywhere.
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
    /** The preactivations [−{@value #REACH}, {@value #REACH}] scanned for jumps of ℓ′, one unit cell at a time. */
    private static final int REACH = 10;
    /** Trapezoid points per unit cell: the rule's error stays near 1e-6 for ℓ‴ up to ~1e3 (sharp smoothing). */
    private static final int CELL_POINTS = 10_000;
    /** Allowed |Δℓ′ − ∫ℓ″| per unit cell: far below any jump worth the name, far above the rule's error. */
    private static final double JUMP_TOLERANCE = 1e-3;

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

    /**
     * When the loss says ℓ″ carries the response: ℓ′(b) − ℓ′(a) = ∫_a^b ℓ″ on every unit cell of the scanned
     * preactivations (trapezoid rule), i.e. ℓ′ has no jump that ℓ″ would miss (SPEC §4.2, §6).
     */
    static void curvatureIntegratesToTheFirstDerivative(Loss loss) {
        if (!loss.curvatureCarriesResponse()) {
            return;
        }
        double h = 1.0 / CELL_POINTS;
        for (double y : LABELS) {
            for (int cell = -REACH; cell < REACH; cell++) {
                double integral = 0.5 * (loss.secondDerivative(y, cell) + loss.secondDerivative(y, cell + 1));
                for (int i = 1; i < CELL_POINTS; i++) {
                    integral += loss.secondDerivative(y, cell + i * h);
                }
                integral *= h;
                double change = loss.firstDerivative(y, cell + 1) - loss.firstDerivative(y, cell);
                assertEquals(change, integral, JUMP_TOLERANCE * (1 + Math.abs(change)), "curvatureCarriesResponse()"
                        + " is true but ℓ′ changes by " + change + " on [" + cell + ", " + (cell + 1) + "] at y = " + y
                        + " while ℓ″ integrates to " + integral + ": ℓ′ jumps, or ℓ″ is wrong there");
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
