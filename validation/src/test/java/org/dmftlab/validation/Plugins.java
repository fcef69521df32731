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
 * update rules) by id with given parameter values and the declared defaults for the rest.
 */
public final class Plugins {

    /** Every plugin on the test class path. */
    public static final PluginRegistry REGISTRY = PluginRegistry.discover();

    private Plugins() {
    }

    /** The product of plugin {@code id} of a family, with the given parameter values and defaults for the rest. */
    public static <P> P create(PluginFamily<? extends PluginProvider<P>> family, String id, Map<String, ?> values) {
        PluginProvider<P> provider = REGISTRY.find(family, id).provider();
        return provider.create(PluginConfig.of(id, provider.parameters(), values, Path.of(".")));
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
