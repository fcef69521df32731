package org.dmftlab.core.spi;

/**
 * Service interface of the optimizer family: creates an update rule of the general linear-memory form of SPEC §2.1 (SGD, heavy ball, Nesterov, Langevin).
 *
 * <p>Register an implementation with {@code provides org.dmftlab.core.spi.OptimizerProvider with …} in the
 * plugin's {@code module-info.java} and, for class-path use, in
 * {@code META-INF/services/org.dmftlab.core.spi.OptimizerProvider}.
 *
 * @since 0.1.0
 */
public interface OptimizerProvider extends PluginProvider<UpdateRule> {
}
