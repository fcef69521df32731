package org.dmftlab.app.launch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Launcher;
import org.dmftlab.core.spi.LauncherProvider;
import org.dmftlab.core.spi.PluginConfig;

/**
 * The launcher a command runs its tasks with (DESIGN.md, "Launchers"), validated before anything runs: the file's
 * {@code launcher:} block, then {@code --launcher ID} (another id than the block's drops the block's parameters), then
 * the {@code --set launcher.KEY=VALUE} overrides; {@code local} when nothing names one. Every error names the file or
 * option, the key ({@code launcher.retries}) and the value.
 *
 * @param id       the launcher's id
 * @param values   every parameter with defaults filled in
 * @param launcher the launcher
 */
public record LauncherChoice(String id, Map<String, Object> values, Launcher launcher) {

    /** The launcher when nothing names one. */
    public static final String DEFAULT = "local";
    /** The block of experiment and sweep files, and the prefix of its {@code --set} keys. */
    public static final String KEY = "launcher";

    /** The system property the {@code dmftlab} script sets to its own absolute path. */
    public static final String PROGRAM_PROPERTY = "dmftlab.program";

    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * The {@code dmftlab} script of the running distribution, by absolute path (the script sets the system property
     * {@value #PROGRAM_PROPERTY}): what a launcher's tasks run ({@link org.dmftlab.core.spi.LaunchContext#program()}).
     */
    public static Optional<Path> program() {
        return Optional.ofNullable(System.getProperty(PROGRAM_PROPERTY)).map(Path::of);
    }

    /** Whether a {@code --set} override is a launcher parameter ({@code launcher.KEY=VALUE}). */
    public static boolean isLauncherKey(KeyOverride override) {
        return override.key().startsWith(KEY + ".");
    }

    /**
     * Resolves and validates the launcher.
     *
     * @param registry  the plugins
     * @param option    the value of {@code --launcher}, or null
     * @param block     the file's {@code launcher:} block ({@code id} and parameters), empty when it has none
     * @param file      the file the block is in, for messages
     * @param overrides the {@code --set launcher.KEY=VALUE} overrides, in order
     * @throws InvalidInputException with key {@code launcher.…}: an unknown id (listing the known ones), an unknown
     *                               key, a value of the wrong type or out of range
     */
    public static LauncherChoice resolve(PluginRegistry registry, String option, Map<String, Object> block, Path file,
                                         List<KeyOverride> overrides) {
        Map<String, Object> raw = new LinkedHashMap<>(block);
        String source = file.toString();
        String id;
        try {
            id = raw.isEmpty() ? DEFAULT : PluginConfig.blockId(raw, KEY);
        } catch (InvalidInputException invalid) {
            throw invalid.withKeyPrefix(KEY).withSource(source);
        }
        raw.remove("id");
        if (option != null && !option.equals(id)) {
            id = option;
            raw.clear();
            source = "--launcher";
        }
        for (KeyOverride override : overrides) {
            String key = override.key().substring(KEY.length() + 1);
            if (key.equals("id")) {
                if (!scalar(override).equals(id)) {
                    raw.clear();
                }
                id = scalar(override);
            } else {
                raw.put(key, scalar(override));
            }
            source = "--set";
        }
        try {
            PluginDescriptor<LauncherProvider> descriptor = registry.find(PluginFamily.LAUNCHER, id);
            PluginConfig config = PluginConfig.of(id, descriptor.provider().parameters(), raw,
                    registry.context(file.toAbsolutePath().getParent(), 1));
            return new LauncherChoice(id, config.values(), descriptor.provider().create(config));
        } catch (InvalidInputException invalid) {
            throw invalid.withKeyPrefix(KEY).withSource(source);
        }
    }

    /**
     * The file's {@code launcher:} block as plain values; empty when absent.
     *
     * @throws InvalidInputException {@code config/wrong-type} when it is not a block of single values
     */
    public static Map<String, Object> block(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidInputException(ConfigError.WRONG_TYPE, KEY, node.toString(), "expected a block"
                    + " {id: <launcher>, <its parameters>}, for example {id: slurm, partition: short}").withSource(source);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : iterable(node)) {
            if (!entry.getValue().isValueNode()) {
                throw new InvalidInputException(ConfigError.WRONG_TYPE, KEY + "." + entry.getKey(),
                        entry.getValue().toString(), "expected a single value").withSource(source);
            }
            values.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText());
        }
        return values;
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    /** The value of {@code --set launcher.KEY=VALUE} as text: YAML quotes removed, nothing for an empty value. */
    private static String scalar(KeyOverride override) {
        try {
            JsonNode value = YAML.readTree(override.value());
            if (value == null || value.isNull() || value.isMissingNode()) {
                return "";
            }
            if (value.isValueNode()) {
                return value.asText();
            }
        } catch (JacksonException notYaml) {
            // Falls through to the error below.
        }
        throw new InvalidInputException(CliError.BAD_OVERRIDE, "--set", override, "a launcher parameter takes one"
                + " value, for example --set launcher.partition=short");
    }
}
