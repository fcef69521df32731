package org.dmftlab.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginOrigin;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;

/**
 * Builds an experiment in code, key by key, as an experiment file would write it (README, "Experiment files"):
 * each method sets one key of the file's schema, {@link #set} any dotted key. Nothing is checked until
 * {@link #build()}, which validates the whole experiment exactly as a file is validated (the same code does it):
 * the same required keys, defaults, ranges, plugin parameters, error codes and messages, the source being
 * {@code experiment built in code} instead of a file name.
 *
 * <p>Plugins are chosen by id with their parameters ({@code optimizer("sgd", Map.of("learning-rate", 0.1))}),
 * or passed as objects: a product written inline ({@code loss("pseudo-huber", myLoss)}, a
 * {@link Schedule} as a lambda, {@link Losses#smooth} for a loss from three functions), or a whole provider with
 * declared parameters ({@link #plugin}), whose parameters are then validated like an installed plugin's. An object
 * passed here is a plugin of this experiment only, with the id given; the id must not be taken by an installed
 * plugin of its family ({@code plugins/duplicate-id}).
 *
 * <p>A builder is not thread-safe; it may be changed and built again (a loop over a parameter sets that key and
 * builds once per value).
 *
 * @since 0.1.0
 */
public final class ExperimentBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dmftlab lab;
    private final List<KeyOverride> settings = new ArrayList<>();
    private final List<Inline<?>> inline = new ArrayList<>();
    private Path baseDirectory = Path.of("");

    ExperimentBuilder(Dmftlab lab) {
        this.lab = lab;
    }

    /** {@code name}: names the default output folder; letters of any script, digits, '.', '_' and '-'. */
    public ExperimentBuilder name(String name) {
        return set("name", name);
    }

    /** {@code problem.alpha}: α = n/d &gt; 0 (SPEC §1). Required. */
    public ExperimentBuilder alpha(double alpha) {
        return set("problem.alpha", alpha);
    }

    /** {@code problem.ridge}: λ ≥ 0 (SPEC §1); default 0. */
    public ExperimentBuilder ridge(double ridge) {
        return set("problem.ridge", ridge);
    }

    /** {@code problem.init}: m0 and c0 ≥ 0, so that q(0) = m0² + c0 (SPEC §1); default 0 and 1. */
    public ExperimentBuilder init(double overlap, double variance) {
        return set("problem.init", Map.of("overlap", overlap, "variance", variance));
    }

    /** {@code steps}: T ≥ 1, the number of updates; results have rows t = 0…T. Required. */
    public ExperimentBuilder steps(int steps) {
        return set("steps", steps);
    }

    /** {@code problem.teacher}: the installed teacher {@code id} with its parameters' defaults. Required. */
    public ExperimentBuilder teacher(String id) {
        return teacher(id, Map.of());
    }

    /** {@code problem.teacher}: the installed teacher {@code id} with parameters ({@code dmftlab plugins}). */
    public ExperimentBuilder teacher(String id, Map<String, ?> parameters) {
        return set("problem.teacher", block(id, parameters));
    }

    /** {@code problem.teacher}: a teacher written in code, named {@code id} in the results. */
    public ExperimentBuilder teacher(String id, Teacher teacher) {
        return choose("problem.teacher", PluginFamily.TEACHER, InlinePlugins.teacher(id, teacher), teacher);
    }

    /** {@code problem.loss}: the installed loss {@code id} with its parameters' defaults. Required. */
    public ExperimentBuilder loss(String id) {
        return loss(id, Map.of());
    }

    /** {@code problem.loss}: the installed loss {@code id} with parameters. */
    public ExperimentBuilder loss(String id, Map<String, ?> parameters) {
        return set("problem.loss", block(id, parameters));
    }

    /** {@code problem.loss}: a loss written in code (for example {@link Losses#smooth}), named {@code id}. */
    public ExperimentBuilder loss(String id, Loss loss) {
        return choose("problem.loss", PluginFamily.LOSS, InlinePlugins.loss(id, loss), loss);
    }

    /** {@code problem.covariance}: the installed covariance {@code id}; default {@code identity}. */
    public ExperimentBuilder covariance(String id) {
        return covariance(id, Map.of());
    }

    /** {@code problem.covariance}: the installed covariance {@code id} with parameters. */
    public ExperimentBuilder covariance(String id, Map<String, ?> parameters) {
        return set("problem.covariance", block(id, parameters));
    }

    /**
     * {@code problem.covariance}: a covariance written in code, named {@code id}; its only abstract method is the
     * eigenvalue quantile σ(u), so it may be a lambda.
     */
    public ExperimentBuilder covariance(String id, Covariance covariance) {
        return choose("problem.covariance", PluginFamily.COVARIANCE, InlinePlugins.covariance(id, covariance),
                covariance);
    }

    /** {@code optimizer}: the installed optimizer {@code id} with parameters (schedule blocks as nested maps). */
    public ExperimentBuilder optimizer(String id, Map<String, ?> parameters) {
        return set("optimizer", block(id, parameters));
    }

    /** {@code optimizer}: an update rule of SPEC §2.1 written in code, named {@code id}. */
    public ExperimentBuilder optimizer(String id, UpdateRule rule) {
        return choose("optimizer", PluginFamily.OPTIMIZER, InlinePlugins.optimizer(id, rule), rule);
    }

    /**
     * Makes a schedule written in code (SPEC §2.2; a lambda {@code (base, t, steps) -> …}) available to this
     * experiment under {@code id}, to be chosen in an optimizer's schedule parameter, e.g.
     * {@code Map.of("learning-rate-schedule", Map.of("id", id))}.
     */
    public ExperimentBuilder schedule(String id, Schedule schedule) {
        inline.add(new Inline<>(PluginFamily.SCHEDULE, InlinePlugins.schedule(id, schedule), schedule));
        return this;
    }

    /**
     * Makes a provider written in code available to this experiment, as if its jar were installed: choose it by its
     * id with parameters ({@link #loss(String, Map)}, …), which are validated against those it declares.
     */
    public <T extends PluginProvider<?>> ExperimentBuilder plugin(PluginFamily<T> family, T provider) {
        inline.add(new Inline<>(family, provider, provider));
        return this;
    }

    /** {@code theory}: runs the theory with default settings. */
    public ExperimentBuilder theory() {
        return theory(Map.of());
    }

    /**
     * {@code theory}: runs the theory with these settings ({@code paths}, {@code seed}, {@code species},
     * {@code response-paths}, {@code mode}, {@code groups}, {@code precision}; README, "Experiment files").
     */
    public ExperimentBuilder theory(Map<String, ?> settings) {
        return set("theory", settings);
    }

    /** {@code simulation}: runs the simulation with default settings. */
    public ExperimentBuilder simulation() {
        return simulation(Map.of());
    }

    /** {@code simulation}: runs the simulation with these settings ({@code dimension}, {@code seeds}, …). */
    public ExperimentBuilder simulation(Map<String, ?> settings) {
        return set("simulation", settings);
    }

    /** {@code figure}: {@code time-axis}, {@code time-unit}, {@code two-time}. */
    public ExperimentBuilder figure(Map<String, ?> settings) {
        return set("figure", settings);
    }

    /**
     * Sets any dotted key of the experiment-file schema, creating blocks on the way, like {@code --set}: for example
     * {@code set("optimizer.learning-rate", 0.2)} or {@code set("theory.paths", 8000)}. A later setting of a key
     * wins; setting a block replaces it whole.
     *
     * @param key   a dotted key, e.g. {@code problem.alpha}
     * @param value a number, text, boolean, {@link Path}, or a list or map of those (a block); null removes nothing
     *              but sets the key to no value, as an empty value in a file does
     * @throws InvalidInputException {@code cli/bad-override} when the key is not a dotted key
     */
    public ExperimentBuilder set(String key, Object value) {
        String yaml;
        try {
            yaml = JSON.writeValueAsString(plain(value));
        } catch (JsonProcessingException notPlain) {
            throw new IllegalArgumentException("the value of " + key + " is not a number, text, boolean, list or"
                    + " map: " + value, notPlain);
        }
        KeyOverride setting = KeyOverride.parse(key + "=" + yaml);
        if (!setting.key().equals(key)) {
            throw new InvalidInputException(CliError.BAD_OVERRIDE, key, value,
                    "a dotted key has no spaces around its parts");
        }
        settings.add(setting);
        return this;
    }

    /** The folder against which relative plugin paths (a spectrum file, say) are resolved; default the working one. */
    public ExperimentBuilder baseDirectory(Path folder) {
        baseDirectory = folder;
        return this;
    }

    /**
     * Validates the whole experiment, exactly as an experiment file is validated.
     *
     * @throws InvalidInputException on the first invalid key, with the code and message a file would get
     *                               ({@code config/missing-key}, {@code config/out-of-range}, {@code plugins/unknown-id},
     *                               …)
     */
    public Experiment build() {
        PluginRegistry plugins = registry();
        return lab.experiment(new ExperimentReader(plugins).resolve(settings, baseDirectory, lab.threads()), plugins,
                List.of(), LauncherRequest.NONE);
    }

    /** The lab's plugins, plus the ones given here. */
    private PluginRegistry registry() {
        if (inline.isEmpty()) {
            return lab.registry();
        }
        PluginRegistry.Builder builder = PluginRegistry.builder();
        for (PluginFamily<?> family : PluginFamily.all()) {
            copy(family, builder);
        }
        inline.forEach(plugin -> plugin.addTo(builder));
        return builder.build();
    }

    private <T extends PluginProvider<?>> void copy(PluginFamily<T> family, PluginRegistry.Builder builder) {
        for (PluginDescriptor<T> descriptor : lab.registry().all(family)) {
            builder.add(family, descriptor.provider(), descriptor.origin());
        }
    }

    private <T extends PluginProvider<?>> ExperimentBuilder choose(String key, PluginFamily<T> family, T provider,
                                                                    Object product) {
        inline.add(new Inline<>(family, provider, product));
        return set(key, Map.of("id", provider.id()));
    }

    /** {@code {id: …, <parameters>}}, the id first. */
    private static Map<String, Object> block(String id, Map<String, ?> parameters) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("id", id);
        block.putAll(parameters);
        return block;
    }

    /** The value with every {@link Path} as its text (JSON would write a URI). */
    private static Object plain(Object value) {
        if (value instanceof Path path) {
            return path.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(key, plain(entry)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExperimentBuilder::plain).toList();
        }
        return value;
    }

    /** A plugin given as an object, with the origin of the code that wrote it (its module and jar). */
    private record Inline<T extends PluginProvider<?>>(PluginFamily<T> family, T provider, Object code) {

        void addTo(PluginRegistry.Builder builder) {
            builder.add(family, provider, PluginOrigin.of(code));
        }
    }
}
