package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.spi.Schedule;

/**
 * The {@link Schedule} contract (SPEC §2.2): a finite value at every step 0 ≤ t ≤ T (the updates and the recording
 * step T) for horizons from 1 to {@link ParameterValues#STEPS} and base values of several sizes; and no state: a value
 * depends only on (v, t, T), whatever was asked before.
 */
final class ScheduleChecks {

    /** Horizons T: the shortest, short ones, and as long as the optimizer contract. */
    static final int[] HORIZONS = {1, 2, 7, 100, ParameterValues.STEPS};
    /** Base values v: learning rates, momenta and batch fractions are of these sizes. */
    static final double[] BASES = {1, 0.5, 0.1, 2.5e-3};

    private ScheduleChecks() {
    }

    static void valuesAreFiniteAtEveryStep(Schedule schedule) {
        for (int steps : HORIZONS) {
            for (double base : BASES) {
                for (int t = 0; t <= steps; t++) {
                    double value = schedule.value(base, t, steps);
                    assertTrue(Double.isFinite(value), "value(" + base + ", " + t + ", " + steps + ") = " + value);
                }
            }
        }
    }

    static void valuesDependOnlyOnTheirArguments(Schedule schedule) {
        int steps = 100;
        double[] forward = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            forward[t] = schedule.value(0.5, t, steps);
        }
        for (int t = steps; t >= 0; t--) {
            schedule.value(0.1, t, 7 + t);
            assertEquals(forward[t], schedule.value(0.5, t, steps), 0, "value(0.5, " + t + ", " + steps
                    + ") changed after other values were asked for: a schedule must not keep state");
        }
    }
}
