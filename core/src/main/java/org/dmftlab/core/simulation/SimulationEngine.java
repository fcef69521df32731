package org.dmftlab.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.ReplicaStatistics;
import org.dmftlab.core.problem.InputPart;
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
 * count. Seeds run in parallel and each seed's data pass is split into fixed row blocks, all on one pool of
 * {@code threads} workers.
 */
public final class SimulationEngine {

    /**
     * Simulates the experiment.
     *
     * @return mean over seeds of every observable at t = 0…T, with the standard error over seeds
     * @throws RefusedInputException for a dimension that is too small or too large, or an invalid covariance
     *     spectrum
     * @throws RunFailedException    {@code run/diverged} as soon as a seed produces a non-finite or exploding
     *     observable (the earliest step, and at that step the lowest seed; the message names step and observable)
     */
    public Trajectory run(Experiment experiment, SimulationSettings settings, Progress progress) {
        checkDimension(experiment, settings.dimension());
        Population population = Population.of(experiment.problem().covariance(), settings.dimension());
        int steps = experiment.steps();
        AtomicInteger lastStep = new AtomicInteger(steps);
        SplittableGenerator root = Streams.root(settings.seed());
        SeedTask[] seeds = new SeedTask[settings.seeds()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = new SeedTask(experiment, population, root.split(), progress, lastStep);
        }
        progress.start("simulation", (long) seeds.length * steps);
        ForkJoinPool pool = newPool(settings.threads());
        try {
            pool.invoke(new AllSeeds(seeds));
        } finally {
            pool.shutdown();
            progress.finish();
        }
        SeedTask failed = null;
        for (SeedTask seed : seeds) {
            if (seed.failure != null && (failed == null || seed.failedAt < failed.failedAt)) {
                failed = seed;
            }
        }
        if (failed != null) {
            throw failed.failure;
        }
        List<Trajectory> replicas = new ArrayList<>(seeds.length);
        for (SeedTask seed : seeds) {
            replicas.add(seed.trajectory);
        }
        return ReplicaStatistics.combine(replicas);
    }

    /**
     * Checks that the dimension gives at least one sample and that the n×d inputs fit one array.
     *
     * @throws InvalidInputException as documented on {@link #run}
     */
    static void checkDimension(Experiment experiment, int d) {
        long n = experiment.problem().samples(d);
        if (d < 2 || n < 1 || n * d > Integer.MAX_VALUE - 8) {
            throw new RefusedInputException(ConfigError.OUT_OF_RANGE, InputPart.SIMULATION_DIMENSION, d,
                    "need d >= 2, at least one sample (n = round(alpha d) = " + n + ") and n d < 2^31");
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

    /** Runs every seed as a fork/join task. */
    private static final class AllSeeds extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final transient SeedTask[] seeds;

        AllSeeds(SeedTask[] seeds) {
            this.seeds = seeds;
        }

        @Override
        protected void compute() {
            invokeAll(seeds);
        }
    }

    /**
     * One seed: steps until the end or until a seed has failed at an earlier step ({@code lastStep}), so that
     * the reported failure (earliest step, then lowest seed) does not depend on scheduling.
     */
    private static final class SeedTask extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final transient Experiment experiment;
        private final transient Population population;
        private final transient SplittableGenerator stream;
        private final transient Progress progress;
        private final transient AtomicInteger lastStep;
        private transient Trajectory trajectory;
        private transient RunFailedException failure;
        private int failedAt;

        SeedTask(Experiment experiment, Population population, SplittableGenerator stream, Progress progress,
                 AtomicInteger lastStep) {
            this.experiment = experiment;
            this.population = population;
            this.stream = stream;
            this.progress = progress;
            this.lastStep = lastStep;
        }

        @Override
        protected void compute() {
            SeedRun run = new SeedRun(experiment, population, stream, progress);
            trajectory = run.trajectory();
            try {
                while (run.time() <= Math.min(run.steps(), lastStep.get())) {
                    run.step();
                }
            } catch (RunFailedException e) {
                failure = e;
                failedAt = run.time();
                lastStep.accumulateAndGet(failedAt, Math::min);
            }
        }
    }
}
