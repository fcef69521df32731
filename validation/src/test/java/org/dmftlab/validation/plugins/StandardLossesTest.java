package org.dmftlab.validation.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/** Values of the standard losses that the generic contract cannot know (SPEC §1, §6). */
class StandardLossesTest {

    @Test
    void smoothHingeIsWithinLogTwoOverSharpnessOfTheHinge() {
        for (double sharpness : new double[] {1, 10, 200}) {
            Loss smooth = Plugins.loss("smooth-hinge", Map.of("sharpness", sharpness));
            for (double y : new double[] {-1, 1}) {
                for (double r = -3; r <= 3; r += 0.125) {
                    double hinge = Math.max(0, 1 - y * r);
                    double gap = smooth.value(y, r) - hinge;
                    assertTrue(gap >= 0 && gap <= Math.log(2) / sharpness * (1 + 1e-12),
                            "gap " + gap + " at k = " + sharpness + ", y r = " + y * r);
                }
            }
            // At the margin the gap is exactly log 2 / k and the slope is half the hinge's.
            assertEquals(Math.log(2) / sharpness, smooth.value(1, 1), 1e-15);
            assertEquals(-0.5, smooth.firstDerivative(1, 1), 1e-15);
            assertEquals(sharpness / 4, smooth.secondDerivative(1, 1), 1e-12 * sharpness);
            assertTrue(smooth.curvatureCarriesResponse());
            assertFalse(smooth.constantCurvature());
        }
    }

    @Test
    void smoothHingeIsLinearFarOnTheWrongSide() {
        Loss smooth = Plugins.loss("smooth-hinge", Map.of());
        assertEquals(1 + 1e4, smooth.value(1, -1e4), 1e-9);
        assertEquals(-1, smooth.firstDerivative(1, -1e4));
        assertEquals(0, smooth.value(-1, -1e4));
    }

    @Test
    void huberIsQuadraticInsideAndLinearOutside() {
        Loss huber = Plugins.loss("huber", Map.of("delta", 0.5));
        assertEquals(0.5 * 0.3 * 0.3, huber.value(1, 1.3), 1e-15);
        assertEquals(0.3, huber.firstDerivative(1, 1.3), 1e-15);
        assertEquals(1, huber.secondDerivative(1, 1.3));
        // |y − r| = 2 > δ: δ|y − r| − δ²/2 = 1 − 0.125.
        assertEquals(0.875, huber.value(1, -1), 1e-15);
        assertEquals(-0.5, huber.firstDerivative(1, -1));
        assertEquals(0, huber.secondDerivative(1, -1));
        assertEquals(0.5, huber.firstDerivative(-1, 1e4));
        // Continuous value and slope at the threshold.
        assertEquals(0.125, huber.value(0, 0.5), 1e-15);
        assertEquals(huber.value(0, Math.nextUp(0.5)), huber.value(0, 0.5), 1e-15);
        assertEquals(0.5, huber.firstDerivative(0, Math.nextUp(0.5)));
    }

    @Test
    void hugeDeltaMakesHuberTheSquareLoss() {
        Loss huber = Plugins.loss("huber", Map.of("delta", 1e9));
        Loss square = Plugins.loss("square", Map.of());
        for (double r = -5; r <= 5; r += 0.25) {
            assertEquals(square.value(0.7, r), huber.value(0.7, r), 1e-12);
            assertEquals(square.firstDerivative(0.7, r), huber.firstDerivative(0.7, r), 1e-12);
        }
    }
}
