package org.dmftlab.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.dmftlab.core.dynamics.BatchSelection;
import org.dmftlab.core.dynamics.Divergence;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.UnitState;
import org.dmftlab.core.random.CountedStream;
import org.dmftlab.core.spi.GradientMap;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Teacher;

/**
 * One seed of the finite-size simulation: the data set of SPEC §1 and the linear-memory update of SPEC §2.1,
 * with the observables of SPEC §3 recorded at every iterate w^t, t = 0…T.
 *
 * <p>Randomness comes only from the seed's own stream, split in a fixed order into: the teacher, the initial
 * point, the Langevin noise, and for each block of {@link #BLOCK_ROWS} rows one stream for its inputs and label
 * noises and one for its sample selections. Row blocks are drawn and processed as fork/join tasks, each writing
 * its partial gradient and loss into its own buffer, summed afterwards in block order; within a block every sum
 * has a fixed order ({@link RowKernels}): results are bit-identical for any number of threads. Construction and
 * {@link #step()} must run inside a {@code ForkJoinPool} worker (the row blocks are forked into that pool); no
 * buffer is allocated after construction. The inputs are stored in the precision of {@link DataMatrix}; the
 * labels are computed from the stored inputs.
 *
 * <p>Gradients of steps before 0 (lags b_{t,j} with t − j &lt; 0) are zero; iterates before 0 are w⁰.
 *
 * <p>When the experiment asks for the two-time functions (SPEC §3.1), the iterate of every grid step is kept and
 * C(t,s) = w^t·w^s / d is recorded with every kept w^s, s ≤ t; C(t,t) is computed exactly as q(t).
 *
 * <p>Between two steps the seed is a {@link UnitState}: the iterates and gradients of its memory, the observables
 * so far, the grid's iterates and the words drawn from its Langevin and selection streams. The data set is not part
 * of it: a seed created afresh draws the same data set from its stream.
 */
final class SeedRun implements UnitState {

    /** Rows per block of the data pass: fixed, so that results do not depend on the thread count. */
    static final int BLOCK_ROWS = 256;
    /** Rows handled together by the four-row kernels (divides {@link #BLOCK_ROWS}). */
    private static final int GROUP = 4;

    private final Loss loss;
    private final Teacher teacher;
    private final double ridge;
    private final UpdateSchedule schedule;
    private final int steps;
    private final int memory;
    private final double temperature;
    private final GradientMap gradientMap;
    private final Population population;
    private final Progress progress;

    private final int n;
    private final int d;
    /** Inputs, n × d. */
    private final DataMatrix x;
    private final double[] labels;
    private final double[] teacherVector;
    /** Σ w*. */
    private final double[] sigmaTeacher;
    /** ρ = w*ᵀΣw* / d as measured for this seed. */
    private final double rho;

    /** w^{t−j} lives in iterates[floorMod(t − j, p + 2)]; the one free slot receives w^{t+1}. */
    private final double[][] iterates;
    /** ∇L of step t − j lives in gradients[floorMod(t − j, p + 1)]. */
    private final double[][] gradients;
    /** ŵ^t when it differs from w^t. */
    private final double[] query;
    private final double[][] blockGradients;
    private final double[] blockLosses;
    private final BlockPass[] passes;
    private final Metrics metrics = new Metrics();
    private final CountedStream langevin;
    private final Trajectory trajectory;
    /** Where C(t,s) goes (null: not recorded), and the iterates of the grid steps so far. */
    private final TwoTimeFunctions twoTime;
    private final double[][] gridIterates;

    /**
     * What the row blocks of the current pass read: the query point, the iterate, whether to accumulate ∇L and
     * this step's selection.
     */
    private double[] passQuery;
    private double[] passIterate;
    private boolean passGradient;
    private BatchSelection passSelection;
    private int t;

    /**
     * Draws the seed's data set and initial point.
     *
     * @param precision how the inputs are stored
     * @param stream    this seed's random stream (consumed by splits only)
     */
    SeedRun(Experiment experiment, Population population, Precision precision, SplittableGenerator stream,
            Progress progress) {
        Problem problem = experiment.problem();
        this.loss = problem.loss();
        this.teacher = problem.teacher();
        this.ridge = problem.ridge();
        this.schedule = experiment.schedule();
        this.steps = experiment.steps();
        this.memory = schedule.memory();
        this.temperature = schedule.temperature();
        this.gradientMap = schedule.gradientMap();
        this.population = population;
        this.progress = progress;
        this.d = population.dimension();
        this.n = (int) problem.samples(d);

        SplittableGenerator teacherRandom = stream.split();
        SplittableGenerator initRandom = stream.split();
        this.langevin = new CountedStream(stream.split());
        int blocks = blocks(n);
        SplittableGenerator[] dataRandom = new SplittableGenerator[blocks];
        this.passes = new BlockPass[blocks];
        for (int b = 0; b < blocks; b++) {
            dataRandom[b] = stream.split();
            passes[b] = new BlockPass(b, new CountedStream(stream.split()));
        }

        teacherVector = population.drawTeacher(teacherRandom);
        sigmaTeacher = new double[d];
        population.multiply(teacherVector, sigmaTeacher);
        rho = VectorOps.dot(teacherVector, sigmaTeacher) / d;
        x = DataMatrix.allocate(precision, n, d);
        labels = new double[n];
        drawSamples(dataRandom);

        double[] start = initialPoint(problem, initRandom);
        iterates = new double[memory + 2][];
        for (int slot = 0; slot < iterates.length; slot++) {
            iterates[slot] = start.clone();
        }
        gradients = new double[memory + 1][d];
        query = new double[d];
        blockGradients = new double[blocks][d];
        blockLosses = new double[blocks];
        trajectory = new Trajectory(steps);
        twoTime = experiment.twoTimeGrid().map(trajectory::recordTwoTime).orElse(null);
        gridIterates = twoTime == null ? null : new double[twoTime.grid().size()][d];
    }

    /** Row blocks of a data set with n samples. */
    static int blocks(long n) {
        return (int) ((n + BLOCK_ROWS - 1) / BLOCK_ROWS);
    }

    /** Inputs of every row block in parallel, then h0 = x·w* and y = φ(h0, ε) with the block's noises. */
    private void drawSamples(SplittableGenerator[] dataRandom) {
        List<ForkJoinTask<?>> draws = new ArrayList<>(dataRandom.length);
        for (int b = 0; b < dataRandom.length; b++) {
            SplittableGenerator random = dataRandom[b];
            int from = b * BLOCK_ROWS;
            int to = Math.min(n, from + BLOCK_ROWS);
            draws.add(ForkJoinTask.adapt(() -> {
                x.draw(population, random, from, to);
                for (int mu = from; mu < to; mu++) {
                    labels[mu] = teacher.label(x.dot(mu, teacherVector), teacher.drawNoise(random));
                }
            }));
        }
        ForkJoinTask.invokeAll(draws);
    }

    /** w⁰ = m0 w* + w⊥ with w⊥ Gaussian, made Euclidean-orthogonal to w* and scaled to |w⊥|² = c0 d (SPEC §1). */
    private double[] initialPoint(Problem problem, SplittableGenerator random) {
        double[] orthogonal = new double[d];
        for (int j = 0; j < d; j++) {
            orthogonal[j] = random.nextGaussian();
        }
        double projection = VectorOps.dot(orthogonal, teacherVector) / VectorOps.dot(teacherVector, teacherVector);
        for (int j = 0; j < d; j++) {
            orthogonal[j] -= projection * teacherVector[j];
        }
        double scale = Math.sqrt(problem.initVariance() * d / VectorOps.dot(orthogonal, orthogonal));
        double[] start = new double[d];
        for (int j = 0; j < d; j++) {
            start[j] = problem.initOverlap() * teacherVector[j] + scale * orthogonal[j];
        }
        return start;
    }

    /** The step t whose observables the next {@link #step()} records (T + 1 once the run is complete). */
    int time() {
        return t;
    }

    /** T. */
    int steps() {
        return steps;
    }

    /** A copy of the current iterate w^t (t = {@link #time()}, or w^T at the end). */
    double[] iterate() {
        return iterates[Math.floorMod(Math.min(t, steps), memory + 2)].clone();
    }

    /** A copy of the teacher w*. */
    double[] teacherVector() {
        return teacherVector.clone();
    }

    /** The observables recorded so far (errors NaN: one seed has no error bar). */
    Trajectory trajectory() {
        return trajectory;
    }

    /**
     * Records the observables of w^t and, if t &lt; T, performs the update t → t+1: one pass over the data
     * computes r = x·ŵ^t (and x·w^t when ŵ^t ≠ w^t) per row and accumulates the selected rows' s ℓ′ x into
     * the block gradients while the row is hot.
     *
     * @throws org.dmftlab.core.problem.RunFailedException when an observable is not finite or explodes
     */
    void step() {
        double[] iterate = iterates[Math.floorMod(t, memory + 2)];
        boolean update = t < steps;
        double[] hat = update ? queryPoint(iterate) : iterate;
        passQuery = hat;
        passIterate = iterate;
        passGradient = update;
        passSelection = schedule.selection(t);
        metrics.reinitialize();
        metrics.fork();
        for (BlockPass pass : passes) {
            pass.reinitialize();
        }
        ForkJoinTask.invokeAll(passes);
        metrics.join();
        record(iterate);
        if (update) {
            advance(hat);
            progress.advance(1);
        }
        t++;
    }

    /** ŵ^t = Σ_j c_{t,j} w^{t−j}; the iterate itself when c = (1, 0, …). */
    private double[] queryPoint(double[] iterate) {
        if (schedule.queryIsIterate(t)) {
            return iterate;
        }
        Arrays.fill(query, 0);
        for (int j = 0; j <= memory; j++) {
            addScaled(schedule.c(t, j), iterates[Math.floorMod(t - j, memory + 2)], query);
        }
        return query;
    }

    /**
     * The pass over rows [from, to) of one block with the block's scratch arrays, four rows at a time: r = x·ŵ
     * (and x·w when ŵ ≠ w) and the training loss for every row, and s ℓ′ x added to the block's gradient for every
     * selected row, in row order, as soon as four are pending (while they are still in cache); writes only that
     * block's gradient and loss buffers.
     */
    private void pass(int block, int from, int to, CountedStream selection, BlockScratch scratch) {
        double[] gradient = blockGradients[block];
        if (passGradient) {
            Arrays.fill(gradient, 0);
        }
        boolean separate = passQuery != passIterate;
        double[] r = scratch.query;
        double[] rIterate = separate ? scratch.iterate : r;
        double lossSum = 0;
        for (int mu = from; mu < to; mu += GROUP) {
            int rows = Math.min(GROUP, to - mu);
            if (rows == GROUP) {
                x.dotFour(mu, passQuery, r);
                if (separate) {
                    x.dotFour(mu, passIterate, rIterate);
                }
            } else {
                for (int k = 0; k < rows; k++) {
                    r[k] = x.dot(mu + k, passQuery);
                    rIterate[k] = separate ? x.dot(mu + k, passIterate) : r[k];
                }
            }
            for (int k = 0; k < rows; k++) {
                lossSum += loss.value(labels[mu + k], rIterate[k]);
                double weight = passGradient ? gradientWeight(selection, labels[mu + k], r[k]) : 0;
                if (weight != 0) {
                    scratch.pend(mu + k, weight);
                    if (scratch.pending == GROUP) {
                        x.addFour(scratch.rows, scratch.weights, scratch.offsets, gradient);
                        scratch.pending = 0;
                    }
                }
            }
        }
        for (int k = 0; k < scratch.pending; k++) {
            x.add(scratch.rows[k], scratch.weights[k], gradient);
        }
        scratch.pending = 0;
        blockLosses[block] = lossSum;
    }

    /** s ℓ′(y, r) with this step's selection s ({@link BatchSelection}), drawn from the block's stream. */
    private double gradientWeight(CountedStream selection, double y, double r) {
        return passSelection.draw(selection) ? passSelection.weigh(loss.firstDerivative(y, r)) : 0;
    }

    /**
     * The observables of SPEC §3 at w^t: the training loss from the data pass, the others from {@link #metrics},
     * checked in this order.
     */
    private void record(double[] w) {
        double trainLoss = 0;
        for (double blockLoss : blockLosses) {
            trainLoss += blockLoss;
        }
        set(Observable.OVERLAP, metrics.overlap);
        set(Observable.NORM, metrics.norm);
        set(Observable.POPULATION_OVERLAP, metrics.populationOverlap);
        set(Observable.POPULATION_NORM, metrics.populationNorm);
        set(Observable.TRAIN_LOSS, trainLoss / n);
        set(Observable.TEST_LOSS, metrics.testLoss);
        set(Observable.TEST_ERROR, metrics.testError);
        int i = twoTime == null ? -1 : twoTime.grid().indexOf(t);
        if (i >= 0) {
            System.arraycopy(w, 0, gridIterates[i], 0, d);
            for (int j = 0; j <= i; j++) {
                twoTime.set(TwoTimeFunctions.Function.CORRELATION, i, j, VectorOps.dot(w, gridIterates[j]) / d,
                        Double.NaN);
            }
        }
    }

    /** @throws org.dmftlab.core.problem.RunFailedException when the value diverged ({@link Divergence}) */
    private void set(Observable observable, double value) {
        Divergence.check(observable, t, value);
        trajectory.set(observable, t, value, Double.NaN);
    }

    /**
     * w^{t+1} = Σ_j a_{t,j} w^{t−j} − Σ_j b_{t,j} ∇L^{t−j} + √(2 T_L b_{t,0}) ζ^t, after storing
     * ∇L^t = λŵ^t + Σ_blocks (block gradient) in block order, transformed by the rule's gradient map.
     */
    private void advance(double[] hat) {
        double[] gradient = gradients[Math.floorMod(t, memory + 1)];
        for (int i = 0; i < d; i++) {
            gradient[i] = ridge * hat[i];
        }
        for (double[] blockGradient : blockGradients) {
            addScaled(1, blockGradient, gradient);
        }
        gradientMap.apply(gradient);
        double[] next = iterates[Math.floorMod(t + 1, memory + 2)];
        Arrays.fill(next, 0);
        for (int j = 0; j <= memory; j++) {
            addScaled(schedule.a(t, j), iterates[Math.floorMod(t - j, memory + 2)], next);
            if (t - j >= 0) {
                addScaled(-schedule.b(t, j), gradients[Math.floorMod(t - j, memory + 1)], next);
            }
        }
        double noise = Math.sqrt(2 * temperature * schedule.b(t, 0));
        if (noise > 0) {
            for (int i = 0; i < d; i++) {
                next[i] += noise * langevin.nextGaussian();
            }
        }
    }

    @Override
    public int nextStep() {
        return t;
    }

    @Override
    public void exchange(StateChannel channel) {
        t = (int) channel.value(t);
        channel.doubles(iterates);
        channel.doubles(gradients);
        channel.doubles(query);
        channel.doubles(blockGradients);
        channel.doubles(blockLosses);
        trajectory.exchange(channel);
        if (gridIterates != null) {
            channel.doubles(gridIterates);
        }
        langevin.exchange(channel);
        for (BlockPass pass : passes) {
            pass.selection.exchange(channel);
        }
    }

    /** y += c v (skipped when c = 0); modifies {@code y}. */
    private static void addScaled(double c, double[] v, double[] y) {
        if (c != 0) {
            for (int i = 0; i < y.length; i++) {
                y[i] += c * v[i];
            }
        }
    }

    /**
     * Per-block scratch: preactivations at ŵ and at w of one group of rows, and the selected rows whose s ℓ′ x is
     * still to be added to the gradient, with their weights.
     */
    private static final class BlockScratch {
        final double[] query = new double[GROUP];
        final double[] iterate = new double[GROUP];
        final int[] rows = new int[GROUP];
        final double[] weights = new double[GROUP];
        final int[] offsets = new int[GROUP];
        int pending;

        void pend(int row, double weight) {
            rows[pending] = row;
            weights[pending] = weight;
            pending++;
        }
    }

    /**
     * The observables of w^t that need no data (SPEC §3: overlaps, norms and the test metrics, whose quadrature
     * costs as much as a few row blocks), computed as one more task beside the row blocks of the data pass, which
     * reads the same w^t; reused at every step.
     */
    private final class Metrics extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private double overlap;
        private double norm;
        private double populationOverlap;
        private double populationNorm;
        private double testLoss;
        private double testError;

        @Override
        protected void compute() {
            double[] w = passIterate;
            overlap = VectorOps.dot(w, teacherVector) / d;
            norm = VectorOps.dot(w, w) / d;
            populationOverlap = VectorOps.dot(w, sigmaTeacher) / d;
            populationNorm = population.quadratic(w) / d;
            testLoss = TestMetrics.testLoss(loss, teacher, rho, populationOverlap, populationNorm);
            testError = teacher.testError(rho, populationOverlap, populationNorm);
        }
    }

    /** One row block of the data pass, reused at every step. */
    private final class BlockPass extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final int block;
        private final transient CountedStream selection;
        private final transient BlockScratch scratch = new BlockScratch();

        BlockPass(int block, CountedStream selection) {
            this.block = block;
            this.selection = selection;
        }

        @Override
        protected void compute() {
            int from = block * BLOCK_ROWS;
            pass(block, from, Math.min(n, from + BLOCK_ROWS), selection, scratch);
        }
    }
}
