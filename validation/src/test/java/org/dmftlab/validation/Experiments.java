package org.dmftlab.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;

/**
 * Experiments for the engine tests: the reference files of SPEC §5.6 ({@code src/test/resources/reference}) and
 * their experiment blocks built with the standard plugins, the problems the tests share, and one-line theory
 * (SPEC §4) and simulation (SPEC §1–3) runs without progress reporting (kept by {@link TrajectoryDump} when
 * {@code -Ddmftlab.dump=DIR} is given).
 */
public final class Experiments {

    /**
     * Σ with eigenvalues ½ and 3/2 (half each) and an anisotropic teacher: power 3/2 along the small eigenvalue,
     * ½ along the large one (mean 1, so |w*|² = d; ρ = 3/4). M ≠ m and Q ≠ q, and no standard plugin has it.
     */
    public static final Covariance TILTED_TWO_LEVEL = new Covariance() {
        @Override
        public double eigenvalueQuantile(double u) {
            return u < 0.5 ? 0.5 : 1.5;
        }

        @Override
        public double teacherPower(double u) {
            return u < 0.5 ? 1.5 : 0.5;
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private Experiments() {
    }

    /** A reference file of {@code src/test/resources/reference}, e.g. {@code config-a-exact.json}. */
    public static JsonNode reference(String file) {
        try (InputStream in = Experiments.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code experiment} block of a reference file, built with the standard plugins. */
    public static Experiment experiment(JsonNode reference) {
        JsonNode e = reference.get("experiment");
        JsonNode p = e.get("problem");
        Problem problem = new Problem(p.get("alpha").asDouble(), p.get("ridge").asDouble(),
                Plugins.teacher(id(p.get("teacher")), parameters(p.get("teacher"))),
                Plugins.loss(id(p.get("loss")), parameters(p.get("loss"))),
                Plugins.covariance(id(p.get("covariance")), parameters(p.get("covariance"))),
                p.get("init").get("overlap").asDouble(), p.get("init").get("variance").asDouble());
        UpdateRule rule = Plugins.optimizer(id(e.get("optimizer")), parameters(e.get("optimizer")));
        return new Experiment(problem, rule, e.get("steps").asInt());
    }

    private static String id(JsonNode block) {
        return block.get("id").asText();
    }

    /** A plugin block's parameters: every key but {@code id}. */
    private static Map<String, Object> parameters(JsonNode block) {
        Map<String, Object> values = new HashMap<>();
        block.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("id")) {
                values.put(field.getKey(), field.getValue().isNumber() ? field.getValue().asDouble()
                        : field.getValue().asText());
            }
        });
        return values;
    }

    /** Square loss, noiseless linear teacher, Σ = I (configuration A of SPEC §5.1 with these α, λ, m0, c0). */
    public static Problem squareProblem(double alpha, double ridge, double m0, double c0) {
        return new Problem(alpha, ridge, Plugins.linearTeacher(0), Plugins.loss("square"), Plugins.identity(), m0,
                c0);
    }

    public static Trajectory theory(Experiment experiment, TheorySettings settings) {
        return TrajectoryDump.keep("theory", new TheoryEngine().run(experiment, settings, Progress.NONE).trajectory());
    }

    public static Trajectory theory(Problem problem, UpdateRule rule, int steps, TheorySettings settings) {
        return theory(new Experiment(problem, rule, steps), settings);
    }

    public static Trajectory simulate(Experiment experiment, SimulationSettings settings) {
        return TrajectoryDump.keep("simulation", new SimulationEngine().run(experiment, settings, Progress.NONE));
    }

    public static Trajectory simulate(Problem problem, UpdateRule rule, int steps, SimulationSettings settings) {
        return simulate(new Experiment(problem, rule, steps), settings);
    }

    /** The exact (path-free) theory with one species, for square loss at b = 1 and Σ = I. */
    public static TheorySettings exact() {
        return new TheorySettings(1, 1, 1, 1, TheorySettings.Mode.EXACT, 1);
    }

    /** The sampled theory with every path carrying responses, one species (Σ = I). */
    public static TheorySettings monteCarlo(int paths, long seed, int threads) {
        return new TheorySettings(paths, seed, 1, paths, TheorySettings.Mode.MONTE_CARLO, threads);
    }
}
