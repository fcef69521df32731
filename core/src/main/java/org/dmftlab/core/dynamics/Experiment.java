package org.dmftlab.core.dynamics;

import java.util.Objects;
import java.util.Optional;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.dmftlab.core.spi.UpdateRule;

/**
 * A problem, an algorithm and a horizon: what both engines run. Observables are recorded at t = 0…steps. The
 * update rule is read and checked once, here, and kept only as its {@link #schedule()}: every engine runs the same
 * schedule and never asks the rule again. An experiment may also ask for the two-time functions of SPEC §3.1 on the
 * {@link TwoTimeGrid} of its horizon ({@link #withTwoTimeFunctions()}).
 */
public final class Experiment {

    private final Problem problem;
    private final int steps;
    private final UpdateSchedule schedule;
    private final TwoTimeGrid twoTimeGrid;

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
        this.twoTimeGrid = null;
    }

    private Experiment(Experiment experiment, TwoTimeGrid twoTimeGrid) {
        this.problem = experiment.problem;
        this.steps = experiment.steps;
        this.schedule = experiment.schedule;
        this.twoTimeGrid = twoTimeGrid;
    }

    /**
     * The same experiment, with both engines recording the two-time functions of SPEC §3.1 on
     * {@link TwoTimeGrid#of}(T) (in {@link org.dmftlab.core.problem.Trajectory#twoTime()}).
     */
    public Experiment withTwoTimeFunctions() {
        return new Experiment(this, TwoTimeGrid.of(steps));
    }

    /** The grid of the two-time functions, when the experiment records them. */
    public Optional<TwoTimeGrid> twoTimeGrid() {
        return Optional.ofNullable(twoTimeGrid);
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
