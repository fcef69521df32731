package org.dmftlab.core.spi;

import java.util.List;
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
 *                     {@code Integer} for {@link Type#INTEGER}, a {@code String} for a symbol or a path; null
 *                     only for a required {@link Type#PATH}
 * @param range        allowed numeric values (for {@link Type#PATH}, {@link Range#anyReal()}, unused)
 * @param symbols      words accepted instead of a number, e.g. the schedule {@code t/(t+3)}; usually empty
 * @param description  meaning and units, one sentence
 */
public record Parameter(String name, Type type, Object defaultValue, Range range, List<String> symbols,
                        String description) {

    /** Value types a parameter can have. */
    public enum Type {
        /** A real number, read with {@link PluginConfig#real}. */
        REAL,
        /** An integer, read with {@link PluginConfig#integer}. */
        INTEGER,
        /** A file path, relative to the experiment file, read with {@link PluginConfig#path}. */
        PATH
    }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(description, "description");
        symbols = List.copyOf(symbols);
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

    /** A copy that also accepts the given words instead of a number. */
    public Parameter orSymbols(String... words) {
        return new Parameter(name, type, defaultValue, range, List.of(words), description);
    }

    /** A copy whose default is the given symbol (which must be one of {@link #symbols()}). */
    public Parameter withSymbolDefault(String word) {
        if (!symbols.contains(word)) {
            throw new IllegalArgumentException(word + " is not a symbol of " + name);
        }
        return new Parameter(name, type, word, range, symbols, description);
    }

    /** Whether the key must be given because there is no default. */
    public boolean required() {
        return defaultValue == null;
    }

    /** What is allowed, for messages and {@code dmftlab plugins}: {@code real in (0, 1]}, or {@code … or t/(t+3)}. */
    public String allowed() {
        String interval = range.toString();
        String where = interval.startsWith("(") || interval.startsWith("[") ? "in " + interval : interval;
        String base = switch (type) {
            case REAL -> "a real " + where;
            case INTEGER -> "an integer " + where;
            case PATH -> "a file path";
        };
        return symbols.isEmpty() ? base : base + " or one of " + symbols;
    }
}
