package org.dmftlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.junit.jupiter.api.Test;

/**
 * {@link UpdateSchedule}: the checks of SPEC §2.1, the batch fraction of every update (SPEC §2.2), the look-ahead
 * test and the recognition of the momentum form.
 */
class UpdateScheduleTest {

    /** A rule of the given memory, batch fraction and temperature with the given steps. */
    private static UpdateRule rule(int memory, double batchFraction, double temperature,
                                   IntFunction<StepCoefficients> steps) {
        return new UpdateRule() {
            @Override
            public int memory() {
                return memory;
            }

            @Override
            public StepCoefficients coefficients(int t) {
                return steps.apply(t);
            }

            @Override
            public double batchFraction() {
                return batchFraction;
            }

            @Override
            public double temperature() {
                return temperature;
            }
        };
    }

    /** A full-batch rule whose batch fraction of step t is {@code fractions(t)}, through the per-step method only. */
    private static UpdateRule scheduledBatch(IntToDoubleFunction fractions) {
        UpdateRule base = rule(1, 1, 0, t -> StepCoefficients.momentum(0.1, 0, 0));
        return new UpdateRule() {
            @Override
            public int memory() {
                return 1;
            }

            @Override
            public StepCoefficients coefficients(int t) {
                return base.coefficients(t);
            }

            @Override
            public double batchFraction() {
                return base.batchFraction();
            }

            @Override
            public double batchFraction(int t) {
                return fractions.applyAsDouble(t);
            }

            @Override
            public double temperature() {
                return 0;
            }
        };
    }

    private static UpdateRule momentum(double eta, double beta, double gamma) {
        return rule(1, 1, 0, t -> StepCoefficients.momentum(eta, beta, gamma));
    }

    private static String refusal(UpdateRule rule) {
        RefusedInputException error = assertThrows(RefusedInputException.class, () -> UpdateSchedule.of(rule, 5));
        assertEquals("optimizer/invalid-rule", error.code());
        return error.detail();
    }

    @Test
    void refusesWhatDoesNotFitTheLinearMemoryForm() {
        assertTrue(refusal(rule(1, 0, 0, t -> StepCoefficients.momentum(0.1, 0, 0)))
                .contains("step 0 has batch fraction 0.0"));
        assertTrue(refusal(scheduledBatch(t -> t == 3 ? 1.5 : 1)).contains("step 3 has batch fraction 1.5"));
        assertTrue(refusal(rule(1, 1, -1, t -> StepCoefficients.momentum(0.1, 0, 0))).contains("temperature -1.0"));
        assertTrue(refusal(rule(1, 1, 0, t -> t < 3 ? StepCoefficients.momentum(0.1, 0, 0)
                : StepCoefficients.of(new double[] {1}, new double[] {0.1}, new double[] {1})))
                .contains("step 3 has memory 0 but the rule declares 1"));
        assertTrue(refusal(rule(1, 1, 0, t -> StepCoefficients.momentum(t == 5 ? Double.NaN : 0.1, 0, 0)))
                .contains("step 5 has a non-finite coefficient"));
        assertTrue(refusal(rule(1, 1, 0.5, t -> StepCoefficients.momentum(-0.1, 0, 0)))
                .contains("step 0 has b_0 = -0.1 < 0"));
        // Without Langevin noise a negative b_0 is allowed (an ascent step, say).
        assertEquals(-0.1, UpdateSchedule.of(rule(1, 1, 0, t -> StepCoefficients.momentum(-0.1, 0, 0)), 5).b(4, 0));
    }

    @Test
    void readsEveryStepOnceWithTheLastQueryPoint() {
        UpdateSchedule schedule = UpdateSchedule.of(rule(1, 0.25, 0.5,
                t -> StepCoefficients.momentum(0.1 * (t + 1), 0.5, t == 4 ? 0.5 : 0)), 4);
        assertEquals(4, schedule.steps());
        assertEquals(0.5, schedule.b(4, 0));
        assertEquals(-0.5, schedule.a(2, 1));
        assertEquals(0.25, schedule.selection(3).fraction());
        assertEquals(1, schedule.selection(4).fraction(), "step T records only: the full batch, never drawn");
        assertFalse(schedule.fullBatch());
        assertEquals(OptionalInt.of(0), schedule.firstPartialBatch());
        assertTrue(schedule.queryIsIterate(3));
        assertFalse(schedule.queryIsIterate(4), "c = (1.5, -0.5) at the last step");
        assertTrue(schedule.lookAhead(), "the last step's query point counts (the theory's field at w^T)");
    }

    @Test
    void recognisesTheMomentumForm() {
        assertEquals(Optional.of(new UpdateSchedule.Momentum(0.1, 0, 0)),
                UpdateSchedule.of(rule(0, 1, 0, t -> StepCoefficients.of(new double[] {1}, new double[] {0.1},
                        new double[] {1})), 3).momentum(2));
        assertEquals(Optional.of(new UpdateSchedule.Momentum(0.2, 0.6, 0.6)),
                UpdateSchedule.of(momentum(0.2, 0.6, 0.6), 3).momentum(1));
        // A second gradient lag (quasi-hyperbolic momentum) or a = (1.5, -0.4) is not of the momentum form.
        assertEquals(Optional.empty(), UpdateSchedule.of(rule(1, 1, 0, t -> StepCoefficients.of(
                new double[] {1.5, -0.5}, new double[] {0.1, -0.02}, new double[] {1, 0})), 3).momentum(0));
        assertEquals(Optional.empty(), UpdateSchedule.of(rule(1, 1, 0, t -> StepCoefficients.of(
                new double[] {1.5, -0.4}, new double[] {0.1, 0}, new double[] {1, 0})), 3).momentum(0));
        assertEquals(Optional.empty(), UpdateSchedule.of(rule(2, 1, 0, t -> StepCoefficients.of(
                new double[] {1, 0, 0}, new double[] {0.1}, new double[] {1})), 3).momentum(0));
    }

    @Test
    void plainGradientDescentHasNoLookAheadAndFullBatches() {
        UpdateSchedule schedule = UpdateSchedule.of(momentum(0.1, 0.5, 0), 3);
        assertFalse(schedule.lookAhead());
        assertTrue(schedule.fullBatch());
        assertTrue(schedule.linear());
        assertEquals(OptionalInt.empty(), schedule.firstPartialBatch());
    }

    @Test
    void everyUpdateHasTheBatchFractionOfItsStep() {
        // Only batchFraction(t) is read, for t < T: b_T (here 0, out of range) is never drawn.
        UpdateSchedule schedule = UpdateSchedule.of(scheduledBatch(t -> t < 2 ? 1 : t < 5 ? 0.5 : 0), 5);
        for (int t = 0; t < 5; t++) {
            assertEquals(t < 2 ? 1 : 0.5, schedule.selection(t).fraction(), "b_" + t);
        }
        assertFalse(schedule.fullBatch());
        assertEquals(OptionalInt.of(2), schedule.firstPartialBatch());
        assertTrue(UpdateSchedule.of(scheduledBatch(t -> t < 5 ? 1 : 0.5), 5).fullBatch(),
                "full-batch when every update is");
    }
}
