package org.dmftlab.app.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.errors.ReplayError;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * Reads an experiment file (the YAML schema of DESIGN.md, "Experiment file"), applies {@code --set} overrides and
 * validates the result completely before anything runs (see {@link ExperimentResolver} for the required keys and
 * the defaults). Every error is an {@link InvalidInputException} that names the file (and the override, when the
 * offending key came from one), the dotted key and the value.
 */
public final class ExperimentReader {

    /** The key of the launcher block, which experiment and sweep files may have. */
    private static final String LAUNCHER = "launcher";

    private final PluginRegistry registry;
    private final ExperimentYaml yaml = new ExperimentYaml();

    /** @param registry the plugins the file may choose from */
    public ExperimentReader(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * Reads, overrides and validates an experiment file.
     *
     * @param file      the YAML file; relative plugin paths are resolved against its folder
     * @param overrides applied in order, later ones win
     * @param threads   worker threads for both engines, ≥ 1
     * @throws InvalidInputException on any invalid input, with the file as source
     */
    public ExperimentPlan read(Path file, List<KeyOverride> overrides, int threads) {
        String source = file.toString();
        String text;
        try {
            text = YamlLimits.read(file);
        } catch (NoSuchFileException missing) {
            throw new InvalidInputException(ConfigError.UNREADABLE_FILE, null, null, "no such file")
                    .withSource(source);
        } catch (IOException unreadable) {
            throw new InvalidInputException(ConfigError.UNREADABLE_FILE, null, null,
                    "cannot read it as UTF-8 text: " + unreadable.getMessage()).withSource(source);
        } catch (InvalidInputException tooLarge) {
            throw tooLarge.withSource(source);
        }
        try {
            ObjectNode tree = yaml.parse(text);
            tree.remove(LAUNCHER); // where the run's units run, not what they compute: launcherBlock
            overrides.forEach(override -> apply(tree, override));
            YamlLimits.checkTree(tree);
            return resolve(tree, file, file.toAbsolutePath().getParent(), overrides, threads);
        } catch (InvalidInputException invalid) {
            throw invalid.withSource(KeyOverride.source(invalid.key(), source, overrides));
        }
    }

    /**
     * The file's {@code launcher:} block (where a run's units run, DESIGN.md "Launchers"), as written; a missing node
     * when it has none. Not part of the experiment: {@link #read} leaves it out.
     *
     * @throws InvalidInputException as {@link #read} does for an unreadable file
     */
    public JsonNode launcherBlock(Path file) {
        try {
            return yaml.parse(YamlLimits.read(file)).path(LAUNCHER);
        } catch (IOException unreadable) {
            throw new InvalidInputException(ConfigError.UNREADABLE_FILE, null, null, "cannot read it: "
                    + unreadable.getMessage()).withSource(file.toString());
        } catch (InvalidInputException invalid) {
            throw invalid.withSource(file.toString());
        }
    }

    /**
     * Reads the record of an earlier run and validates its resolved configuration like an experiment file, for
     * {@code dmftlab run --replay}: the same plugins with the same parameters, seeds, sizes and engines. Relative
     * plugin paths (for example of {@code spectrum-file}) are resolved against the recorded experiment file's
     * folder (recorded as an absolute path), as in the original run, and the files they name must be unchanged.
     *
     * @param runJson the {@code run.json} of the earlier run
     * @param threads worker threads for both engines (results do not depend on them)
     * @throws InvalidInputException {@code replay/unreadable} when it is not a run record,
     *                               {@code replay/missing-plugin} naming a recorded plugin that is not installed,
     *                               {@code replay/changed-input} naming a recorded input file that is missing or
     *                               has changed,
     *                               or any error of the configuration, with {@code run.json} as source
     */
    public Replay replay(Path runJson, int threads) {
        RunRecord record = RunRecord.read(runJson);
        List<String> warnings = new ArrayList<>();
        for (RunRecord.Plugin plugin : record.plugins()) {
            PluginDescriptor<?> installed = plugin.find(registry).orElseThrow(() -> new InvalidInputException(
                    ReplayError.MISSING_PLUGIN, plugin.key() + ".id", plugin.id(), "the run used the " + plugin.family()
                    + " plugin '" + plugin.id() + "' (" + plugin.module() + "), which is not installed; put its jar"
                    + " in a folder and pass --plugins DIR").withSource(runJson.toString()));
            String now = installed.origin().moduleAtVersion();
            if (!now.equals(plugin.module())) {
                warnings.add("the run used " + plugin.module() + " for " + plugin.family() + " '" + plugin.id()
                        + "', this replay uses " + now + ": results may differ");
            }
        }
        try {
            record.inputs().forEach(InputFile::requireUnchanged);
            ExperimentPlan plan = resolve(record.experiment(), record.experimentFile(),
                    record.experimentFile().toAbsolutePath().getParent(), List.of(), threads);
            return new Replay(plan, warnings);
        } catch (InvalidInputException invalid) {
            throw invalid.withSource(runJson.toString());
        }
    }

    /**
     * Validates an experiment built in code ({@code org.dmftlab.app.api}): its settings are applied to an empty tree
     * as overrides are to a file's, and the tree is checked exactly as a file's (the same keys, limits, codes and
     * messages); only the source its errors name differs ({@link ExperimentPlan#BUILT_IN_CODE}).
     *
     * @param settings      dotted keys with their values in YAML (JSON is YAML), applied in order
     * @param baseDirectory the folder against which relative plugin paths are resolved
     * @param threads       worker threads for both engines, ≥ 1
     * @throws InvalidInputException on any invalid input
     */
    public ExperimentPlan resolve(List<KeyOverride> settings, Path baseDirectory, int threads) {
        try {
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            settings.forEach(setting -> apply(tree, setting));
            YamlLimits.checkTree(tree);
            return resolve(tree, null, baseDirectory.toAbsolutePath(), List.of(), threads);
        } catch (InvalidInputException invalid) {
            throw invalid.withSource(ExperimentPlan.BUILT_IN_CODE);
        }
    }

    /** Validates a tree in the experiment-file schema; the engines declared are the blocks it has. */
    private ExperimentPlan resolve(ObjectNode tree, Path file, Path folder, List<KeyOverride> overrides,
                                   int threads) {
        Set<Engine> declared = EnumSet.noneOf(Engine.class);
        for (Engine engine : Engine.values()) {
            if (tree.has(engine.key())) {
                declared.add(engine);
            }
        }
        return new ExperimentResolver(registry, folder).resolve(yaml.bind(tree), file, overrides, declared, threads);
    }

    /** Sets the override's value at its dotted key, creating blocks on the way. */
    private void apply(ObjectNode tree, KeyOverride override) {
        JsonNode value;
        try {
            value = yaml.parseValue(override.value());
        } catch (InvalidInputException invalid) {
            throw invalid.withKeyPrefix(override.key());
        }
        String[] segments = override.segments();
        ObjectNode block = tree;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = block.path(segments[i]);
            if (child.isMissingNode() || child.isNull()) {
                block = block.putObject(segments[i]);
            } else if (child.isObject()) {
                block = (ObjectNode) child;
            } else {
                String prefix = String.join(".", List.of(segments).subList(0, i + 1));
                throw new InvalidInputException(CliError.BAD_OVERRIDE, override.key(), override.value(),
                        prefix + " is a single value (" + child.asText() + "), not a block with keys");
            }
        }
        block.set(segments[segments.length - 1], value);
    }
}
