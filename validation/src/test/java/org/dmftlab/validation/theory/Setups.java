package org.dmftlab.validation.theory;

import java.util.Map;
import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;

/** Shared building blocks of the theory tests: standard plugins, test-only rules and covariances, one-line runs. */
final class Setups {

    private Setups() {
    }

    static Loss loss(String id) {
        return Plugins.create(PluginFamily.LOSS, id, Map.of());
    }

    static Teacher linearTeacher(double noise) {
        return Plugins.create(PluginFamily.TEACHER, "linear", Map.of("noise", noise));
    }

    static Teacher signTeacher() {
        return Plugins.create(PluginFamily.TEACHER, "sign", Map.of());
    }

    static Covariance identity() {
        return Plugins.create(PluginFamily.COVARIANCE, "identity", Map.of());
    }

    /** SGD from the standard plugin. */
    static UpdateRule sgd(double eta, double batchFraction) {
        return Plugins.create(PluginFamily.OPTIMIZER, "sgd",
                Map.of("learning-rate", eta, "batch-fraction", batchFraction));
    }

    /** A test-only rule with the same coefficients at every step. */
    record ConstantRule(StepCoefficients step, double batchFraction, double temperature) implements UpdateRule {
        @Override
        public int memory() {
            return step.memory();
        }

        @Override
        public StepCoefficients coefficients(int t) {
            return step;
        }
    }

    /** Square loss, noiseless linear teacher, identity covariance (configuration A of SPEC §5.1). */
    static Problem squareProblem(double alpha, double ridge, double m0, double c0) {
        return new Problem(alpha, ridge, linearTeacher(0), loss("square"), identity(), m0, c0);
    }

    static Trajectory run(Problem problem, UpdateRule rule, int steps, TheorySettings settings) {
        return new TheoryEngine().run(new Experiment(problem, rule, steps), settings, Progress.NONE);
    }

    static TheorySettings exact() {
        return new TheorySettings(1, 1, 1, 1, TheorySettings.Mode.EXACT, 1);
    }

    static TheorySettings monteCarlo(int paths, long seed, int threads) {
        return new TheorySettings(paths, seed, 1, paths, TheorySettings.Mode.MONTE_CARLO, threads);
    }
}
