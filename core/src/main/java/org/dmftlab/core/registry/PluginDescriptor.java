package org.dmftlab.core.registry;

import java.util.List;
import java.util.Objects;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginProvider;

/**
 * A discovered provider with its family and origin, and what it said about itself when it was discovered: its id,
 * description and parameters, asked once ({@link PluginRegistry.Builder#add}), so that a provider that fails to
 * answer fails at discovery, named ({@link PluginFaultException}).
 *
 * @param family      the family it belongs to
 * @param provider    the provider instance
 * @param origin      module, version and jar it came from
 * @param id          its id
 * @param description its one-sentence description
 * @param parameters  its declared parameters
 * @param <T>         the provider type
 *
 * @since 0.1.0
 */
public record PluginDescriptor<T extends PluginProvider<?>>(PluginFamily<T> family, T provider, PluginOrigin origin,
                                                            String id, String description,
                                                            List<Parameter> parameters) {

    public PluginDescriptor {
        parameters = List.copyOf(parameters);
    }

    /**
     * Asks a provider for its description and parameters; a fault is reported as the plugin's.
     *
     * @throws PluginFaultException when either throws, the description is null or blank, or the parameters are null
     *                              or hold a null
     */
    static <T extends PluginProvider<?>> PluginDescriptor<T> of(PluginFamily<T> family, T provider,
                                                                PluginOrigin origin, String id) {
        String plugin = PluginFaults.name(family, id, origin);
        String description = PluginFaults.call(plugin, "description()", provider::description);
        if (description == null || description.isBlank()) {
            throw new PluginFaultException(plugin, "description()", "returned "
                    + (description == null ? "null" : "a blank text") + ", not a one-sentence description", null);
        }
        List<Parameter> parameters = PluginFaults.call(plugin, "parameters()", provider::parameters);
        if (parameters == null || parameters.stream().anyMatch(Objects::isNull)) {
            throw new PluginFaultException(plugin, "parameters()", "returned " + (parameters == null ? "null"
                    : "a list holding null") + "; return a list of parameters, empty when there are none", null);
        }
        return new PluginDescriptor<>(family, provider, origin, id, description, parameters);
    }

    /** {@code 'id' in module (location)}, for messages. */
    public String describe() {
        return "'" + id + "' (" + provider.getClass().getName() + " in module " + origin.moduleAtVersion()
                + ", " + origin.location() + ")";
    }
}
