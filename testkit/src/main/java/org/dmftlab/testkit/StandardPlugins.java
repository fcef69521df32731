package org.dmftlab.testkit;

import java.nio.file.Path;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.PluginContext;

/**
 * dmftlab's standard plugins as the testkit finds them (it brings them to the test path): discovered once, on first
 * use, and the context plugin blocks are read in, whose nested schedule blocks name these schedules.
 */
final class StandardPlugins {

    private StandardPlugins() {
    }

    /** Discovered on first use (the holder idiom), so a contract that needs no standard plugin never loads them. */
    private static final class Holder {
        static final PluginRegistry REGISTRY = PluginRegistry.discover();
    }

    static PluginRegistry registry() {
        return Holder.REGISTRY;
    }

    /** Plugin blocks of an experiment of {@code steps} updates, with paths relative to the working directory. */
    static PluginContext context(int steps) {
        return registry().context(Path.of("."), steps);
    }
}
