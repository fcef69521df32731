package org.dmftlab.core.spi;

/**
 * Service interface of the launcher family: creates a {@link Launcher}, which runs a batch of independent
 * {@code dmftlab} tasks somewhere (on local threads, as the array jobs of a Slurm cluster, …), watches them, retries
 * the failed ones and reports (DESIGN.md, "Launchers"). Chosen with {@code --launcher ID} on {@code run} and
 * {@code sweep}, or a {@code launcher: {id: …}} block; its parameters are set with {@code --set launcher.KEY=VALUE}
 * and validated like every plugin's before any task starts.
 *
 * <p>Register an implementation with {@code provides org.dmftlab.core.spi.LauncherProvider with …} in the
 * plugin's {@code module-info.java} and, for class-path use, in
 * {@code META-INF/services/org.dmftlab.core.spi.LauncherProvider}.
 *
 * @since 0.1.0
 */
public interface LauncherProvider extends PluginProvider<Launcher> {
}
