package org.dmftlab.core.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.ReplicaStatistics;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.random.Streams;

/**
 * The discrete-time DMFT of SPEC §4, solved by causal forward marching (SPEC §4.4): one pass over t, no
 * damping, no fixed-point iteration ({@link ForwardMarch}). Each step first advances the species recursions of the
 * parameter side ({@link ParameterSide}), then the data side, whose kernels feed the next step.
 *
 * <p>Two data sides: the exact Gaussian propagation ({@link GaussianDataSide}) for a loss of constant curvature
 * at full batch (SPEC §5.1; error 0), and sampled paths ({@link PathDataSide}) otherwise. The sampled solve runs
 * {@value #GROUPS} fully independent marches of N/{@value #GROUPS} paths (fewer when N is small), each with its
 * own random stream split from the seed ({@link org.dmftlab.core.random.Streams}); the estimate is their mean and the
 * Monte-Carlo error their standard error ({@link ReplicaStatistics}). Groups run in parallel and each is sequential,
 * so results do not depend on the number of threads.
 *
 * <p>A spectrum that is not a step spectrum is integrated by a quadrature of K species ({@link Species}); the
 * engine then solves once more with ⌊K/2⌋ species from the same random numbers (the first group's stream, or the
 * exact data side) and reports the difference as the quadrature's error estimate ({@link QuadratureError}, SPEC
 * §4.5).
 */
public final class TheoryEngine {

    /**
     * Independent sub-populations of the Monte-Carlo solve: their spread is the Monte-Carlo error, an estimate with
     * GROUPS − 1 degrees of freedom.
     */
    public static final int GROUPS = 8;
    /** The fewest paths per group of the Monte-Carlo solve: fewer give a curve and an error bar of no use. */
    static final int MIN_PATHS_PER_GROUP = 50;
    /** The fewest paths of the Monte-Carlo solve: {@value #GROUPS} groups of {@value #MIN_PATHS_PER_GROUP}. */
    public static final int MIN_PATHS = GROUPS * MIN_PATHS_PER_GROUP;
    /** The fewest response paths of the Monte-Carlo solve: one per group. */
    public static final int MIN_RESPONSE_PATHS = GROUPS;

    private final long heapBytes;

    /** An engine that plans with the JVM's heap ({@link Runtime#maxMemory()}). */
    public TheoryEngine() {
        this(Runtime.getRuntime().maxMemory());
    }

    /**
     * An engine that plans with the given heap size instead of the JVM's.
     *
     * @param heapBytes the heap the groups alive at once must fit in, in bytes
     */
    public TheoryEngine(long heapBytes) {
        this.heapBytes = heapBytes;
    }

    /**
     * Checks everything the solve would refuse and plans its memory and time, without solving anything; check
     * {@link TheoryMemory#fits()} before a run starts.
     *
     * @throws RefusedInputException {@code theory/unsupported-loss} when ℓ″ cannot carry pathwise responses,
     *                                {@code theory/nonlinear-rule} for a rule with a gradient map,
     *                                {@code theory/exact-unavailable} when the exact mode is asked where it does
     *                                not apply, {@code theory/degenerate-teacher} when ρ = 0,
     *                                {@code theory/too-few-paths} for a Monte-Carlo solve with fewer than
     *                                {@value #MIN_PATHS} paths or fewer response paths than groups
     */
    public TheoryMemory memory(Experiment experiment, TheorySettings settings) {
        return plan(experiment, settings).memory();
    }

    /** What a run needs: the checks of {@link #memory} passed, the species, whether it is exact, its memory. */
    private record Plan(Species species, boolean exact, int groups, TheoryMemory memory) {
    }

    private Plan plan(Experiment experiment, TheorySettings settings) {
        Problem problem = experiment.problem();
        checkSupported(problem, experiment.schedule());
        boolean exact = exactMode(problem, experiment.schedule(), settings.mode());
        Species species = Species.of(problem.covariance(), settings.species());
        if (!(species.rho() > 0)) {
            throw new RefusedInputException(TheoryError.DEGENERATE_TEACHER, InputPart.COVARIANCE, null,
                    "the teacher has no power in the data (ρ = w*ᵀΣw*/d = 0): labels carry no signal; use a"
                            + " covariance with a positive eigenvalue where the teacher power is positive");
        }
        if (!exact) {
            checkPaths(settings);
        }
        int groups = exact ? 1 : GROUPS;
        return new Plan(species, exact, groups, TheoryMemory.plan(experiment, settings, exact, groups,
                species.size(), heapBytes));
    }

    /**
     * Solves the DMFT of the experiment.
     *
     * @return every observable at t = 0…T with its Monte-Carlo error (0 in the exact mode), and the quadrature's
     *         error estimate when the spectrum is not represented exactly
     * @throws RefusedInputException as {@link #memory} does, and {@code theory/too-large} when the solve does not
     *                               fit in the heap ({@link TheoryMemory#fits()})
     * @throws RunFailedException    {@code run/diverged} when the trajectory blows up
     */
    public TheoryResult run(Experiment experiment, TheorySettings settings, Progress progress) {
        Plan plan = plan(experiment, settings);
        if (!plan.memory().fits()) {
            throw new RefusedInputException(TheoryError.TOO_LARGE, plan.memory().largest(), null,
                    plan.memory().need("the number of steps", "the paths", "the response paths", "the species",
                            "the threads", "the heap (-Xmx)"));
        }
        Problem problem = experiment.problem();
        int steps = experiment.steps();
        Species species = plan.species();
        boolean exact = plan.exact();
        int groups = plan.groups();
        Optional<Species> coarser = Species.coarser(problem.covariance(), species);
        int marches = groups + (coarser.isPresent() ? 1 : 0);
        progress.start("theory", (long) marches * steps, "group steps");
        try {
            if (exact) {
                Trajectory values = ForwardMarch.run(experiment, species, null, 0, 0, progress);
                Optional<QuadratureError> quadrature = coarser.map(rule -> QuadratureError.between(values,
                        species.size(), ForwardMarch.run(experiment, rule, null, 0, 0, progress), rule.size()));
                return new TheoryResult(ReplicaStatistics.exact(values), quadrature);
            }
            List<Trajectory> replicas = sampledMarches(experiment, species, coarser, settings, groups, progress);
            Optional<QuadratureError> quadrature = coarser.map(rule -> QuadratureError.between(replicas.get(0),
                    species.size(), replicas.get(groups), rule.size()));
            return new TheoryResult(ReplicaStatistics.combine(replicas.subList(0, groups)), quadrature);
        } finally {
            progress.finish();
        }
    }

    private static void checkSupported(Problem problem, UpdateSchedule schedule) {
        if (!problem.loss().curvatureCarriesResponse()) {
            throw new RefusedInputException(TheoryError.UNSUPPORTED_LOSS, InputPart.LOSS, null,
                    "the theory needs ℓ″ to carry the pathwise response (SPEC §4.2, §6); this loss has a jump in ℓ′"
                            + " (like the exact hinge), whose response is a delta function that sampled paths"
                            + " cannot see. Use a smooth version (e.g. smooth-hinge) or run the simulation only");
        }
        if (!schedule.linear()) {
            throw new RefusedInputException(TheoryError.NONLINEAR_RULE, InputPart.UPDATE_RULE, null,
                    "this optimizer transforms its gradients (e.g. a sign or a clipping), so it is outside the linear"
                            + " family of SPEC §2.1 that the theory solves (SPEC §6); run it with --engine simulation");
        }
    }

    /** The Monte-Carlo solve's minimum: {@value #MIN_PATHS} paths, and a response path in every group. */
    private static void checkPaths(TheorySettings settings) {
        if (settings.paths() < MIN_PATHS) {
            throw new RefusedInputException(TheoryError.TOO_FEW_PATHS, InputPart.THEORY_PATHS, settings.paths(),
                    "the Monte-Carlo solve splits the paths into " + GROUPS + " independent groups, whose spread is"
                            + " its error; it needs at least " + MIN_PATHS_PER_GROUP + " paths per group, "
                            + MIN_PATHS + " in all (fewer give a meaningless curve and error band)");
        }
        if (settings.responsePaths() < MIN_RESPONSE_PATHS) {
            throw new RefusedInputException(TheoryError.TOO_FEW_PATHS, InputPart.THEORY_RESPONSE_PATHS,
                    settings.responsePaths(), "every one of the " + GROUPS + " groups needs response paths: at least "
                            + MIN_RESPONSE_PATHS);
        }
    }

    /** Whether the exact (path-free) mode is used; EXACT where it does not apply is refused. */
    private static boolean exactMode(Problem problem, UpdateSchedule schedule, TheorySettings.Mode mode) {
        boolean applicable = problem.loss().constantCurvature() && schedule.fullBatch();
        if (mode == TheorySettings.Mode.EXACT && !applicable) {
            String batch = schedule.firstPartialBatch().stream()
                    .mapToObj(t -> "batch fraction " + schedule.selection(t).fraction()
                            + (t == 0 ? "" : " at step " + t))
                    .findFirst().orElse("batch fraction 1");
            throw new RefusedInputException(TheoryError.EXACT_UNAVAILABLE, InputPart.THEORY_MODE, "exact",
                    "the exact mode needs a loss of constant curvature (square) and batch fraction 1 at every step,"
                            + " got " + (problem.loss().constantCurvature() ? "" : "a loss with non-constant ℓ″ and ")
                            + batch + "; use mode auto or monte-carlo");
        }
        return mode == TheorySettings.Mode.AUTO ? applicable : mode == TheorySettings.Mode.EXACT;
    }

    /**
     * Runs the independent sampled marches, in parallel over groups, each from its own split stream; with a coarser
     * rule, one more march of the first group's paths and stream with it, last in the list.
     */
    private static List<Trajectory> sampledMarches(Experiment experiment, Species species,
                                                   Optional<Species> coarser, TheorySettings settings, int groups,
                                                   Progress progress) {
        RandomGenerator.SplittableGenerator root = Streams.root(settings.seed());
        List<RandomGenerator> streams = new ArrayList<>();
        List<Species> rules = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            streams.add(root.split());
            rules.add(species);
        }
        // The first split of a fresh root of the same seed is the first group's stream again.
        coarser.ifPresent(rule -> {
            streams.add(Streams.root(settings.seed()).split());
            rules.add(rule);
        });
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.threads(), groups), runnable -> {
            Thread thread = new Thread(runnable, "dmftlab-theory");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Trajectory>> futures = new ArrayList<>();
            for (int march = 0; march < streams.size(); march++) {
                int g = march < groups ? march : 0;
                int paths = share(settings.paths(), groups, g);
                int responsePaths = Math.min(paths, Math.max(1, share(settings.responsePaths(), groups, g)));
                Species rule = rules.get(march);
                RandomGenerator stream = streams.get(march);
                futures.add(pool.submit(() -> ForwardMarch.run(experiment, rule, stream, paths, responsePaths,
                        progress)));
            }
            List<Trajectory> results = new ArrayList<>();
            for (Future<Trajectory> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException(RunError.INTERRUPTED, "the theory run was interrupted");
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
}
