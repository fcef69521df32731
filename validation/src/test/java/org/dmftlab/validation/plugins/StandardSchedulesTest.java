package org.dmftlab.validation.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/** The standard schedules give the values of SPEC §2.2 on hand-checked examples, with v = 0.4 and T = 20. */
class StandardSchedulesTest {

    private static final double EXACT = 1e-15;
    private static final int STEPS = 20;

    private static Schedule schedule(String id, Map<String, ?> values) {
        return Plugins.create(PluginFamily.SCHEDULE, id, values, STEPS);
    }

    @Test
    void constantIsTheBaseValue() {
        assertEquals(0.4, schedule("constant", Map.of()).value(0.4, 13, STEPS));
    }

    @Test
    void stepMultipliesByTheFactorAtEachMilestoneReached() {
        Schedule step = schedule("step", Map.of("milestones", List.of(5, 12), "factor", 0.5));
        assertEquals(0.4, step.value(0.4, 4, STEPS));
        assertEquals(0.2, step.value(0.4, 5, STEPS), "a milestone counts from its own step on");
        assertEquals(0.2, step.value(0.4, 11, STEPS));
        assertEquals(0.1, step.value(0.4, 12, STEPS));
        assertEquals(0.4, schedule("step", Map.of()).value(0.4, 19, STEPS), "no milestones: constant");
    }

    @Test
    void cosineFallsFromTheBaseToTheFinalValueAtT() {
        Schedule cosine = schedule("cosine", Map.of("final", 0.1));
        assertEquals(0.4, cosine.value(0.4, 0, STEPS), EXACT);
        assertEquals(0.25, cosine.value(0.4, 10, STEPS), EXACT, "half-way: the mean of v and v_f");
        assertEquals(0.1, cosine.value(0.4, STEPS, STEPS), EXACT);
    }

    @Test
    void inverseTimeDecaysAsAPower() {
        Schedule inverse = schedule("inverse-time", Map.of("t0", 5, "power", 2));
        assertEquals(0.4, inverse.value(0.4, 0, STEPS), EXACT);
        assertEquals(0.1, inverse.value(0.4, 5, STEPS), EXACT, "(1 + 5/5)² = 4");
    }

    @Test
    void warmupRisesLinearlyThenHandsTheRemainingStepsToItsInnerSchedule() {
        Schedule warmup = schedule("warmup", Map.of("steps", 4, "then", Map.of("id", "cosine", "final", 0.0)));
        assertEquals(0.1, warmup.value(0.4, 0, STEPS), EXACT, "v (t+1)/w");
        assertEquals(0.4, warmup.value(0.4, 3, STEPS), EXACT);
        assertEquals(0.4, warmup.value(0.4, 4, STEPS), EXACT, "the inner schedule starts at its t = 0");
        assertEquals(0.2, warmup.value(0.4, 12, STEPS), EXACT, "half of the 16 remaining steps");
        assertEquals(0.0, warmup.value(0.4, STEPS, STEPS), EXACT, "the inner horizon ends with the run");
        Schedule longerThanTheRun = schedule("warmup", Map.of("steps", 40));
        assertEquals(0.4 * 21 / 40, longerThanTheRun.value(0.4, STEPS, STEPS), EXACT);
    }
}
