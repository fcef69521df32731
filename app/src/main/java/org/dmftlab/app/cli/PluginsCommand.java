package org.dmftlab.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dmftlab.app.output.ShortNumbers;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dmftlab plugins}: every discovered provider with its origin and parameters. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List every plugin dmftlab can use, with its parameters.",
                "Per plugin: family, id, module@version, description, and each parameter",
                "with its default and allowed values."})
final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private PluginsOption plugins;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = main.injector(plugins.folder(), out).getInstance(PluginRegistry.class);
        for (PluginFamily<?> family : PluginFamily.all()) {
            for (PluginDescriptor<?> plugin : registry.all(family)) {
                out.printf("%-10s  %-14s  %s%n", family.name(), plugin.id(), plugin.origin().moduleAtVersion());
                out.printf("            %s%n", plugin.description());
                for (Parameter parameter : plugin.parameters()) {
                    String defaultValue = parameter.required() ? "(required)"
                            : "= " + ShortNumbers.format(parameter.defaultValue());
                    out.printf("              %-23s %-16s %s; %s%n", parameter.name(), defaultValue,
                            parameter.allowed(), parameter.description());
                }
            }
        }
        out.flush();
        return 0;
    }
}
