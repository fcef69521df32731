package org.dmftlab.validation;

import java.nio.file.Path;
import java.util.Map;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;

/**
 * The standard plugins, discovered once, and shortcuts to build their products (losses, teachers, covariances,
 * update rules) by id with given parameter values and the declared defaults for the rest. Update rules with
 * schedules (SPEC §2.2) are built for their experiment's horizon ({@link #optimizer(String, Map, int)}).
 */
public final class Plugins {

    /** Every plugin on the test class path. */
    public static final PluginRegistry REGISTRY = PluginRegistry.discover();

    private Plugins() {
    }

    /** Horizon of the products built without one: rules without schedules do not depend on it. */
    private static final int ANY_HORIZON = 1;

    /**
     * The product of plugin {@code id} of a family for an experiment of {@code steps} updates, with the given
     * parameter values and defaults for the rest.
     */
    public static <P> P create(PluginFamily<? extends PluginProvider<P>> family, String id, Map<String, ?> values,
                               int steps) {
        PluginProvider<P> provider = REGISTRY.find(family, id).provider();
        return provider.create(PluginConfig.of(id, provider.parameters(), values,
                REGISTRY.context(Path.of("."), steps)));
    }

    /** {@link #create(PluginFamily, String, Map, int)} for a product without schedules, which has no horizon. */
    public static <P> P create(PluginFamily<? extends PluginProvider<P>> family, String id, Map<String, ?> values) {
        if (values.keySet().stream().anyMatch(key -> key.endsWith("-schedule"))) {
            throw new IllegalArgumentException("a schedule needs the experiment's horizon: " + values);
        }
        return create(family, id, values, ANY_HORIZON);
    }

    public static Loss loss(String id, Map<String, ?> values) {
        return create(PluginFamily.LOSS, id, values);
    }

    /** A loss with its default parameters. */
    public static Loss loss(String id) {
        return loss(id, Map.of());
    }

    public static Teacher teacher(String id, Map<String, ?> values) {
        return create(PluginFamily.TEACHER, id, values);
    }

    public static Covariance covariance(String id, Map<String, ?> values) {
        return create(PluginFamily.COVARIANCE, id, values);
    }

    public static UpdateRule optimizer(String id, Map<String, ?> values) {
        return create(PluginFamily.OPTIMIZER, id, values);
    }

    /** An optimizer, possibly with schedules, for an experiment of {@code steps} updates. */
    public static UpdateRule optimizer(String id, Map<String, ?> values, int steps) {
        return create(PluginFamily.OPTIMIZER, id, values, steps);
    }

    /** The {@code linear} teacher y = h0 + √Δ ε with noise variance Δ. */
    public static Teacher linearTeacher(double noise) {
        return teacher("linear", Map.of("noise", noise));
    }

    /** The {@code sign} teacher y = sign(h0), flipped with probability {@code flip}. */
    public static Teacher signTeacher(double flip) {
        return teacher("sign", Map.of("flip", flip));
    }

    /** Σ = I. */
    public static Covariance identity() {
        return covariance("identity", Map.of());
    }

    /** The {@code sgd} plugin with learning rate η and batch fraction b. */
    public static UpdateRule sgd(double eta, double batchFraction) {
        return optimizer("sgd", Map.of("learning-rate", eta, "batch-fraction", batchFraction));
    }
}
