package org.dmftlab.core.spi;

import java.util.List;

/**
 * What every plugin provider has in common: an id, a description, declared parameters and a factory.
 *
 * <p>Implementations are stateless and have a public no-argument constructor (the {@link java.util.ServiceLoader}
 * contract). {@link #create} must not keep the config; it reads the values it needs and returns an immutable
 * product.
 *
 * @param <P> the product type
 *
 * @since 0.1.0
 */
public interface PluginProvider<P> {

    /**
     * The id used in experiment files, e.g. {@code heavy-ball}: lowercase letters and digits in words joined by
     * single hyphens ({@link #ID_PATTERN}). Unique within a family (docs/plugin-guide.md §3).
     */
    String id();

    /**
     * One sentence for {@code dmftlab plugins}: what the plugin is, with the formula it implements (in the terms of
     * the SPEC section of its family: SPEC §2.1 for an optimizer, §1 for a loss or a teacher, §1 and §4 for a
     * covariance).
     */
    String description();

    /**
     * Every parameter the plugin accepts, in the order they should be documented (docs/plugin-guide.md §4). May be
     * empty, never null.
     */
    List<Parameter> parameters();

    /**
     * Builds the product: an update rule of SPEC §2.1, a loss of SPEC §1, a teacher of SPEC §1 and §3, or a
     * covariance of SPEC §1 and §4, as the family says.
     *
     * @param config the values of {@link #parameters()}, already validated against their ranges, with defaults
     *               filled in
     * @return an immutable product
     * @throws InvalidInputException when values that are valid one by one are invalid together
     *                               (use {@link PluginConfig#invalid})
     */
    P create(PluginConfig config);

    /** The pattern every id must match: lowercase-kebab, starting with a letter. */
    String ID_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
}
