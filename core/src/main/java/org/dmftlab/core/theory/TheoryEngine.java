package org.dmftlab.core.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.ReplicaStatistics;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.random.CountedStream;
import org.dmftlab.core.random.Streams;

/**
 * The discrete-time DMFT of SPEC §4, solved by causal forward marching (SPEC §4.4): one pass over t, no
 * damping, no fixed-point iteration ({@link ForwardMarch}). Each step first advances the species recursions of the
 * parameter side ({@link ParameterSide}), then the data side, whose kernels feed the next step.
 *
 * <p>Two data sides: the exact Gaussian propagation ({@link GaussianDataSide}) for a loss of constant curvature
 * at full batch (SPEC §5.1; error 0), and sampled paths ({@link PathDataSide}) otherwise. The sampled solve runs
 * G = {@link TheorySettings#groups()} fully independent marches of N/G paths, group g with the g-th split of the
 * seed's root stream ({@link Streams#split}); the estimate is their mean and the Monte-Carlo error their standard
 * error ({@link ReplicaStatistics}). Groups run in parallel and each is sequential, so results do not depend on the
 * number of threads.
 *
 * <p>A spectrum that is not a step spectrum is integrated by a quadrature of K species ({@link Species}); the
 * engine then solves once more with ⌊K/2⌋ species from the same random numbers (the first group's stream, or the
 * exact data side) and reports the difference as the quadrature's error estimate ({@link QuadratureError}, SPEC
 * §4.5).
 *
 * <p>The marches are the run's units ({@link UnitStore}): units 0…G−1 the groups (unit 0 alone in the exact mode),
 * then the coarser quadrature's march when there is one. {@link #unit} computes one alone, {@link #run} loads the
 * units a store holds, computes the others, saves each as it finishes, and combines them: the same bits whichever
 * units were loaded.
 */
public final class TheoryEngine {

    /** The fewest paths per group of the Monte-Carlo solve: fewer give a curve and an error bar of no use. */
    public static final int MIN_PATHS_PER_GROUP = 50;
    /** The fewest groups of the Monte-Carlo solve: a spread needs two. */
    public static final int MIN_GROUPS = 2;

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

    /** The fewest paths of a Monte-Carlo solve of {@code groups} groups: {@value #MIN_PATHS_PER_GROUP} per group. */
    public static int minPaths(int groups) {
        return groups * MIN_PATHS_PER_GROUP;
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
     *                                {@value #MIN_GROUPS} groups, fewer than {@link #minPaths} paths or fewer
     *                                response paths than groups
     */
    public TheoryMemory memory(Experiment experiment, TheorySettings settings) {
        return plan(experiment, settings).memory();
    }

    /**
     * The number of units of the solve ({@link UnitStore}): the groups (1 in the exact mode), plus one for the
     * coarser quadrature's march when the spectrum is not represented exactly.
     *
     * @throws RefusedInputException as {@link #memory} does
     */
    public int units(Experiment experiment, TheorySettings settings) {
        return plan(experiment, settings).marches().size();
    }

    /**
     * Computes one unit alone: the march of group {@code unit} (from the unit-th split of the seed's stream), or
     * the coarser quadrature's march; the same bits as in a whole {@link #run}.
     *
     * @param unit 0 ≤ unit &lt; {@link #units}
     * @return the unit's values at t = 0…T (errors NaN; NaN after a blow-up, which {@link #run} reports)
     * @throws RefusedInputException as {@link #run} does
     */
    public Trajectory unit(Experiment experiment, TheorySettings settings, int unit, Progress progress) {
        return unit(experiment, settings, unit, progress, UnitStore.NONE);
    }

    /**
     * As {@link #unit(Experiment, TheorySettings, int, Progress)}, continuing from the state the store saved of the
     * unit, if any, and offering its state to the store after every step ({@link UnitStore#stepDone}); the finished
     * unit is not saved (the caller does).
     */
    public Trajectory unit(Experiment experiment, TheorySettings settings, int unit, Progress progress,
                           UnitStore store) {
        Plan plan = fittingPlan(experiment, settings);
        if (unit < 0 || unit >= plan.marches().size()) {
            throw new IllegalArgumentException("unit " + unit + " of " + plan.marches().size());
        }
        progress.start("theory", experiment.steps(), "group steps");
        try {
            return plan.march(unit, experiment, settings, progress, store);
        } finally {
            progress.finish();
        }
    }

    /** Solves the DMFT of the experiment, every unit computed here: {@link #run(Experiment, TheorySettings,
     * Progress, UnitStore)} with {@link UnitStore#NONE}. */
    public TheoryResult run(Experiment experiment, TheorySettings settings, Progress progress) {
        return run(experiment, settings, progress, UnitStore.NONE);
    }

    /**
     * Solves the DMFT of the experiment: the units the store holds are loaded, the others computed (in parallel,
     * each saved to the store as it finishes), and all combined in unit order.
     *
     * @return every observable at t = 0…T with its Monte-Carlo error (0 in the exact mode), and the quadrature's
     *         error estimate when the spectrum is not represented exactly
     * @throws RefusedInputException as {@link #memory} does, and {@code theory/too-large} when the solve does not
     *                               fit in the heap ({@link TheoryMemory#fits()})
     * @throws RunFailedException    {@code run/diverged} when the trajectory blows up
     */
    public TheoryResult run(Experiment experiment, TheorySettings settings, Progress progress, UnitStore store) {
        Plan plan = fittingPlan(experiment, settings);
        List<March> marches = plan.marches();
        Trajectory[] units = new Trajectory[marches.size()];
        List<Integer> missing = new ArrayList<>();
        for (int unit = 0; unit < units.length; unit++) {
            units[unit] = store.load(unit).orElse(null);
            if (units[unit] == null) {
                missing.add(unit);
            }
        }
        progress.start("theory", (long) missing.size() * experiment.steps(), "group steps");
        try {
            compute(plan, experiment, settings, missing, units, store, progress);
        } finally {
            progress.finish();
        }
        int groups = plan.groups();
        Trajectory combined = plan.exact() ? ReplicaStatistics.exact(units[0])
                : ReplicaStatistics.combine(List.of(units).subList(0, groups));
        Optional<QuadratureError> quadrature = plan.coarser().map(rule -> QuadratureError.between(units[0],
                plan.species().size(), units[groups], rule.size()));
        return new TheoryResult(combined, quadrature);
    }

    /** What a run needs: the checks of {@link #memory} passed, the species, whether it is exact, its memory. */
    private record Plan(Species species, Optional<Species> coarser, boolean exact, int groups, TheoryMemory memory) {

        /** The marches, in unit order: the groups, then the coarser rule's march of the first group's paths. */
        List<March> marches() {
            List<March> marches = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                marches.add(new March(species, g));
            }
            coarser.ifPresent(rule -> marches.add(new March(rule, 0)));
            return marches;
        }

        /**
         * Runs one march: group g's share of the paths, from the g-th split of the seed's stream; from the state the
         * store saved of it, if any, and offering its state to the store after every step.
         */
        Trajectory march(int unit, Experiment experiment, TheorySettings settings, Progress progress,
                         UnitStore store) {
            March march = marches().get(unit);
            if (exact) {
                return new ForwardMarch(experiment, march.rule(), null, 0, 0, settings.precision())
                        .run(progress, unit, store);
            }
            int paths = share(settings.paths(), groups, march.group());
            int responsePaths = Math.min(paths, Math.max(1, share(settings.responsePaths(), groups, march.group())));
            return new ForwardMarch(experiment, march.rule(),
                    new CountedStream(Streams.split(settings.seed(), march.group())), paths, responsePaths,
                    settings.precision()).run(progress, unit, store);
        }
    }

    /** One march: the species rule and the group whose paths and stream it uses. */
    private record March(Species rule, int group) {
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
            checkGroups(settings);
        }
        int groups = exact ? 1 : settings.groups();
        Optional<Species> coarser = Species.coarser(problem.covariance(), species);
        return new Plan(species, coarser, exact, groups, TheoryMemory.plan(experiment, settings, exact, groups,
                species.size(), coarser.map(Species::size).orElse(0), heapBytes));
    }

    /** The plan, refused with {@code theory/too-large} when it does not fit in the heap. */
    private Plan fittingPlan(Experiment experiment, TheorySettings settings) {
        Plan plan = plan(experiment, settings);
        if (!plan.memory().fits()) {
            throw new RefusedInputException(TheoryError.TOO_LARGE, plan.memory().largest(), null,
                    plan.memory().need("the number of steps", "the paths", "the response paths", "the species",
                            "the threads", "the heap (-Xmx)"));
        }
        return plan;
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

    /**
     * The Monte-Carlo solve's minimum: {@value #MIN_GROUPS} groups, {@value #MIN_PATHS_PER_GROUP} paths and a
     * response path in every group.
     */
    private static void checkGroups(TheorySettings settings) {
        int groups = settings.groups();
        if (groups < MIN_GROUPS) {
            throw new RefusedInputException(TheoryError.TOO_FEW_PATHS, InputPart.THEORY_GROUPS, groups,
                    "the Monte-Carlo error is the spread of the independent groups: at least " + MIN_GROUPS
                            + " are needed (default " + TheorySettings.DEFAULT_GROUPS + ")");
        }
        if (settings.paths() < minPaths(groups)) {
            throw new RefusedInputException(TheoryError.TOO_FEW_PATHS, InputPart.THEORY_PATHS, settings.paths(),
                    "the Monte-Carlo solve splits the paths into " + groups + " independent groups, whose spread is"
                            + " its error; it needs at least " + MIN_PATHS_PER_GROUP + " paths per group, "
                            + minPaths(groups) + " in all (fewer give a meaningless curve and error band)");
        }
        if (settings.responsePaths() < groups) {
            throw new RefusedInputException(TheoryError.TOO_FEW_PATHS, InputPart.THEORY_RESPONSE_PATHS,
                    settings.responsePaths(), "every one of the " + groups + " groups needs response paths: at least "
                            + groups);
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
     * Computes the missing units on a pool of min(threads, groups) workers (one in the exact mode), saving each to
     * the store as it finishes; each march is sequential, so no result depends on the pool.
     */
    private static void compute(Plan plan, Experiment experiment, TheorySettings settings, List<Integer> missing,
                                Trajectory[] units, UnitStore store, Progress progress) {
        if (missing.isEmpty()) {
            return;
        }
        int workers = plan.exact() ? 1 : Math.min(settings.threads(), plan.groups());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, missing.size()), runnable -> {
            Thread thread = new Thread(runnable, "dmftlab-theory");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int unit : missing) {
                futures.add(pool.submit(() -> {
                    units[unit] = plan.march(unit, experiment, settings, progress, store);
                    store.save(unit, units[unit]);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException(RunError.INTERRUPTED, "the theory run was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
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
