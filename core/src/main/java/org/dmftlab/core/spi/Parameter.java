package org.dmftlab.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declared plugin parameter: its experiment-file key, type, default, allowed values and meaning.
 * {@link PluginConfig} validates values against it, so a plugin never sees an unknown key or an out-of-range
 * value. Parameters are input handling, not mathematics: they have no SPEC section; docs/plugin-guide.md §4
 * explains them.
 *
 * @param name         experiment-file key, lowercase-kebab ({@code learning-rate})
 * @param type         value type
 * @param defaultValue the value used when the key is absent: a {@code Double} for {@link Type#REAL}, an
 *                     {@code Integer} for {@link Type#INTEGER}, a {@code String} for a symbol or a path, a
 *                     {@code List<Integer>} for {@link Type#INTEGER_LIST}, the block {@code {id: constant}} for
 *                     {@link Type#SCHEDULE}; null only for a required {@link Type#PATH}
 * @param range        allowed numeric values, of each element for {@link Type#INTEGER_LIST} (for a path or a
 *                     schedule {@link Range#anyReal()}, unused)
 * @param symbols      words accepted instead of a number, e.g. the schedule {@code t/(t+3)}; usually empty
 * @param description  meaning and units, one sentence
 * @param scheduled    for a {@link Type#SCHEDULE} of the plugin's own parameter: the name of the {@link Type#REAL}
 *                     parameter whose base value it varies (whose range must then hold at every update, SPEC §2.2);
 *                     null for a schedule nested in a schedule (warmup's {@code then}) and for other types
 * @param pattern      for {@link Type#TEXT}: the regular expression the whole text must match; null for other types
 *
 * @since 0.1.0
 */
public record Parameter(String name, Type type, Object defaultValue, Range range, List<String> symbols,
                        String description, String scheduled, String pattern) {

    /** The block of the constant schedule, the default of every {@link Type#SCHEDULE} parameter. */
    public static final Map<String, Object> CONSTANT_SCHEDULE = Map.of("id", "constant");

    /** Value types a parameter can have. */
    public enum Type {
        /** A real number, read with {@link PluginConfig#real}. */
        REAL,
        /** An integer, read with {@link PluginConfig#integer}. */
        INTEGER,
        /** A file path, relative to the experiment file, read with {@link PluginConfig#path}. */
        PATH,
        /** A list of integers ({@code [100, 200]}), each in the range, read with {@link PluginConfig#integers}. */
        INTEGER_LIST,
        /**
         * A schedule block ({@code {id: cosine, final: 0.02}}) of the {@code schedule} family (SPEC §2.2), read with
         * {@link PluginConfig#schedule}.
         */
        SCHEDULE,
        /**
         * A line of text matching the parameter's {@link Parameter#pattern()} (a launcher's partition or time limit),
         * read with {@link PluginConfig#text}.
         */
        TEXT
    }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(description, "description");
        symbols = List.copyOf(symbols);
        if (defaultValue instanceof List<?> list) {
            defaultValue = List.copyOf(list);
        }
        if (scheduled != null && type != Type.SCHEDULE) {
            throw new IllegalArgumentException(name + ": only a schedule names a parameter it varies");
        }
        if ((pattern != null) != (type == Type.TEXT)) {
            throw new IllegalArgumentException(name + ": a text parameter, and only it, has a pattern");
        }
    }

    /** A parameter of the kinds that existed before schedules (no {@link #scheduled()} parameter). */
    public Parameter(String name, Type type, Object defaultValue, Range range, List<String> symbols,
                     String description) {
        this(name, type, defaultValue, range, symbols, description, null, null);
    }

    /** A parameter of any kind but text (no {@link #pattern()}). */
    public Parameter(String name, Type type, Object defaultValue, Range range, List<String> symbols,
                     String description, String scheduled) {
        this(name, type, defaultValue, range, symbols, description, scheduled, null);
    }

    /** A real parameter with a default inside its range. */
    public static Parameter real(String name, double defaultValue, Range range, String description) {
        return new Parameter(name, Type.REAL, defaultValue, range, List.of(), description);
    }

    /** An integer parameter with a default inside its range. */
    public static Parameter integer(String name, int defaultValue, Range range, String description) {
        return new Parameter(name, Type.INTEGER, defaultValue, range, List.of(), description);
    }

    /** A file path that must be given (there is no sensible default file). */
    public static Parameter requiredPath(String name, String description) {
        return new Parameter(name, Type.PATH, null, Range.anyReal(), List.of(), description);
    }

    /** A list of integers with a default list, each element inside its range (e.g. the milestones of a schedule). */
    public static Parameter integers(String name, List<Integer> defaultValue, Range range, String description) {
        return new Parameter(name, Type.INTEGER_LIST, List.copyOf(defaultValue), range, List.of(), description);
    }

    /**
     * A schedule of the {@link Type#REAL} parameter {@code scheduled} of the same plugin (SPEC §2.2), given as a
     * schedule block; absent, it is the constant schedule {@link #CONSTANT_SCHEDULE}. The values it gives must lie in
     * the range of {@code scheduled} at every update t = 0…T−1, which {@link PluginConfig#of} checks.
     *
     * @param name      the key, by convention {@code <scheduled>-schedule}, e.g. {@code learning-rate-schedule}
     * @param scheduled the name of the real parameter whose base value the schedule varies
     */
    public static Parameter schedule(String name, String scheduled, String description) {
        return new Parameter(name, Type.SCHEDULE, CONSTANT_SCHEDULE, Range.anyReal(), List.of(), description,
                Objects.requireNonNull(scheduled, "scheduled"));
    }

    /**
     * A schedule nested in a schedule plugin (warmup's {@code then}): it varies whatever base value its schedule is
     * evaluated with, and the outermost schedule's range check covers it. Absent, it is {@link #CONSTANT_SCHEDULE}.
     */
    public static Parameter schedule(String name, String description) {
        return new Parameter(name, Type.SCHEDULE, CONSTANT_SCHEDULE, Range.anyReal(), List.of(), description, null);
    }

    /**
     * A line of text with a default, which must match {@code pattern} as a whole, e.g. a Slurm partition
     * {@code text("partition", "", "[A-Za-z0-9_.,-]*", "…")}. The empty text is allowed only if the pattern matches
     * it.
     *
     * @param pattern a regular expression ({@link java.util.regex.Pattern}); the default must match it
     */
    public static Parameter text(String name, String defaultValue, String pattern, String description) {
        if (!defaultValue.matches(pattern)) {
            throw new IllegalArgumentException(name + ": the default '" + defaultValue + "' does not match " + pattern);
        }
        return new Parameter(name, Type.TEXT, defaultValue, Range.anyReal(), List.of(), description, null, pattern);
    }

    /** A copy that also accepts the given words instead of a number. */
    public Parameter orSymbols(String... words) {
        return new Parameter(name, type, defaultValue, range, List.of(words), description, scheduled, pattern);
    }

    /** A copy whose default is the given symbol (which must be one of {@link #symbols()}). */
    public Parameter withSymbolDefault(String word) {
        if (!symbols.contains(word)) {
            throw new IllegalArgumentException(word + " is not a symbol of " + name);
        }
        return new Parameter(name, type, word, range, symbols, description, scheduled, pattern);
    }

    /** Whether the key must be given because there is no default. */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * What is allowed, for messages and {@code dmftlab plugins}: {@code a real in (0, 1]}, {@code … or one of
     * [t/(t+3)]}, {@code a list of integers >= 1}, {@code a schedule block {id: <schedule>, …}}.
     */
    public String allowed() {
        String interval = range.toString();
        String where = interval.equals(Range.anyReal().toString()) ? ""
                : interval.startsWith("(") || interval.startsWith("[") ? " in " + interval : " " + interval;
        String base = switch (type) {
            case REAL -> "a real" + where;
            case INTEGER -> "an integer" + where;
            case PATH -> "a file path";
            case INTEGER_LIST -> "a list of integers" + where;
            case SCHEDULE -> "a schedule block {id: <schedule>, …}";
            case TEXT -> "text in the form the description gives";
        };
        return symbols.isEmpty() ? base : base + " or one of " + symbols;
    }
}
