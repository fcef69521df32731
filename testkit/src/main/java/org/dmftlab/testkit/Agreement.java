package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.StepComparison;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;

/**
 * A short theory-versus-simulation check for an optimizer or a loss plugin (SPEC §5, check 5, at a small size):
 * the DMFT of SPEC §4 and a finite-size simulation of the same experiment must agree at every step and for every
 * observable of SPEC §3 within {@code k} combined errors, |theory − simulation| ≤ k √(se² + mc²) + (1 + |theory|)/d,
 * where se is the simulation's standard error over seeds, mc the theory's Monte-Carlo error (0 in the exact mode)
 * and (1 + |theory|)/d allows for the O(1/d) finite-size bias.
 *
 * <p>The rest of the experiment comes from dmftlab's standard plugins, found with {@link PluginRegistry#discover()}
 * (the testkit brings them to the test path; values may hold schedule blocks of SPEC §2.2, e.g.
 * {@code Map.of("learning-rate-schedule", Map.of("id", "cosine"))}): square loss, {@code linear} teacher with noise
 * variance 0.25 and {@code identity} covariance for an optimizer; {@code sgd} with η = 0.1 and batch fraction 0.5
 * for a loss; α = 2, λ = 0.1, m0 = 0.1, c0 = 0.5, T = 15, d = 1000, 12 seeds and 8000 theory paths, k = 4. This
 * takes about a second (fewer seeds make the standard errors themselves too noisy for k = 4).
 * <pre>
 * &#64;Test
 * void theoryAgreesWithSimulation() {
 *     Agreement.forOptimizer(new MyOptimizerProvider(), Map.of("learning-rate", 0.2)).assertAgrees();
 * }
 * </pre>
 *
 * @param subject    what is checked, for messages
 * @param problem    the learning problem
 * @param rules      the update rule for a horizon T (its schedules depend on T, SPEC §2.2)
 * @param steps      T
 * @param dimension  d of the simulation
 * @param seeds      independent simulation runs
 * @param paths      sample paths of the theory (unused in its exact mode)
 * @param seed       base seed of both engines
 * @param tolerance  k, the allowed number of combined errors
 *
 * @since 0.1.0
 */
public record Agreement(String subject, Problem problem, IntFunction<UpdateRule> rules, int steps, int dimension,
                        int seeds, int paths, long seed, double tolerance) {

    private static final double ALPHA = 2;
    private static final double RIDGE = 0.1;
    private static final double INIT_OVERLAP = 0.1;
    private static final double INIT_VARIANCE = 0.5;
    private static final int STEPS = 15;
    private static final int DIMENSION = 1000;
    private static final int SEEDS = 12;
    private static final int PATHS = 8000;
    private static final long SEED = 1;
    private static final double TOLERANCE = 4;
    /** Species of the theory's spectrum quadrature; an isotropic spectrum collapses to one. */
    private static final int SPECIES = 32;
    private static final int THREADS = 2;

    /** The optimizer with the given parameter values on the default problem (square loss, linear teacher). */
    public static Agreement forOptimizer(OptimizerProvider provider, Map<String, ?> values) {
        Problem problem = problem(create(PluginFamily.LOSS, "square", Map.of()));
        return defaults("optimizer " + provider.id() + " " + values, problem,
                steps -> create(provider, values, steps));
    }

    /** The loss with the given parameter values, trained by SGD on the default problem (linear teacher). */
    public static Agreement forLoss(LossProvider provider, Map<String, ?> values) {
        IntFunction<UpdateRule> sgd = steps -> create(StandardPlugins.registry().find(PluginFamily.OPTIMIZER, "sgd")
                .provider(), Map.of("learning-rate", 0.1, "batch-fraction", 0.5), steps);
        return defaults("loss " + provider.id() + " " + values, problem(create(provider, values)), sgd);
    }

    /** The default problem with the given loss: linear teacher with noise variance 0.25, identity covariance. */
    private static Problem problem(Loss loss) {
        return new Problem(ALPHA, RIDGE, create(PluginFamily.TEACHER, "linear", Map.of("noise", 0.25)), loss,
                create(PluginFamily.COVARIANCE, "identity", Map.of()), INIT_OVERLAP, INIT_VARIANCE);
    }

    private static Agreement defaults(String subject, Problem problem, IntFunction<UpdateRule> rules) {
        return new Agreement(subject, problem, rules, STEPS, DIMENSION, SEEDS, PATHS, SEED, TOLERANCE);
    }

    /**
     * A copy with another teacher from the standard plugins, e.g. {@code withTeacher("sign", Map.of())} for a
     * classification loss.
     */
    public Agreement withTeacher(String id, Map<String, ?> values) {
        Teacher teacher = create(PluginFamily.TEACHER, id, values);
        return withProblem(new Problem(problem.alpha(), problem.ridge(), teacher, problem.loss(), problem.covariance(),
                problem.initOverlap(), problem.initVariance()));
    }

    /** A copy with another problem (any loss, teacher, covariance and α, λ, m0, c0). */
    public Agreement withProblem(Problem changed) {
        return new Agreement(subject, changed, rules, steps, dimension, seeds, paths, seed, tolerance);
    }

    /** A copy with other sizes: horizon T, simulation dimension d and seeds, theory paths. */
    public Agreement withSizes(int newSteps, int newDimension, int newSeeds, int newPaths) {
        return new Agreement(subject, problem, rules, newSteps, newDimension, newSeeds, newPaths, seed, tolerance);
    }

    /**
     * Runs both engines and compares them.
     *
     * @return the worst step of every observable
     */
    public List<Comparison> compare() {
        Experiment experiment = new Experiment(problem, rules.apply(steps), steps);
        Trajectory theory = new TheoryEngine().run(experiment,
                new TheorySettings(paths, seed, SPECIES, paths, TheorySettings.Mode.AUTO, THREADS), Progress.NONE).trajectory();
        Trajectory simulation = new SimulationEngine().run(experiment,
                new SimulationSettings(dimension, seeds, seed, THREADS), Progress.NONE);
        Map<Observable, Comparison> worst = new EnumMap<>(Observable.class);
        for (StepComparison step : StepComparison.of(theory, simulation)) {
            Comparison here = Comparison.of(step, tolerance, dimension);
            worst.merge(step.observable(), here, (kept, next) -> next.excess() <= kept.excess() ? kept : next);
        }
        List<Comparison> comparisons = List.copyOf(worst.values());
        return comparisons;
    }

    /** Runs {@link #compare()} and fails, listing every observable outside its allowance. */
    public void assertAgrees() {
        List<Comparison> comparisons = compare();
        List<Comparison> outside = comparisons.stream().filter(c -> !c.agrees()).toList();
        if (!outside.isEmpty()) {
            fail("theory and simulation disagree for " + subject + " (d = " + dimension + ", " + seeds + " seeds, "
                    + paths + " paths, k = " + tolerance + "):\n" + outside.stream().map(Comparison::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * One observable at one step, with its allowance.
     *
     * @param step    theory (first) and simulation (second) at that step, with their combined error (unknown
     *                errors counted as 0)
     * @param allowed k × combined error + (1 + |theory|)/d
     */
    public record Comparison(StepComparison step, double allowed) {

        /** The allowance of a step for tolerance k at dimension d. */
        static Comparison of(StepComparison step, double k, int d) {
            return new Comparison(step, k * step.combinedError() + (1 + Math.abs(step.first())) / d);
        }

        /** √(se² + mc²), unknown errors counted as 0. */
        public double combinedError() {
            return step.combinedError();
        }

        /** |theory − simulation| / allowed: at most 1 when they agree; NaN when a value is missing. */
        public double excess() {
            return step.difference() / allowed;
        }

        /** Whether the difference is within the allowance (false when a value is missing). */
        public boolean agrees() {
            return excess() <= 1;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s at t = %d: theory %.6g, simulation %.6g, |difference| %.3g, allowed %.3g"
                    + " (combined error %.3g)", step.observable().column(), step.step(), step.first(), step.second(),
                    step.difference(), allowed, step.combinedError());
        }
    }

    /** A standard plugin's product (not an optimizer: its horizon does not matter). */
    private static <P> P create(PluginFamily<? extends PluginProvider<P>> family, String id, Map<String, ?> values) {
        return create(StandardPlugins.registry().find(family, id).provider(), values);
    }

    private static <P> P create(PluginProvider<P> provider, Map<String, ?> values) {
        return create(provider, values, STEPS);
    }

    /** The product for an experiment of {@code steps} updates. */
    private static <P> P create(PluginProvider<P> provider, Map<String, ?> values, int steps) {
        return provider.create(PluginConfig.of(provider.id(), provider.parameters(), values,
                StandardPlugins.context(steps)));
    }
}
