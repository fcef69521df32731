package org.dmftlab.app.experiment;

import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.spi.PluginConfig;

/**
 * A plugin chosen by an experiment file, for the record of a run ({@code run.json}).
 *
 * @param key        the block it was chosen in, e.g. {@code problem.loss}
 * @param descriptor the provider, with its module and version
 * @param config     its parameters, defaults filled in
 */
public record PluginChoice(String key, PluginDescriptor<?> descriptor, PluginConfig config) {
}
