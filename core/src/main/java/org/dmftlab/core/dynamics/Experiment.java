package org.dmftlab.core.dynamics;

import java.util.Objects;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.spi.UpdateRule;

/**
 * A problem, an algorithm and a horizon: what both engines run. Observables are recorded at t = 0…steps. The
 * update rule is read and checked once, here, and kept only as its {@link #schedule()}: every engine runs the same
 * schedule and never asks the rule again.
 */
public final class Experiment {

    private final Problem problem;
    private final int steps;
    private final UpdateSchedule schedule;

    /**
     * @param problem the learning problem (SPEC §1)
     * @param rule    the update rule (SPEC §2.1)
     * @param steps   T ≥ 1, the number of updates
     * @throws RefusedInputException {@code optimizer/invalid-rule} when the rule does not fit SPEC §2.1
     *                                ({@link UpdateSchedule#of})
     */
    public Experiment(Problem problem, UpdateRule rule, int steps) {
        this.problem = Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(rule, "rule");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1");
        }
        this.steps = steps;
        this.schedule = UpdateSchedule.of(rule, steps);
    }

    /** The learning problem (SPEC §1). */
    public Problem problem() {
        return problem;
    }

    /** T, the number of updates. */
    public int steps() {
        return steps;
    }

    /** The rule's validated coefficients, batch fractions and recognised forms for t = 0…T. */
    public UpdateSchedule schedule() {
        return schedule;
    }
}
