package org.dmftlab.app.experiment;

import java.util.List;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.spi.PluginConfig;

/**
 * A plugin chosen by an experiment file, for the record of a run ({@code run.json}).
 *
 * @param key        the block it was chosen in, e.g. {@code problem.loss}
 * @param descriptor the provider, with its module and version
 * @param config     its parameters, defaults filled in
 * @param inputs     the files its PATH parameters name, hashed
 */
public record PluginChoice(String key, PluginDescriptor<?> descriptor, PluginConfig config, List<InputFile> inputs) {

    public PluginChoice {
        inputs = List.copyOf(inputs);
    }
}
