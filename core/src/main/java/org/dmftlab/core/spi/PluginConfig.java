package org.dmftlab.core.spi;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The validated parameter values of one plugin instance: a typed, read-only view in which every declared
 * {@link Parameter} has a value (given or default) inside its range, and no undeclared key exists.
 *
 * <p>Build it with {@link #of}; every violation is an {@link InvalidInputException} whose message names the
 * plugin, the key and the value and says what is allowed. Plugins read values with {@link #real},
 * {@link #integer}, {@link #symbol} and {@link #path} (docs/plugin-guide.md §4; input handling has no SPEC section).
 */
public final class PluginConfig {

    private final String pluginId;
    private final Map<String, Parameter> declared;
    private final Map<String, Object> values;
    private final Path baseDirectory;

    private PluginConfig(String pluginId, Map<String, Parameter> declared, Map<String, Object> values,
                         Path baseDirectory) {
        this.pluginId = pluginId;
        this.declared = declared;
        this.values = values;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Validates raw values against a plugin's declared parameters.
     *
     * @param pluginId      the plugin id, for messages
     * @param parameters    the plugin's declared parameters
     * @param raw           values as written (numbers, or strings holding numbers, symbols or paths); keys absent
     *                      take their defaults
     * @param baseDirectory the directory relative paths are resolved against (the experiment file's folder)
     * @return the validated config
     * @throws InvalidInputException codes {@code config/unknown-key}, {@code config/wrong-type},
     *                               {@code config/out-of-range}, {@code config/missing-key}; keys are relative to
     *                               the plugin block
     */
    public static PluginConfig of(String pluginId, List<Parameter> parameters, Map<String, ?> raw,
                                  Path baseDirectory) {
        Map<String, Parameter> declared = new LinkedHashMap<>();
        parameters.forEach(p -> declared.put(p.name(), p));
        for (String key : raw.keySet()) {
            if (!declared.containsKey(key)) {
                String known = declared.isEmpty() ? "it takes no parameters"
                        : "known keys: " + String.join(", ", declared.keySet());
                throw new InvalidInputException(ConfigError.UNKNOWN_KEY, key, raw.get(key),
                        "'" + pluginId + "' has no parameter '" + key + "'; " + known);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            Object given = raw.get(parameter.name());
            if (given == null && parameter.required()) {
                throw new InvalidInputException(ConfigError.MISSING_KEY, parameter.name(), null,
                        "'" + pluginId + "' needs " + parameter.allowed() + " here: " + parameter.description());
            }
            Object value = given == null ? parameter.defaultValue() : given;
            values.put(parameter.name(), normalise(pluginId, parameter, value));
        }
        return new PluginConfig(pluginId, declared, Collections.unmodifiableMap(values), baseDirectory);
    }

    private static Object normalise(String pluginId, Parameter parameter, Object value) {
        if (parameter.type() == Parameter.Type.PATH) {
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
            throw wrongType(pluginId, parameter, value);
        }
        String text = String.valueOf(value).trim();
        if (parameter.symbols().contains(text)) {
            return text;
        }
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                throw wrongType(pluginId, parameter, value);
            }
        }
        if (parameter.type() == Parameter.Type.INTEGER && number != Math.rint(number)) {
            throw wrongType(pluginId, parameter, value);
        }
        if (!parameter.range().contains(number)) {
            throw new InvalidInputException(ConfigError.OUT_OF_RANGE, parameter.name(), value,
                    "'" + pluginId + "' allows " + parameter.allowed());
        }
        return parameter.type() == Parameter.Type.INTEGER ? (Object) (int) number : (Object) number;
    }

    private static InvalidInputException wrongType(String pluginId, Parameter parameter, Object value) {
        return new InvalidInputException(ConfigError.WRONG_TYPE, parameter.name(), value,
                "'" + pluginId + "' expects " + parameter.allowed());
    }

    /** The plugin id this config belongs to. */
    public String pluginId() {
        return pluginId;
    }

    /** A real value; fails if the parameter holds a symbol (check {@link #symbol} first when symbols exist). */
    public double real(String name) {
        return (Double) typed(name, Parameter.Type.REAL, Double.class);
    }

    /** An integer value. */
    public int integer(String name) {
        return (Integer) typed(name, Parameter.Type.INTEGER, Integer.class);
    }

    /** The symbol given instead of a number, if one was. */
    public Optional<String> symbol(String name) {
        Object value = valueOf(name);
        return value instanceof String word && declared.get(name).type() != Parameter.Type.PATH
                ? Optional.of(word) : Optional.empty();
    }

    /** A path value, resolved against the experiment file's directory. */
    public Path path(String name) {
        String text = (String) typed(name, Parameter.Type.PATH, String.class);
        return baseDirectory.resolve(text).normalize();
    }

    /** Every value with defaults filled in, in declaration order (for {@code run.json}). */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * An error for values that are valid one by one but not together, naming this plugin.
     *
     * @param key    the key at fault
     * @param detail what is allowed
     */
    public InvalidInputException invalid(String key, String detail) {
        return new InvalidInputException(ConfigError.INVALID_COMBINATION, key, values.get(key),
                "'" + pluginId + "': " + detail);
    }

    private Object typed(String name, Parameter.Type type, Class<?> javaType) {
        Object value = valueOf(name);
        if (declared.get(name).type() != type || !javaType.isInstance(value)) {
            throw new IllegalStateException("plugin '" + pluginId + "' reads " + name + " as " + type
                    + " but it holds " + value);
        }
        return value;
    }

    private Object valueOf(String name) {
        if (!declared.containsKey(name)) {
            throw new IllegalStateException("plugin '" + pluginId + "' reads undeclared parameter " + name
                    + "; declared: " + declared.keySet().stream().collect(Collectors.joining(", ")));
        }
        return values.get(name);
    }
}
