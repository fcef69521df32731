package org.dmftlab.core.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.random.Streams;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The discrete-time DMFT of SPEC §4, solved by causal forward marching (SPEC §4.4): one pass over t, no
 * damping, no fixed-point iteration. Each step first advances the species recursions of the parameter side
 * ({@link ParameterSide}), then the data side, whose kernels feed the next step.
 *
 * <p>Two data sides: the exact Gaussian propagation ({@link GaussianDataSide}) for a loss of constant curvature
 * at full batch (SPEC §5.1; error 0), and sampled paths ({@link PathDataSide}) otherwise. The sampled solve runs
 * {@value #GROUPS} fully independent marches of N/{@value #GROUPS} paths (fewer when N is small), each with its
 * own random stream split from the seed ({@link org.dmftlab.core.random.Streams}); the estimate is their mean and the Monte-Carlo error
 * their standard deviation over √groups. Groups run in parallel and each is sequential, so results do not depend
 * on the number of threads.
 */
public final class TheoryEngine {

    /** Independent sub-populations of the Monte-Carlo solve. */
    static final int GROUPS = 8;
    /** What a march produces itself, in this order: the parameter side's m, q, M, Q, then the data side's loss. */
    private static final Observable[] MARCHED = {Observable.OVERLAP, Observable.NORM,
        Observable.POPULATION_OVERLAP, Observable.POPULATION_NORM, Observable.TRAIN_LOSS};

    /**
     * Solves the DMFT of the experiment.
     *
     * @return every observable at t = 0…T with its Monte-Carlo error (0 in the exact mode)
     * @throws InvalidInputException {@code theory/unsupported-loss} when ℓ″ cannot carry pathwise responses,
     *                               {@code theory/exact-unavailable} when the exact mode is asked where it does
     *                               not apply, {@code theory/degenerate-teacher} when ρ = 0
     * @throws RunFailedException    {@code run/diverged} when the trajectory blows up
     */
    public Trajectory run(Experiment experiment, TheorySettings settings, Progress progress) {
        Problem problem = experiment.problem();
        UpdateRule rule = experiment.rule();
        int steps = experiment.steps();
        checkSupported(problem, rule);
        experiment.coefficients(); // the rule fits SPEC §2.1, or optimizer/invalid-rule
        boolean exact = exactMode(problem, rule, settings.mode());
        Species species = Species.of(problem.covariance(), settings.species());
        if (!(species.rho() > 0)) {
            throw new InvalidInputException("theory/degenerate-teacher", "problem.covariance", null,
                    "the teacher has no power in the data (ρ = w*ᵀΣw*/d = 0): labels carry no signal; use a"
                            + " covariance with a positive eigenvalue where the teacher power is positive");
        }
        int groups = exact ? 1 : Math.min(GROUPS, settings.paths());
        progress.start("theory", (long) groups * steps);
        try {
            List<double[][]> results = exact
                    ? List.<double[][]>of(march(experiment, species, null, 0, 0, progress))
                    : sampledMarches(experiment, species, settings, groups, progress);
            Trajectory trajectory = new Trajectory(steps);
            record(trajectory, results, exact);
            return trajectory;
        } finally {
            progress.finish();
        }
    }

    private static void checkSupported(Problem problem, UpdateRule rule) {
        if (!problem.loss().curvatureCarriesResponse()) {
            throw new InvalidInputException("theory/unsupported-loss", "problem.loss", null,
                    "the theory needs ℓ″ to carry the pathwise response (SPEC §4.2, §6); this loss has a jump in ℓ′"
                            + " (like the exact hinge), whose response is a delta function that sampled paths"
                            + " cannot see. Use a smooth version (e.g. smooth-hinge) or run the simulation only");
        }
        if (!rule.linear()) {
            throw new InvalidInputException("theory/nonlinear-rule", "optimizer", null,
                    "this optimizer transforms its gradients (e.g. a sign or a clipping), so it is outside the linear"
                            + " family of SPEC §2.1 that the theory solves (SPEC §6); run it with --engine simulation");
        }
    }

    /** Whether the exact (path-free) mode is used; EXACT where it does not apply is refused. */
    private static boolean exactMode(Problem problem, UpdateRule rule, TheorySettings.Mode mode) {
        boolean applicable = problem.loss().constantCurvature() && rule.batchFraction() == 1;
        if (mode == TheorySettings.Mode.EXACT && !applicable) {
            throw new InvalidInputException("theory/exact-unavailable", "theory.mode", "exact",
                    "the exact mode needs a loss of constant curvature (square) and batch fraction 1, got "
                            + (problem.loss().constantCurvature() ? "" : "a loss with non-constant ℓ″ and ")
                            + "batch fraction " + rule.batchFraction() + "; use mode auto or monte-carlo");
        }
        return mode == TheorySettings.Mode.AUTO ? applicable : mode == TheorySettings.Mode.EXACT;
    }

    /** Runs the independent sampled marches, in parallel over groups, each from its own split stream. */
    private static List<double[][]> sampledMarches(Experiment experiment, Species species, TheorySettings settings,
                                                   int groups, Progress progress) {
        RandomGenerator.SplittableGenerator root =
                Streams.root(settings.seed());
        List<RandomGenerator> streams = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            streams.add(root.split());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.threads(), groups), runnable -> {
            Thread thread = new Thread(runnable, "dmftlab-theory");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                int paths = share(settings.paths(), groups, g);
                int responsePaths = Math.max(1, share(settings.responsePaths(), groups, g));
                RandomGenerator stream = streams.get(g);
                futures.add(pool.submit(() -> march(experiment, species, stream, paths, Math.min(responsePaths, paths),
                        progress)));
            }
            List<double[][]> results = new ArrayList<>();
            for (Future<double[][]> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("run/interrupted", "the theory run was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Group g's share of n items split over groups as evenly as possible. */
    private static int share(int n, int groups, int g) {
        return n / groups + (g < n % groups ? 1 : 0);
    }

    /**
     * One causal forward march (SPEC §4.4); {@code random == null} selects the exact data side. Returns
     * values[observable][t]; after a blow-up the remaining steps stay NaN.
     */
    static double[][] march(Experiment experiment, Species species, RandomGenerator random, int paths,
                            int responsePaths, Progress progress) {
        Problem problem = experiment.problem();
        int steps = experiment.steps();
        Kernels kernels = new Kernels(steps, species.rho());
        ParameterSide parameters = new ParameterSide(species, experiment.rule(), steps, problem.ridge(),
                problem.initOverlap(), problem.initVariance());
        DataSide data = random == null
                ? new GaussianDataSide(kernels, problem.loss(), problem.teacher(), problem.alpha(), steps)
                : new PathDataSide(kernels, problem.loss(), problem.teacher(), problem.alpha(),
                        experiment.rule().batchFraction(), parameters.lookAhead(), steps, paths, responsePaths,
                        random);
        double[][] values = new double[Observable.values().length][steps + 1];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        double[] marched = new double[MARCHED.length];
        for (int t = 0; t <= steps; t++) {
            parameters.prepare(t, kernels, marched);
            marched[MARCHED.length - 1] = data.step(t, t < steps);
            boolean finite = true;
            for (int o = 0; o < MARCHED.length; o++) {
                values[MARCHED[o].ordinal()][t] = marched[o];
                finite &= Double.isFinite(marched[o]) && Math.abs(marched[o]) <= Trajectory.EXPLOSION;
            }
            if (!finite) {
                return values;
            }
            double rho = kernels.rho;
            double populationOverlap = marched[2];
            double populationNorm = marched[3];
            values[Observable.TEST_LOSS.ordinal()][t] =
                    TestMetrics.testLoss(problem.loss(), problem.teacher(), rho, populationOverlap, populationNorm);
            values[Observable.TEST_ERROR.ordinal()][t] =
                    problem.teacher().testError(rho, populationOverlap, populationNorm);
            if (t < steps) {
                parameters.advance(t, kernels);
                progress.advance(1);
            }
        }
        return values;
    }

    /**
     * Mean over groups with the standard error of the mean as error: 0 for the exact run, NaN for a single sampled
     * group.
     */
    private static void record(Trajectory trajectory, List<double[][]> groups, boolean exact) {
        int count = groups.size();
        for (int t = 0; t <= trajectory.steps(); t++) {
            for (Observable observable : Observable.values()) {
                double sum = 0;
                for (double[][] group : groups) {
                    sum += group[observable.ordinal()][t];
                }
                double mean = sum / count;
                double squares = 0;
                for (double[][] group : groups) {
                    double deviation = group[observable.ordinal()][t] - mean;
                    squares += deviation * deviation;
                }
                double error = exact ? 0 : count == 1 ? Double.NaN : Math.sqrt(squares / (count - 1) / count);
                trajectory.set(observable, t, mean, error);
            }
        }
    }
}
