package org.dmftlab.core.spi;

/**
 * The error codes of experiment files and plugin parameters ({@code config/…}, exit 2). {@link PluginConfig} raises
 * the parameter ones for every plugin; a plugin raises {@link #INVALID_COMBINATION} through
 * {@link PluginConfig#invalid} and {@link #MISSING_FILE} for a path parameter naming no file.
 *
 * @since 0.1.0
 */
public enum ConfigError implements ErrorCode {
    /** A key that the plugin or the file does not declare. */
    UNKNOWN_KEY("config/unknown-key"),
    /** A required key is absent. */
    MISSING_KEY("config/missing-key"),
    /** A value of the wrong kind. */
    WRONG_TYPE("config/wrong-type"),
    /** A number outside its declared range, or another value outside its allowed values. */
    OUT_OF_RANGE("config/out-of-range"),
    /** Values valid alone but not together. */
    INVALID_COMBINATION("config/invalid-combination"),
    /** A key appears twice in one YAML block. */
    DUPLICATE_KEY("config/duplicate-key"),
    /** The file is not valid YAML. */
    YAML_SYNTAX("config/yaml-syntax"),
    /** The file does not exist or is not UTF-8 text. */
    UNREADABLE_FILE("config/unreadable-file"),
    /** A path parameter names a file that does not exist. */
    MISSING_FILE("config/missing-file"),
    /** A sweep file's key is not a dotted key of the experiment file. */
    BAD_KEY("config/bad-key"),
    /** A value appears twice in one list of a sweep grid. */
    DUPLICATE_VALUE("config/duplicate-value"),
    /** An experiment or sweep file, or one of its values, is longer than dmftlab reads. */
    TOO_LARGE("config/too-large");

    private final String code;

    ConfigError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
