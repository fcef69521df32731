package org.dmftlab.core.registry;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of plugin discovery ({@code plugins/…}, exit 2), raised by {@link PluginRegistry}, and of plugin
 * faults ({@link #FAULT}, exit 1).
 *
 * @since 0.1.0
 */
public enum PluginsError implements ErrorCode {
    /** The plugins folder is not a folder, or its jars cannot be resolved as modules. */
    BAD_FOLDER("plugins/bad-folder"),
    /** {@code ServiceLoader} cannot instantiate a provider. */
    BROKEN_PROVIDER("plugins/broken-provider"),
    /** An id does not match {@code PluginProvider.ID_PATTERN}. */
    MALFORMED_ID("plugins/malformed-id"),
    /** Two providers of one family share an id. */
    DUPLICATE_ID("plugins/duplicate-id"),
    /** No provider of the family has the id asked for. */
    UNKNOWN_ID("plugins/unknown-id"),
    /** A family has no provider at all. */
    EMPTY_FAMILY("plugins/empty-family"),
    /** Plugin code threw or returned what the SPI forbids ({@link PluginFaultException}; exit 1). */
    FAULT("plugins/fault");

    private final String code;

    PluginsError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
