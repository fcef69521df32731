package org.dmftlab.validation;

import java.nio.file.Path;
import java.util.Map;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;

/** The standard plugins, discovered once, and a shortcut to build products with given parameter values. */
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
}
