package org.dmftlab.core.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The validated parameter values of one plugin instance: a typed, read-only view in which every declared
 * {@link Parameter} has a value (given or default) inside its range, and no undeclared key exists. A schedule
 * parameter holds a nested block of the {@code schedule} family, validated the same way (its own config is in
 * {@link #nested()}), whose values stay in the range of the parameter it varies at every update.
 *
 * <p>Build it with {@link #of}; every violation is an {@link InvalidInputException} whose message names the
 * plugin, the key (dotted into nested blocks, e.g. {@code learning-rate-schedule.then.final}) and the value and says
 * what is allowed. Plugins read values with {@link #real}, {@link #integer}, {@link #integers}, {@link #symbol},
 * {@link #path}, {@link #text} and {@link #schedule}, and the horizon with {@link #steps} (docs/plugin-guide.md §4; input handling
 * has no SPEC section).
 *
 * @since 0.1.0
 */
public final class PluginConfig {

    private final String pluginId;
    private final Map<String, Parameter> declared;
    private final Map<String, Object> values;
    private final Map<String, Resolved> nested;
    private final PluginContext context;

    /** A nested schedule block: its validated config and its product. */
    private record Resolved(PluginConfig config, Schedule schedule) {
    }

    private PluginConfig(String pluginId, Map<String, Parameter> declared, Map<String, Object> values,
                         Map<String, Resolved> nested, PluginContext context) {
        this.pluginId = pluginId;
        this.declared = declared;
        this.values = values;
        this.nested = nested;
        this.context = context;
    }

    /**
     * Validates raw values against a plugin's declared parameters.
     *
     * @param pluginId   the plugin id, for messages
     * @param parameters the plugin's declared parameters
     * @param raw        values as written: numbers, or strings holding numbers, symbols or paths; lists of integers;
     *                   maps for schedule blocks ({@code id} and that schedule's parameters); keys absent take their
     *                   defaults, a key with a null value is refused
     * @param context    the folder relative paths are resolved against, the horizon T and the schedules nested
     *                   blocks may name
     * @return the validated config
     * @throws InvalidInputException codes {@code config/unknown-key}, {@code config/wrong-type},
     *                               {@code config/out-of-range}, {@code config/missing-key},
     *                               {@code plugins/unknown-id} (a nested block's id) and whatever a nested
     *                               schedule's {@code create} throws; keys are relative to the plugin block
     */
    public static PluginConfig of(String pluginId, List<Parameter> parameters, Map<String, ?> raw,
                                  PluginContext context) {
        Map<String, Parameter> declared = new LinkedHashMap<>();
        parameters.forEach(p -> declared.put(p.name(), p));
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String key = entry.getKey();
            if (!declared.containsKey(key)) {
                String known = declared.isEmpty() ? "it takes no parameters"
                        : "known keys: " + String.join(", ", declared.keySet());
                throw new InvalidInputException(ConfigError.UNKNOWN_KEY, key, entry.getValue(),
                        "'" + pluginId + "' has no parameter '" + key + "'; " + known);
            }
            if (entry.getValue() == null) {
                throw new InvalidInputException(ConfigError.WRONG_TYPE, key, null, "'" + pluginId
                        + "': the key has no value; give one or remove the key to use the default");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Resolved> nested = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            Object given = raw.get(parameter.name());
            if (given == null && parameter.required()) {
                throw new InvalidInputException(ConfigError.MISSING_KEY, parameter.name(), null,
                        "'" + pluginId + "' needs " + parameter.allowed() + " here: " + parameter.description());
            }
            Object value = given == null ? parameter.defaultValue() : given;
            if (parameter.type() == Parameter.Type.SCHEDULE) {
                Resolved schedule = schedule(pluginId, parameter, value, context);
                nested.put(parameter.name(), schedule);
                values.put(parameter.name(), block(schedule.config()));
            } else {
                values.put(parameter.name(), normalise(pluginId, parameter, value));
            }
        }
        for (Parameter parameter : parameters) {
            if (parameter.scheduled() != null) {
                checkEveryUpdate(pluginId, parameter, declared.get(parameter.scheduled()),
                        values.get(parameter.scheduled()), nested.get(parameter.name()).schedule(),
                        values.get(parameter.name()), context.steps());
            }
        }
        return new PluginConfig(pluginId, declared, Collections.unmodifiableMap(values),
                Collections.unmodifiableMap(nested), context);
    }

    /**
     * The id of a plugin block {@code {id: …, <parameters>}}.
     *
     * @param family the family's name, for messages ({@code optimizer}, {@code schedule}, …)
     * @throws InvalidInputException key {@code id}: {@code config/missing-key} when absent,
     *                               {@code config/wrong-type} when not text
     */
    public static String blockId(Map<String, ?> block, String family) {
        Object id = block.get("id");
        if (id instanceof String text) {
            return text;
        }
        throw id == null
                ? new InvalidInputException(ConfigError.MISSING_KEY, "id", null,
                        "required: the " + family + " plugin id (run 'dmftlab plugins' to list them)")
                : new InvalidInputException(ConfigError.WRONG_TYPE, "id", id, "expected a plugin id (text)");
    }

    /** Resolves a schedule block; errors inside it are keyed under the parameter's name. */
    private static Resolved schedule(String pluginId, Parameter parameter, Object value, PluginContext context) {
        if (!(value instanceof Map<?, ?> block)) {
            throw wrongType(pluginId, parameter, value);
        }
        try {
            Map<String, Object> parameters = new LinkedHashMap<>();
            block.forEach((key, entry) -> parameters.put(String.valueOf(key), entry));
            String id = blockId(parameters, "schedule");
            parameters.remove("id");
            ScheduleProvider provider = context.schedules().find(id);
            PluginConfig config = of(id, provider.parameters(), parameters, context);
            return new Resolved(config, provider.create(config));
        } catch (InvalidInputException invalid) {
            throw invalid.withKeyPrefix(parameter.name());
        }
    }

    /** {@code {id: …, <every parameter>}} of a validated config, as recorded. */
    private static Map<String, Object> block(PluginConfig config) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("id", config.pluginId());
        block.putAll(config.values());
        return Collections.unmodifiableMap(block);
    }

    /** The schedule's values at the updates t = 0…T−1 lie in the range of the parameter it varies (SPEC §2.2). */
    private static void checkEveryUpdate(String pluginId, Parameter parameter, Parameter scheduled, Object base,
                                         Schedule schedule, Object block, int steps) {
        if (scheduled == null || scheduled.type() != Parameter.Type.REAL) {
            throw new IllegalStateException("plugin '" + pluginId + "' declares " + parameter.name()
                    + " as the schedule of '" + parameter.scheduled() + "', which is not one of its real parameters");
        }
        if (!(base instanceof Double value)) {
            return; // a symbol: the plugin decides what a schedule of it means (docs/plugin-guide.md §4)
        }
        for (int t = 0; t < steps; t++) {
            double scheduledValue = schedule.value(value, t, steps);
            if (!scheduled.range().contains(scheduledValue)) {
                throw new InvalidInputException(ConfigError.OUT_OF_RANGE, parameter.name(), flow(block),
                        "'" + pluginId + "' needs " + scheduled.name() + " to be " + scheduled.allowed()
                                + " at every step, but with " + scheduled.name() + " = " + value
                                + " this schedule gives " + scheduledValue + " at step " + t + " of " + steps);
            }
        }
    }

    /** A block or list written as in a YAML flow: {@code {id: cosine, final: 0.02}}, {@code [10, 20]}. */
    static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + flow(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PluginConfig::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static Object normalise(String pluginId, Parameter parameter, Object value) {
        switch (parameter.type()) {
            case PATH -> {
                if (value instanceof String text && !text.isBlank() && isPath(text)) {
                    return text;
                }
                throw wrongType(pluginId, parameter, value);
            }
            case TEXT -> {
                if (value instanceof Map || value instanceof List) {
                    throw wrongType(pluginId, parameter, value);
                }
                String text = String.valueOf(value);
                if (!text.matches(parameter.pattern())) {
                    throw new InvalidInputException(ConfigError.OUT_OF_RANGE, parameter.name(), text,
                            "'" + pluginId + "' expects " + parameter.description());
                }
                return text;
            }
            case INTEGER_LIST -> {
                if (!(value instanceof List<?> list)) {
                    throw wrongType(pluginId, parameter, value);
                }
                List<Integer> integers = new ArrayList<>();
                for (Object element : list) {
                    if (element == null) {
                        throw wrongType(pluginId, parameter, flow(value));
                    }
                    integers.add((Integer) number(pluginId, parameter, element, flow(value)));
                }
                return List.copyOf(integers);
            }
            default -> {
                String text = String.valueOf(value).trim();
                if (parameter.symbols().contains(text)) {
                    return text;
                }
                return number(pluginId, parameter, value, value);
            }
        }
    }

    /**
     * A number of a REAL or INTEGER parameter (or an element of an INTEGER_LIST) inside the range: a Double or an
     * Integer.
     *
     * @param shown the value named in messages (the whole list for a list element)
     */
    private static Object number(String pluginId, Parameter parameter, Object value, Object shown) {
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException notANumber) {
                throw wrongType(pluginId, parameter, shown);
            }
        }
        boolean integer = parameter.type() != Parameter.Type.REAL;
        if (integer && (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE)) {
            throw wrongType(pluginId, parameter, shown);
        }
        if (!parameter.range().contains(number)) {
            throw new InvalidInputException(ConfigError.OUT_OF_RANGE, parameter.name(), shown,
                    "'" + pluginId + "' allows " + parameter.allowed());
        }
        return integer ? (Object) (int) number : (Object) number;
    }

    /** Whether the file system accepts the text as a path (no NUL character, on Linux). */
    private static boolean isPath(String text) {
        try {
            Path.of(text);
            return true;
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private static InvalidInputException wrongType(String pluginId, Parameter parameter, Object value) {
        return new InvalidInputException(ConfigError.WRONG_TYPE, parameter.name(),
                value instanceof Map || value instanceof List ? flow(value) : value,
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

    /** An integer-list value, unmodifiable. */
    @SuppressWarnings("unchecked")
    public List<Integer> integers(String name) {
        return (List<Integer>) typed(name, Parameter.Type.INTEGER_LIST, List.class);
    }

    /** A text value, matching its parameter's pattern. */
    public String text(String name) {
        return (String) typed(name, Parameter.Type.TEXT, String.class);
    }

    /** The symbol given instead of a number, if one was. */
    public Optional<String> symbol(String name) {
        Object value = valueOf(name);
        Parameter.Type type = declared.get(name).type();
        return value instanceof String word && (type == Parameter.Type.REAL || type == Parameter.Type.INTEGER)
                ? Optional.of(word) : Optional.empty();
    }

    /** A path value, resolved against the experiment file's directory. */
    public Path path(String name) {
        String text = (String) typed(name, Parameter.Type.PATH, String.class);
        return context.baseDirectory().resolve(text).normalize();
    }

    /**
     * The schedule of a {@link Parameter.Type#SCHEDULE} parameter (SPEC §2.2); evaluate it with {@link #steps()} as
     * the horizon: {@code schedule.value(base, t, config.steps())}.
     */
    public Schedule schedule(String name) {
        typed(name, Parameter.Type.SCHEDULE, Map.class);
        return nested.get(name).schedule();
    }

    /** T ≥ 1, the experiment's number of updates: the horizon of the schedules (SPEC §2.2). */
    public int steps() {
        return context.steps();
    }

    /**
     * Every value with defaults filled in, in declaration order (for {@code run.json}): numbers, symbols, paths as
     * written, lists of integers, and for each schedule its block {@code {id: …, <every parameter>}}.
     */
    public Map<String, Object> values() {
        return values;
    }

    /** The validated configs of the nested schedule blocks, by parameter name, in declaration order. */
    public Map<String, PluginConfig> nested() {
        Map<String, PluginConfig> configs = new LinkedHashMap<>();
        nested.forEach((name, resolved) -> configs.put(name, resolved.config()));
        return Collections.unmodifiableMap(configs);
    }

    /**
     * An error for values that are valid one by one but not together, naming this plugin.
     *
     * @param key    the key at fault
     * @param detail what is allowed
     */
    public InvalidInputException invalid(String key, String detail) {
        Object value = values.get(key);
        return new InvalidInputException(ConfigError.INVALID_COMBINATION, key,
                value instanceof Map || value instanceof List ? flow(value) : value, "'" + pluginId + "': " + detail);
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
