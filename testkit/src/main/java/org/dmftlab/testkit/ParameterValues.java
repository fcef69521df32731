package org.dmftlab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Range;

/**
 * The parameter values a contract checks a plugin at: values for the parameters that have no default (a path,
 * say), given with every set, and the sets themselves, as raw experiment-file values on top of the defaults.
 *
 * <p>{@link #automatic} gives the defaults and one set per real parameter with a value away from its default,
 * so contracts are not only checked where the defaults happen to be harmless. Configs are read for an experiment of
 * {@link #STEPS} updates (the horizon of schedules, SPEC §2.2), and a schedule block in a set may name any schedule of
 * dmftlab's standard plugins, or of the test path, e.g. {@code Map.of("learning-rate-schedule", Map.of("id", "cosine"))}.
 *
 * @param required values of the parameters without a default, added to every set; usually empty
 * @param sets     the parameter sets to check, the first one empty (all defaults)
 *
 * @since 0.1.0
 */
public record ParameterValues(Map<String, Object> required, List<Map<String, Object>> sets) {

    /** The horizon T of the configs: as many updates as the optimizer contract reads. */
    public static final int STEPS = 1000;

    public ParameterValues {
        required = Map.copyOf(required);
        sets = sets.stream().<Map<String, Object>>map(Map::copyOf).toList();
    }

    /**
     * The defaults, then one set per real parameter with a numeric default: four times the default when that is
     * allowed, else the middle of a finite range, else one above its lower end.
     *
     * @param provider the plugin
     * @param required values for its parameters without a default
     */
    public static ParameterValues automatic(PluginProvider<?> provider, Map<String, ?> required) {
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(Map.of());
        for (Parameter parameter : provider.parameters()) {
            if (parameter.type() == Parameter.Type.REAL && parameter.defaultValue() instanceof Double value) {
                sets.add(Map.of(parameter.name(), awayFrom(value, parameter.range())));
            }
        }
        return new ParameterValues(Map.copyOf(required), sets);
    }

    /** A copy with one more parameter set. */
    public ParameterValues and(Map<String, ?> set) {
        List<Map<String, Object>> more = new ArrayList<>(sets);
        more.add(Map.copyOf(set));
        return new ParameterValues(required, more);
    }

    /** The raw values of a set: {@link #required} overlaid with the set. */
    public Map<String, Object> raw(Map<String, ?> set) {
        Map<String, Object> all = new LinkedHashMap<>(required);
        all.putAll(set);
        return all;
    }

    /** The validated config of a set, as dmftlab builds it from an experiment file of {@link #STEPS} updates. */
    public PluginConfig config(PluginProvider<?> provider, Map<String, ?> set) {
        return PluginConfig.of(provider.id(), provider.parameters(), raw(set), StandardPlugins.context(STEPS));
    }

    /** The product of a set. */
    public <P> P create(PluginProvider<P> provider, Map<String, ?> set) {
        return provider.create(config(provider, set));
    }

    /** The product with the defaults (and {@link #required}). */
    public <P> P createWithDefaults(PluginProvider<P> provider) {
        return create(provider, Map.of());
    }

    private static double awayFrom(double value, Range range) {
        if (value != 0 && range.contains(4 * value)) {
            return 4 * value;
        }
        if (Double.isFinite(range.min()) && Double.isFinite(range.max())) {
            return (range.min() + range.max()) / 2;
        }
        return Double.isFinite(range.min()) ? range.min() + 1 : value + 1;
    }
}
