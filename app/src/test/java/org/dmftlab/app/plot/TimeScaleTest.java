package org.dmftlab.app.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.junit.jupiter.api.Test;

/** The time axis of the run figure: steps, or the gradient-flow time τ_t = Σ_{s&lt;t} η_s of SPEC §2.2. */
class TimeScaleTest {

    /** Gradient descent with learning rates η_t = 0.1 (t + 1), or 0.1 at every step. */
    private static UpdateSchedule schedule(boolean growing) {
        return UpdateSchedule.of(new UpdateRule() {
            @Override
            public int memory() {
                return 0;
            }

            @Override
            public StepCoefficients coefficients(int t) {
                return StepCoefficients.of(new double[] {1}, new double[] {growing ? 0.1 * (t + 1) : 0.1},
                        new double[] {1});
            }

            @Override
            public double batchFraction() {
                return 1;
            }

            @Override
            public double temperature() {
                return 0;
            }
        }, 4);
    }

    @Test
    void stepsAreTheDefault() {
        TimeScale steps = TimeScale.of(FigureOptions.DEFAULT, schedule(true));

        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, steps.positions());
        assertEquals("step t", steps.label());
    }

    @Test
    void gradientFlowTimeSumsTheLearningRatesOfTheEarlierUpdates() {
        TimeScale scheduled = TimeScale.of(new FigureOptions(TimeAxis.LOG, TimeUnit.ETA_T, false), schedule(true));
        TimeScale constant = TimeScale.of(new FigureOptions(TimeAxis.LINEAR, TimeUnit.ETA_T, false), schedule(false));

        assertArrayEquals(new double[] {0, 0.1, 0.3, 0.6, 1.0}, scheduled.positions(), 1e-15);
        assertEquals("gradient-flow time Σ_{s<t} η_s", scheduled.label());
        assertFalse(scheduled.drawable(0), "τ_0 = 0 is not on a log axis");
        assertTrue(scheduled.drawable(1));
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.4}, constant.positions(), 1e-15);
        assertEquals("gradient-flow time η t", constant.label());
        assertTrue(constant.drawable(0), "a linear axis shows τ = 0");
    }
}
