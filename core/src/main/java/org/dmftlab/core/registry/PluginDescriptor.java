package org.dmftlab.core.registry;

import org.dmftlab.core.spi.PluginProvider;

/**
 * A discovered provider with its family and origin.
 *
 * @param family   the family it belongs to
 * @param provider the provider instance
 * @param origin   module, version and jar it came from
 * @param <T>      the provider type
 */
public record PluginDescriptor<T extends PluginProvider<?>>(PluginFamily<T> family, T provider, PluginOrigin origin) {

    /** The provider's id. */
    public String id() {
        return provider.id();
    }

    /** {@code 'id' in module (location)}, for messages. */
    public String describe() {
        return "'" + id() + "' (" + provider.getClass().getName() + " in module " + origin.moduleAtVersion()
                + ", " + origin.location() + ")";
    }
}
