package org.dmftlab.core.spi;

/**
 * Service interface of the loss family: creates a per-sample loss ℓ(y, r) with its first two derivatives (SPEC §1).
 *
 * <p>Register an implementation with {@code provides org.dmftlab.core.spi.LossProvider with …} in the
 * plugin's {@code module-info.java} and, for class-path use, in
 * {@code META-INF/services/org.dmftlab.core.spi.LossProvider}.
 *
 * @since 0.1.0
 */
public interface LossProvider extends PluginProvider<Loss> {
}
