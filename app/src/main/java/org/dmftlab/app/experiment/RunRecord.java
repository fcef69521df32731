package org.dmftlab.app.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmftlab.app.errors.ReplayError;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The parts of a {@code run.json} (written by {@code org.dmftlab.app.output.RunReport}) that a replay needs.
 *
 * @param experiment     the resolved configuration, in the experiment-file schema
 * @param experimentFile the experiment file of the run (relative plugin paths are resolved against its folder)
 * @param plugins        the plugins chosen, with the module and version that ran
 * @param inputs         the files named by PATH parameters, with their SHA-256 at the time of the run
 */
record RunRecord(ObjectNode experiment, Path experimentFile, List<Plugin> plugins, List<InputFile> inputs) {

    /**
     * One recorded plugin.
     *
     * @param key    where it was chosen, e.g. {@code problem.loss}
     * @param family its family name, e.g. {@code loss}
     * @param id     its id
     * @param module {@code module@version} that ran
     */
    record Plugin(String key, String family, String id, String module) {

        /** The installed plugin with this family and id, if any. */
        Optional<PluginDescriptor<?>> find(PluginRegistry registry) {
            for (PluginFamily<?> candidate : PluginFamily.all()) {
                if (candidate.name().equals(family)) {
                    return registry.all(candidate).stream().filter(d -> d.id().equals(id))
                            .<PluginDescriptor<?>>map(d -> d).findFirst();
                }
            }
            return Optional.empty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws InvalidInputException {@code replay/unreadable} when the file is missing or not a run record */
    static RunRecord read(Path runJson) {
        JsonNode root;
        try {
            root = JSON.readTree(runJson.toFile());
        } catch (IOException unreadable) {
            throw unreadable(runJson, "cannot be read as JSON (" + unreadable.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        JsonNode experiment = root == null ? null : root.get("experiment");
        JsonNode file = root == null ? null : root.get("experiment-file");
        JsonNode plugins = root == null ? null : root.get("plugins");
        if (file != null && file.isNull()) {
            throw unreadable(runJson, "records an experiment built in code (org.dmftlab.app.api), not a file; repeat"
                    + " it from the program that built it");
        }
        if (experiment == null || !experiment.isObject() || file == null || !file.isTextual() || plugins == null
                || !plugins.isArray()) {
            throw unreadable(runJson, "is not the run.json of a dmftlab run (it needs the keys experiment,"
                    + " experiment-file and plugins)");
        }
        List<Plugin> recorded = new ArrayList<>();
        for (JsonNode plugin : plugins) {
            recorded.add(new Plugin(plugin.path("key").asText(), plugin.path("family").asText(),
                    plugin.path("id").asText(), plugin.path("module").asText()));
        }
        List<InputFile> inputs = new ArrayList<>();
        try {
            root.path("inputs").fields().forEachRemaining(input -> inputs.add(new InputFile(input.getKey(),
                    Path.of(input.getValue().path("path").asText()), input.getValue().path("sha256").asText())));
            return new RunRecord((ObjectNode) experiment, Path.of(file.asText()), recorded, inputs);
        } catch (InvalidPathException notAPath) {
            throw unreadable(runJson, "records a path that is not one (" + notAPath.getReason() + ")");
        }
    }

    private static InvalidInputException unreadable(Path runJson, String detail) {
        return new InvalidInputException(ReplayError.UNREADABLE, "--replay", runJson, detail)
                .withSource(runJson.toString());
    }
}
