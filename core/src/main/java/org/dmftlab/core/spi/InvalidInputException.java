package org.dmftlab.core.spi;

import java.util.Objects;

/**
 * Invalid input from a person: a bad experiment key or value, an unknown plugin id, a broken plugin folder.
 * Exit code 2. The message names the source (file), the key and the value when they are known, and says what
 * is allowed:
 * <pre>examples/x.yaml: [config/out-of-range] optimizer.learning-rate = -1: must be &gt; 0</pre>
 * Layers that know more context add it with {@link #withKeyPrefix} and {@link #withSource}. A plugin throws it
 * through {@link PluginConfig#invalid} or with a code of its own ({@link ErrorCode}; docs/plugin-guide.md §9).
 *
 * @since 0.1.0
 */
public final class InvalidInputException extends DmftlabException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;
    private final String value;

    /**
     * @param code   stable code, e.g. {@link ConfigError#UNKNOWN_KEY}
     * @param key    the offending key (dotted path), or null when the error is not about one key
     * @param value  the offending value as written, or null
     * @param detail what is allowed / how to fix it
     */
    public InvalidInputException(ErrorCode code, String key, Object value, String detail) {
        this(code, null, key, value == null ? null : String.valueOf(value), detail);
    }

    private InvalidInputException(ErrorCode code, String source, String key, String value, String detail) {
        super(code, Objects.requireNonNull(detail, "detail"));
        this.source = source;
        this.key = key;
        this.value = value;
    }

    /** A copy whose key is {@code prefix.key} (or {@code prefix} when there was no key). */
    public InvalidInputException withKeyPrefix(String prefix) {
        String prefixed = key == null ? prefix : prefix + "." + key;
        return new InvalidInputException(errorCode(), source, prefixed, value, detail());
    }

    /** A copy that names the file (or other source) the input came from. */
    public InvalidInputException withSource(String newSource) {
        return new InvalidInputException(errorCode(), newSource, key, value, detail());
    }

    /** The file or other source, or null. */
    public String source() {
        return source;
    }

    /** The dotted key, or null. */
    public String key() {
        return key;
    }

    /** The offending value as written, or null. */
    public String value() {
        return value;
    }

    @Override
    public int exitCode() {
        return 2;
    }

    @Override
    public String getMessage() {
        StringBuilder text = new StringBuilder();
        if (source != null) {
            text.append(source).append(": ");
        }
        text.append('[').append(code()).append("] ");
        if (key != null) {
            text.append(key);
            if (value != null) {
                text.append(" = ").append(value);
            }
            text.append(": ");
        }
        return text.append(detail()).toString();
    }
}
