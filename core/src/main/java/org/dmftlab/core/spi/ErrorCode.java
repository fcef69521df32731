package org.dmftlab.core.spi;

/**
 * A stable error code: {@code area/what} in lowercase words joined by hyphens, e.g. {@code config/unknown-key}. Every
 * {@link DmftlabException} carries one; scripts and tests may match it, and docs/plugin-guide.md §9 documents each
 * of dmftlab's codes with its fix.
 *
 * <p>Codes are constants of one enum per area, which implements this interface ({@link ConfigError} for experiment
 * files and plugin parameters, for instance). A plugin with failures of its own that no standard code describes
 * defines an enum of its own area the same way, and documents it with the plugin.
 *
 * @since 0.1.0
 */
public interface ErrorCode {

    /** The pattern every code matches: {@code area/what}, each a lowercase-kebab word group. */
    String PATTERN = "[a-z]+(-[a-z]+)*/[a-z]+(-[a-z]+)*";

    /** The code, e.g. {@code config/unknown-key}; matches {@link #PATTERN}. */
    String code();
}
