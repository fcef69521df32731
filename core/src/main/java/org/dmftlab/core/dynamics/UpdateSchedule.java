package org.dmftlab.core.dynamics;

import java.util.Optional;
import java.util.OptionalInt;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.GradientMap;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The update of SPEC §2.1 for steps t = 0…T as both engines run it, read from the {@link UpdateRule} once and
 * checked: the coefficient arrays (a_{t,·}, b_{t,·}, c_{t,·}) of memory p, the batch fraction b_t of every update
 * (the probability of its {@link BatchSelection}, from {@link UpdateRule#batchFraction(int)}), the Langevin
 * temperature T_L and the gradient map. Step T has no update: only its query-point coefficients c_{T,·} are used
 * (by the theory's field at the last iterate), and its selection, never drawn, is the full batch.
 *
 * <p>Conventions of the linear-memory form that both engines follow: iterates before step 0 are w⁰ and gradients
 * before step 0 are zero (a lag b_{t,j} with t − j &lt; 0 adds nothing). Immutable.
 */
public final class UpdateSchedule {

    /** Tolerance for recognising the momentum form in the coefficients. */
    private static final double FORM_TOLERANCE = 1e-12;
    /** The selection of step T, which records only: the full batch, never drawn. */
    private static final BatchSelection RECORD_ONLY = new BatchSelection(1);
    /** Per step, besides 3 (p+1) coefficients: three array headers, a selection and four references (a bound). */
    private static final long STEP_OVERHEAD_BYTES = 3 * 16 + 24 + 4 * 8 + 1;

    private final int memory;
    private final double[][] a;
    private final double[][] b;
    private final double[][] c;
    private final BatchSelection[] selections;
    private final boolean[] queryIsIterate;
    private final boolean lookAhead;
    private final double temperature;
    private final GradientMap gradientMap;
    private final boolean linear;

    private UpdateSchedule(int memory, double[][] a, double[][] b, double[][] c, BatchSelection[] selections,
                           double temperature, GradientMap gradientMap, boolean linear) {
        this.memory = memory;
        this.a = a;
        this.b = b;
        this.c = c;
        this.selections = selections;
        this.temperature = temperature;
        this.gradientMap = gradientMap;
        this.linear = linear;
        queryIsIterate = new boolean[c.length];
        boolean anyLookAhead = false;
        for (int t = 0; t < c.length; t++) {
            boolean plain = true;
            for (int j = 0; j <= memory; j++) {
                plain &= c[t][j] == (j == 0 ? 1 : 0);
            }
            queryIsIterate[t] = plain;
            anyLookAhead |= !plain;
        }
        lookAhead = anyLookAhead;
    }

    /**
     * Reads steps t = 0…T of a rule and checks them against SPEC §2.1: a batch fraction b_t in (0, 1] at every
     * update t &lt; T, a finite temperature ≥ 0, every step of the declared memory with finite coefficients, and
     * b_{t,0} ≥ 0 where Langevin noise √(2 T_L b_{t,0}) is added.
     *
     * @param steps T ≥ 1
     * @throws RefusedInputException {@code optimizer/invalid-rule} about the update rule, naming what does not fit;
     *                               {@code config/out-of-range} about the {@link InputPart#STEPS} when the schedule
     *                               alone would not fit in the JVM's heap ({@link #bytes(int, int)})
     */
    public static UpdateSchedule of(UpdateRule rule, int steps) {
        double temperature = rule.temperature();
        if (!(temperature >= 0) || !Double.isFinite(temperature) || rule.memory() < 0) {
            throw invalidRule("temperature " + temperature + ", memory " + rule.memory()
                    + ": need a finite temperature >= 0 and memory >= 0");
        }
        int memory = rule.memory();
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes(memory, steps) > Estimates.budget(heap)) {
            throw new RefusedInputException(ConfigError.OUT_OF_RANGE, InputPart.STEPS, steps, "the schedule of the"
                    + " update alone (the coefficients of every step) would hold " + Estimates.size(bytes(memory,
                    steps)) + " and the heap of " + Estimates.size(heap) + " leaves " + Estimates.size(Math.max(0,
                    Estimates.budget(heap))) + "; lower the number of steps or raise the heap (-Xmx)");
        }
        double[][] a = new double[steps + 1][];
        double[][] b = new double[steps + 1][];
        double[][] c = new double[steps + 1][];
        BatchSelection[] selections = new BatchSelection[steps + 1];
        for (int t = 0; t <= steps; t++) {
            StepCoefficients k = rule.coefficients(t);
            if (k.memory() != memory) {
                throw invalidRule("step " + t + " has memory " + k.memory() + " but the rule declares " + memory);
            }
            a[t] = new double[memory + 1];
            b[t] = new double[memory + 1];
            c[t] = new double[memory + 1];
            for (int j = 0; j <= memory; j++) {
                if (!Double.isFinite(k.a(j)) || !Double.isFinite(k.b(j)) || !Double.isFinite(k.c(j))) {
                    throw invalidRule("step " + t + " has a non-finite coefficient: " + k);
                }
                a[t][j] = k.a(j);
                b[t][j] = k.b(j);
                c[t][j] = k.c(j);
            }
            if (temperature > 0 && k.b(0) < 0) {
                throw invalidRule("step " + t + " has b_0 = " + k.b(0) + " < 0, so its Langevin noise"
                        + " sqrt(2 T_L b_0) is undefined");
            }
            if (t < steps) {
                double fraction = rule.batchFraction(t);
                if (!(fraction > 0 && fraction <= 1)) {
                    throw invalidRule("step " + t + " has batch fraction " + fraction + ": need 0 < b_t <= 1");
                }
                selections[t] = new BatchSelection(fraction);
            } else {
                selections[t] = RECORD_ONLY;
            }
        }
        return new UpdateSchedule(memory, a, b, c, selections, temperature, rule.gradientMap(), rule.linear());
    }

    private static RefusedInputException invalidRule(String detail) {
        return new RefusedInputException(OptimizerError.INVALID_RULE, InputPart.UPDATE_RULE, null,
                "the update rule does not fit SPEC §2.1: " + detail);
    }

    /**
     * The heap a schedule of memory p and T steps holds: 3 (p+1) coefficients per step and t = 0…T, with their
     * arrays and the step's selection (an upper bound), so that a run can be refused before it is built.
     */
    public static long bytes(int memory, int steps) {
        return Estimates.times(steps + 1L, 3L * Double.BYTES * (memory + 1) + STEP_OVERHEAD_BYTES);
    }

    /** The heap this schedule holds ({@link #bytes(int, int)}). */
    public long bytes() {
        return bytes(memory, steps());
    }

    /** T: steps 0…T − 1 update, step T only records. */
    public int steps() {
        return a.length - 1;
    }

    /** The memory depth p ≥ 0. */
    public int memory() {
        return memory;
    }

    /** a_{t,j}, the weight of w^{t−j} in w^{t+1}. */
    public double a(int t, int j) {
        return a[t][j];
    }

    /** b_{t,j}, the weight of the gradient of step t − j in w^{t+1}. */
    public double b(int t, int j) {
        return b[t][j];
    }

    /** c_{t,j}, the weight of w^{t−j} in the query point ŵ^t. */
    public double c(int t, int j) {
        return c[t][j];
    }

    /** The sample selection of step t (SPEC §2), with the batch fraction b_t (the full batch at t = T). */
    public BatchSelection selection(int t) {
        return selections[t];
    }

    /** Whether every update uses the full batch (b_t = 1 for all t &lt; T). */
    public boolean fullBatch() {
        return firstPartialBatch().isEmpty();
    }

    /** The first update t &lt; T whose batch fraction b_t is below 1, if any. */
    public OptionalInt firstPartialBatch() {
        for (int t = 0; t < steps(); t++) {
            if (selections[t].fraction() != 1) {
                return OptionalInt.of(t);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The gradient-flow time of SPEC §2.2 at t = 0…T: τ_t = Σ_{s&lt;t} η_s with η_s = b_{s,0}, the weight of the
     * step's own gradient (the learning rate η_s of the momentum family).
     */
    public double[] gradientFlowTime() {
        double[] time = new double[a.length];
        for (int t = 1; t < time.length; t++) {
            time[t] = time[t - 1] + b[t - 1][0];
        }
        return time;
    }

    /** The Langevin temperature T_L ≥ 0. */
    public double temperature() {
        return temperature;
    }

    /** The map applied to every gradient ({@link GradientMap#IDENTITY} in the linear family). */
    public GradientMap gradientMap() {
        return gradientMap;
    }

    /** Whether the rule is in the linear family that the theory solves (SPEC §2.1, §6). */
    public boolean linear() {
        return linear;
    }

    /** Whether ŵ^t = w^t, that is c_{t,·} = (1, 0, …, 0). */
    public boolean queryIsIterate(int t) {
        return queryIsIterate[t];
    }

    /** Whether some step t = 0…T queries a point other than its iterate (a look-ahead, SPEC §4.3 last point). */
    public boolean lookAhead() {
        return lookAhead;
    }

    /**
     * Step t in the momentum form of SPEC §2, a = (1+β, −β), b = (η, 0), c = (1+γ, −γ) (memory 0: β = γ = 0),
     * recognised up to round-off; empty for any other linear-memory step.
     */
    public Optional<Momentum> momentum(int t) {
        if (memory > 1) {
            return Optional.empty();
        }
        boolean lagFree = memory == 0 || Math.abs(b[t][1]) <= FORM_TOLERANCE;
        double aSum = a[t][0] + (memory == 0 ? 0 : a[t][1]);
        double cSum = c[t][0] + (memory == 0 ? 0 : c[t][1]);
        if (!lagFree || Math.abs(aSum - 1) > FORM_TOLERANCE || Math.abs(cSum - 1) > FORM_TOLERANCE) {
            return Optional.empty();
        }
        return Optional.of(new Momentum(b[t][0], memory == 0 ? 0 : -a[t][1], memory == 0 ? 0 : -c[t][1]));
    }

    /**
     * One step of the momentum family of SPEC §2.
     *
     * @param learningRate η_t
     * @param momentum     β_t
     * @param lookAhead    γ_t (0 for heavy ball, β_t for Nesterov)
     */
    public record Momentum(double learningRate, double momentum, double lookAhead) {
    }
}
