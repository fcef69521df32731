package org.dmftlab.app.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmftlab.app.plot.FigureOptions;
import org.dmftlab.app.plot.TimeScale;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheorySettings;

/**
 * A validated experiment file, ready to run: the {@link Experiment} both engines share, the settings of each
 * engine (defaults filled in, see {@link ExperimentResolver}) and what is needed to record the run.
 *
 * @param name          the experiment's name (a safe folder name)
 * @param file          the experiment file, or null for an experiment built in code ({@code org.dmftlab.app.api})
 * @param overrides     the {@code --set} overrides applied to it, in order
 * @param experiment    problem, update rule and number of steps
 * @param plugins       the plugins chosen, in file order: teacher, loss, covariance, optimizer, each followed by the
 *                      schedules nested in its parameters (key {@code optimizer.learning-rate-schedule}, …)
 * @param theory        settings of the DMFT engine
 * @param simulation    settings of the simulation engine
 * @param declared      the engines whose block the file has (decides the default {@code --engine})
 * @param figure        the time axis of the run figure ({@code figure.time-axis}, {@code figure.time-unit}) and
 *                      whether the two-time functions are drawn ({@code figure.two-time}; then the experiment records
 *                      them)
 * @param checkpointInterval how often a unit in progress saves its state ({@code checkpoint.interval}); zero for
 *                      never. How the run is kept, not what it computes: not part of its fingerprint
 *                      ({@link #computed})
 */
public record ExperimentPlan(String name, Path file, List<KeyOverride> overrides, Experiment experiment,
                             List<PluginChoice> plugins, TheorySettings theory, SimulationSettings simulation,
                             Set<Engine> declared, FigureOptions figure, Duration checkpointInterval) {

    /** The block of the resolved configuration that says how the run is kept ({@code checkpoint.interval}). */
    public static final String KEEPING = "checkpoint";

    /** The source named by the errors of an experiment built in code. */
    public static final String BUILT_IN_CODE = "experiment built in code";

    /** The time axis of its figures: the steps, or the gradient-flow time of its schedule ({@link TimeScale#of}). */
    public TimeScale timeScale() {
        return TimeScale.of(figure, experiment.schedule());
    }

    public ExperimentPlan {
        overrides = List.copyOf(overrides);
        plugins = List.copyOf(plugins);
        declared = Set.copyOf(declared);
    }

    /** The files named by PATH parameters of the plugins, in plugin order. */
    public List<InputFile> inputs() {
        return plugins.stream().flatMap(choice -> choice.inputs().stream()).toList();
    }

    /**
     * Where an error about {@code key} comes from: the file and the override that set it, if one did;
     * {@link #BUILT_IN_CODE} for an experiment without a file.
     */
    public String source(String key) {
        return file == null ? BUILT_IN_CODE : KeyOverride.source(key, file.toString(), overrides);
    }

    /** The worker threads of both engines. */
    public int threads() {
        return simulation.threads();
    }

    /**
     * The configuration as it ran, in the experiment-file schema with every default filled in (plugin blocks with
     * all their parameters): feeding it back as an experiment file repeats the run.
     *
     * @param engines the engines that ran; only their blocks are included
     * @return nested maps of keys to numbers and text, in file order
     */
    public Map<String, Object> resolvedConfiguration(Set<Engine> engines) {
        Problem problem = experiment.problem();
        Map<String, Object> problemBlock = new LinkedHashMap<>();
        problemBlock.put("alpha", problem.alpha());
        problemBlock.put("ridge", problem.ridge());
        for (String key : List.of("teacher", "loss", "covariance")) {
            problemBlock.put(key, pluginBlock("problem." + key));
        }
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("overlap", problem.initOverlap());
        init.put("variance", problem.initVariance());
        problemBlock.put("init", init);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("problem", problemBlock);
        root.put("optimizer", pluginBlock("optimizer"));
        root.put("steps", experiment.steps());
        if (engines.contains(Engine.THEORY)) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("paths", theory.paths());
            block.put("seed", theory.seed());
            block.put("species", theory.species());
            block.put("response-paths", theory.responsePaths());
            block.put("mode", ExperimentResolver.modeKey(theory.mode()));
            block.put("groups", theory.groups());
            block.put("precision", ExperimentResolver.precisionKey(theory.precision()));
            root.put("theory", block);
        }
        if (engines.contains(Engine.SIMULATION)) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("dimension", simulation.dimension());
            block.put("seeds", simulation.seeds());
            block.put("seed", simulation.seed());
            block.put("precision", ExperimentResolver.precisionKey(simulation.precision()));
            root.put("simulation", block);
        }
        Map<String, Object> figureBlock = new LinkedHashMap<>();
        figureBlock.put("time-axis", figure.timeAxis().key());
        figureBlock.put("time-unit", figure.timeUnit().key());
        figureBlock.put("two-time", figure.twoTime());
        root.put("figure", figureBlock);
        root.put(KEEPING, Map.of("interval", ExperimentResolver.checkpointIntervalKey(checkpointInterval)));
        return root;
    }

    /**
     * A resolved configuration ({@link #resolvedConfiguration}, as JSON) without the keys that only say how the run
     * is kept ({@value #KEEPING}): two runs whose computed parts are equal compute the same bits.
     */
    public static JsonNode computed(JsonNode resolved) {
        if (!resolved.isObject()) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        copy.remove(KEEPING);
        return copy;
    }

    /** {@code {id: …, <every parameter>}} of the plugin chosen at {@code key}. */
    private Map<String, Object> pluginBlock(String key) {
        PluginChoice choice = plugins.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no plugin was chosen at " + key));
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("id", choice.descriptor().id());
        block.putAll(choice.config().values());
        return block;
    }
}
