package org.dmftlab.core.simulation;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.random.Streams;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.StepCoefficients;

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
 *   <li>the linear-memory update of SPEC §2.1 with the rule's coefficients, Bernoulli selections of weight 1/b
 *       drawn afresh at every step, and Langevin noise √(2 T_L b_{t,0}) ζ^t;</li>
 *   <li>at every iterate w^t: m, q, M, Q, the training loss at w^t, and test loss and test error from
 *       {@link org.dmftlab.core.problem.TestMetrics} / the teacher with the seed's measured ρ = w*ᵀΣw* / d.</li>
 * </ul>
 * The result holds the mean over seeds and the standard error (sample standard deviation / √seeds); with a
 * single seed the error is NaN (unknown). Seed i draws everything from a stream derived only from
 * ({@code seed}, i), and all reductions run in a fixed order, so the result is bit-identical for any thread
 * count. Seeds run in parallel and each seed's data pass is split into fixed row blocks, all on one pool of
 * {@code threads} workers.
 */
public final class SimulationEngine {

    /**
     * Simulates the experiment.
     *
     * @return mean over seeds of every observable at t = 0…T, with the standard error over seeds
     * @throws InvalidInputException for a dimension that is too small or too large, an invalid covariance
     *     spectrum, or an update rule whose coefficients do not fit SPEC §2.1
     * @throws RunFailedException    {@code run/diverged} as soon as a seed produces a non-finite or exploding
     *     observable (the earliest step, and at that step the lowest seed; the message names step and observable)
     */
    public Trajectory run(Experiment experiment, SimulationSettings settings, Progress progress) {
        StepCoefficients[] coefficients = prepare(experiment, settings.dimension());
        Population population = Population.of(experiment.problem().covariance(), settings.dimension());
        int steps = experiment.steps();
        AtomicInteger lastStep = new AtomicInteger(steps);
        SplittableGenerator root = Streams.root(settings.seed());
        SeedTask[] seeds = new SeedTask[settings.seeds()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = new SeedTask(experiment, coefficients, population, root.split(), progress, lastStep);
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
        return aggregate(seeds, steps);
    }

    /**
     * Checks the dimension and the rule ({@link Experiment#coefficients()}) and returns the coefficients of the
     * updates, steps 0…T−1.
     *
     * @throws InvalidInputException as documented on {@link #run}
     */
    static StepCoefficients[] prepare(Experiment experiment, int d) {
        long n = SeedRun.sampleCount(experiment.problem().alpha(), d);
        if (d < 2 || n < 1 || n * d > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("config/out-of-range", "simulation.dimension", d,
                    "need d >= 2, at least one sample (n = round(alpha d) = " + n + ") and n d < 2^31");
        }
        return Arrays.copyOf(experiment.coefficients(), experiment.steps());
    }

    /**
     * A pool of exactly {@code threads} workers that never adds compensation threads (joins help with the
     * pending row blocks instead).
     */
    static ForkJoinPool newPool(int threads) {
        return new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false, 0, threads,
                1, pool -> true, 30, TimeUnit.SECONDS);
    }

    /** Mean over seeds (in seed order) and standard error; NaN error for a single seed. */
    private static Trajectory aggregate(SeedTask[] seeds, int steps) {
        Trajectory result = new Trajectory(steps);
        int count = seeds.length;
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= steps; t++) {
                double sum = 0;
                for (SeedTask seed : seeds) {
                    sum += seed.trajectory.value(observable, t);
                }
                double mean = sum / count;
                double squares = 0;
                for (SeedTask seed : seeds) {
                    double deviation = seed.trajectory.value(observable, t) - mean;
                    squares += deviation * deviation;
                }
                double error = count > 1 ? Math.sqrt(squares / (count - 1) / count) : Double.NaN;
                result.set(observable, t, mean, error);
            }
        }
        return result;
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
        private final transient StepCoefficients[] coefficients;
        private final transient Population population;
        private final transient SplittableGenerator stream;
        private final transient Progress progress;
        private final transient AtomicInteger lastStep;
        private transient Trajectory trajectory;
        private transient RunFailedException failure;
        private int failedAt;

        SeedTask(Experiment experiment, StepCoefficients[] coefficients, Population population,
                 SplittableGenerator stream, Progress progress, AtomicInteger lastStep) {
            this.experiment = experiment;
            this.coefficients = coefficients;
            this.population = population;
            this.stream = stream;
            this.progress = progress;
            this.lastStep = lastStep;
        }

        @Override
        protected void compute() {
            SeedRun run = new SeedRun(experiment, coefficients, population, stream, progress);
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
