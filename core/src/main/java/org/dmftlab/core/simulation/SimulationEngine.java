package org.dmftlab.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.ReplicaStatistics;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.random.Streams;
import org.dmftlab.core.spi.ConfigError;

/**
 * Finite-size simulation of an experiment, exactly as SPEC §1–3 describe: observables averaged over seeds, with
 * standard errors.
 *
 * <p>Per seed, in dimension d with n = round(α d) samples:
 * <ul>
 *   <li>inputs x_μ = Σ^{1/2} z_μ, z_μ ~ N(0, I/d). A covariance without a dense operator is simulated in its
 *       eigenbasis, X_{μj} = √σ_j z_{μj} with σ_j = σ((j+½)/d), and the teacher is w*_j = √τ_j × a random sign
 *       (τ_j = τ((j+½)/d), so |w*|² = Σ τ_j ≈ d). A dense covariance is not diagonalised: X = Z Lᵀ with
 *       Σ = L Lᵀ (Cholesky) and w* a Gaussian vector rescaled to |w*|² = d;</li>
 *   <li>labels y_μ = φ(x_μ·w*, ε_μ); initial point w⁰ = m0 w* + w⊥, w⊥ Gaussian, Euclidean-orthogonal to w*,
 *       |w⊥|² = c0 d;</li>
 *   <li>the linear-memory update of SPEC §2.1 with the experiment's {@link org.dmftlab.core.dynamics.UpdateSchedule},
 *       selections {@link org.dmftlab.core.dynamics.BatchSelection} drawn afresh for every sample at every step,
 *       and Langevin noise √(2 T_L b_{t,0}) ζ^t;</li>
 *   <li>at every iterate w^t: m, q, M, Q, the training loss at w^t, and test loss and test error from
 *       {@link org.dmftlab.core.problem.TestMetrics} / the teacher with the seed's measured ρ = w*ᵀΣw* / d.</li>
 * </ul>
 * The result holds the mean over seeds and the standard error ({@link ReplicaStatistics}); with a single seed the
 * error is NaN (unknown). Seed i draws everything from a stream derived only from
 * ({@code seed}, i), and all reductions run in a fixed order, so the result is bit-identical for any thread
 * count. Seeds run in parallel, never more at once than {@link SimulationMemory} finds room for in the heap, and
 * each seed's data pass is split into fixed row blocks, all on one pool of {@code threads} workers.
 *
 * <p>The seeds are the run's units ({@link UnitStore}): seed i, from the i-th split of the base seed's root stream
 * ({@link Streams#split}), is computed alone by {@link #unit}; {@link #run} loads the seeds a store holds, computes
 * the others, saves each as it finishes, and combines them in seed order: the same bits whichever were loaded.
 */
public final class SimulationEngine {

    private final long heapBytes;

    /** An engine that plans with the JVM's heap ({@link Runtime#maxMemory()}). */
    public SimulationEngine() {
        this(Runtime.getRuntime().maxMemory());
    }

    /**
     * An engine that plans with the given heap size instead of the JVM's (to try a schedule).
     *
     * @param heapBytes the heap the seeds in flight must fit in, in bytes
     */
    public SimulationEngine(long heapBytes) {
        this.heapBytes = heapBytes;
    }

    /**
     * Starts compiling the simulation's hot code for X in the {@link SimulationSettings#DEFAULT_PRECISION} in the
     * background, once per JVM ({@link WarmUp}). Every run starts it for its precision too, but a program that
     * calls this a second or so before its first run (while it reads its input) gets full speed from the first
     * step. Results never depend on it.
     */
    public static void warmUp() {
        WarmUp.start(SimulationSettings.DEFAULT_PRECISION);
    }

    /**
     * The memory the simulation needs and how many seeds it runs at once; check {@link SimulationMemory#fits()}
     * before a run starts.
     *
     * @throws RefusedInputException for a dimension out of range
     */
    public SimulationMemory memory(Experiment experiment, SimulationSettings settings) {
        checkDimension(experiment, settings.dimension());
        return SimulationMemory.plan(experiment, settings, heapBytes);
    }

    /** Simulates the experiment, every seed computed here: {@link #run(Experiment, SimulationSettings, Progress,
     * UnitStore)} with {@link UnitStore#NONE}. */
    public Trajectory run(Experiment experiment, SimulationSettings settings, Progress progress) {
        return run(experiment, settings, progress, UnitStore.NONE);
    }

    /**
     * Simulates the experiment: the seeds the store holds are loaded, the others computed (each saved to the store
     * as soon as it has run all its steps), and all combined in seed order.
     *
     * @return mean over seeds of every observable at t = 0…T, with the standard error over seeds
     * @throws RefusedInputException for a dimension that is too small or too large, {@link SimulationError#TOO_LARGE}
     *     when not even one seed fits in the heap ({@link #memory}), or an invalid covariance spectrum
     * @throws RunFailedException    {@code run/diverged} as soon as a seed produces a non-finite or exploding
     *     observable (the earliest step, and at that step the lowest seed; the message names step and observable)
     */
    public Trajectory run(Experiment experiment, SimulationSettings settings, Progress progress, UnitStore store) {
        SimulationMemory memory = fittingMemory(experiment, settings);
        WarmUp.start(settings.precision());
        Population population = Population.of(experiment.problem().covariance(), settings.dimension());
        int steps = experiment.steps();
        AtomicInteger lastStep = new AtomicInteger(steps);
        SplittableGenerator root = Streams.root(settings.seed());
        Trajectory[] replicas = new Trajectory[settings.seeds()];
        List<SeedTask> missing = new ArrayList<>();
        for (int i = 0; i < replicas.length; i++) {
            SplittableGenerator stream = root.split(); // the i-th split: Streams.split(seed, i)
            Optional<Trajectory> saved = store.load(i);
            if (saved.isPresent()) {
                replicas[i] = saved.get();
            } else {
                missing.add(new SeedTask(i, experiment, population, settings.precision(), stream, progress, lastStep,
                        store));
            }
        }
        progress.start("simulation", (long) missing.size() * steps, "seed steps");
        ForkJoinPool pool = newPool(settings.threads());
        try {
            pool.invoke(new Lanes(missing.toArray(SeedTask[]::new), Math.min(memory.seedsInFlight(),
                    Math.max(1, missing.size()))));
        } finally {
            pool.shutdown();
            progress.finish();
        }
        SeedTask failed = null;
        for (SeedTask seed : missing) {
            if (seed.failure != null && (failed == null || seed.failedAt < failed.failedAt)) {
                failed = seed;
            }
        }
        if (failed != null) {
            throw failed.failure;
        }
        for (SeedTask seed : missing) {
            replicas[seed.index] = seed.trajectory;
        }
        return ReplicaStatistics.combine(List.of(replicas));
    }

    /**
     * Simulates seed {@code unit} alone, from the unit-th split of the base seed's stream: the same bits as in a
     * whole {@link #run}.
     *
     * @param unit 0 ≤ unit &lt; {@link SimulationSettings#seeds()}
     * @return the seed's observables at t = 0…T (errors NaN)
     * @throws RefusedInputException as {@link #run} does
     * @throws RunFailedException    {@code run/diverged} when the seed blows up
     */
    public Trajectory unit(Experiment experiment, SimulationSettings settings, int unit, Progress progress) {
        return unit(experiment, settings, unit, progress, UnitStore.NONE);
    }

    /**
     * As {@link #unit(Experiment, SimulationSettings, int, Progress)}, continuing from the state the store saved of
     * the seed, if any, and offering its state to the store after every step ({@link UnitStore#stepDone}); the
     * finished seed is not saved (the caller does).
     */
    public Trajectory unit(Experiment experiment, SimulationSettings settings, int unit, Progress progress,
                           UnitStore store) {
        if (unit < 0 || unit >= settings.seeds()) {
            throw new IllegalArgumentException("seed " + unit + " of " + settings.seeds());
        }
        fittingMemory(experiment, settings);
        WarmUp.start(settings.precision());
        SeedTask seed = new SeedTask(unit, experiment,
                Population.of(experiment.problem().covariance(), settings.dimension()), settings.precision(),
                Streams.split(settings.seed(), unit), progress, new AtomicInteger(experiment.steps()),
                UnitStore.inProgress(store));
        progress.start("simulation", experiment.steps(), "seed steps");
        ForkJoinPool pool = newPool(settings.threads());
        try {
            pool.invoke(new Lanes(new SeedTask[] {seed}, 1));
        } finally {
            pool.shutdown();
            progress.finish();
        }
        if (seed.failure != null) {
            throw seed.failure;
        }
        return seed.trajectory;
    }

    /** The memory plan, refused with {@link SimulationError#TOO_LARGE} when not even one seed fits. */
    private SimulationMemory fittingMemory(Experiment experiment, SimulationSettings settings) {
        SimulationMemory memory = memory(experiment, settings);
        if (!memory.fits()) {
            throw new RefusedInputException(SimulationError.TOO_LARGE, InputPart.SIMULATION_DIMENSION,
                    settings.dimension(), memory.need("the number of steps", "the number of seeds",
                            "single precision", "the dimension", "the heap (-Xmx)"));
        }
        return memory;
    }

    /**
     * Checks that d ≥ 2, n ≥ 1, and that both n and a row block of d-entry rows fit in one array.
     *
     * @throws RefusedInputException as documented on {@link #run}
     */
    static void checkDimension(Experiment experiment, int d) {
        long n = experiment.problem().samples(d);
        long longest = DataMatrix.MAX_ARRAY_LENGTH;
        if (d < 2 || n < 1 || n > longest || (long) SeedRun.BLOCK_ROWS * d > longest) {
            throw new RefusedInputException(ConfigError.OUT_OF_RANGE, InputPart.SIMULATION_DIMENSION, d,
                    "need 2 <= d <= " + longest / SeedRun.BLOCK_ROWS + " and 1 <= n = round(alpha d) <= " + longest
                            + " (n = " + n + ")");
        }
    }

    /**
     * A pool of exactly {@code threads} workers that never adds compensation threads (joins help with the
     * pending row blocks instead).
     */
    static ForkJoinPool newPool(int threads) {
        return new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false, 0, threads,
                1, pool -> true, 30, TimeUnit.SECONDS);
    }

    /**
     * Runs the seeds on {@code lanes} fork/join tasks, each taking the next seed not yet started when its previous
     * one is done: at most {@code lanes} seeds are in flight (hold their data) at any time, whichever worker runs
     * them.
     */
    private static final class Lanes extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final transient SeedTask[] seeds;
        private final int lanes;

        Lanes(SeedTask[] seeds, int lanes) {
            this.seeds = seeds;
            this.lanes = lanes;
        }

        @Override
        protected void compute() {
            AtomicInteger next = new AtomicInteger();
            Lane[] tasks = new Lane[lanes];
            for (int lane = 0; lane < lanes; lane++) {
                tasks[lane] = new Lane(seeds, next);
            }
            invokeAll(tasks);
        }
    }

    /** One lane: runs the next seed not yet started until none is left. */
    private static final class Lane extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final transient SeedTask[] seeds;
        private final transient AtomicInteger next;

        Lane(SeedTask[] seeds, AtomicInteger next) {
            this.seeds = seeds;
            this.next = next;
        }

        @Override
        protected void compute() {
            for (int i = next.getAndIncrement(); i < seeds.length; i = next.getAndIncrement()) {
                seeds[i].run();
            }
        }
    }

    /**
     * One seed: steps until the end or until a seed has failed at an earlier step ({@code lastStep}), so that
     * the reported failure (earliest step, then lowest seed) does not depend on scheduling; a seed that ran all its
     * steps is saved to the store. Only its trajectory outlives {@link #run()}; the data set is garbage as soon as
     * the seed is done.
     */
    private static final class SeedTask {

        private final int index;
        private final UnitStore store;
        private final Experiment experiment;
        private final Population population;
        private final Precision precision;
        private final SplittableGenerator stream;
        private final Progress progress;
        private final AtomicInteger lastStep;
        private Trajectory trajectory;
        private RunFailedException failure;
        private int failedAt;

        SeedTask(int index, Experiment experiment, Population population, Precision precision,
                 SplittableGenerator stream, Progress progress, AtomicInteger lastStep, UnitStore store) {
            this.index = index;
            this.store = store;
            this.experiment = experiment;
            this.population = population;
            this.precision = precision;
            this.stream = stream;
            this.progress = progress;
            this.lastStep = lastStep;
        }

        /** Draws the seed's data and runs its steps; must run in a fork/join worker. */
        void run() {
            SeedRun run = new SeedRun(experiment, population, precision, stream, progress);
            trajectory = run.trajectory();
            if (store.resume(index, run)) {
                progress.advance(run.time());
            }
            try {
                while (run.time() <= Math.min(run.steps(), lastStep.get())) {
                    run.step();
                    if (run.time() <= run.steps()) {
                        store.stepDone(index, run);
                    }
                }
                if (run.time() > run.steps()) {
                    store.save(index, trajectory);
                }
            } catch (RunFailedException e) {
                failure = e;
                failedAt = run.time();
                lastStep.accumulateAndGet(failedAt, Math::min);
            }
        }
    }
}
