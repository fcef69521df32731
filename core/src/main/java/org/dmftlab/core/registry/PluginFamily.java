package org.dmftlab.core.registry;

import java.util.List;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.LauncherProvider;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.ScheduleProvider;
import org.dmftlab.core.spi.TeacherProvider;

/**
 * One of the six plugin families: its name in messages and experiment files and its service interface.
 *
 * @param name    singular name, also the experiment-file block ({@code optimizer}, {@code loss}, …)
 * @param service the {@link java.util.ServiceLoader} service interface
 * @param <T>     the provider type
 *
 * @since 0.1.0
 */
public record PluginFamily<T extends PluginProvider<?>>(String name, Class<T> service) {

    public static final PluginFamily<OptimizerProvider> OPTIMIZER = new PluginFamily<>("optimizer", OptimizerProvider.class);
    public static final PluginFamily<LossProvider> LOSS = new PluginFamily<>("loss", LossProvider.class);
    public static final PluginFamily<TeacherProvider> TEACHER = new PluginFamily<>("teacher", TeacherProvider.class);
    public static final PluginFamily<CovarianceProvider> COVARIANCE = new PluginFamily<>("covariance", CovarianceProvider.class);
    /** Schedules of SPEC §2.2: chosen in an optimizer's schedule parameters, not in a block of their own. */
    public static final PluginFamily<ScheduleProvider> SCHEDULE = new PluginFamily<>("schedule", ScheduleProvider.class);
    /** Launchers (DESIGN.md, "Launchers"): where the tasks of a command run; chosen with {@code --launcher}. */
    public static final PluginFamily<LauncherProvider> LAUNCHER = new PluginFamily<>("launcher", LauncherProvider.class);

    /** The six families, in the order {@code dmftlab plugins} lists them. */
    public static List<PluginFamily<?>> all() {
        return List.of(OPTIMIZER, LOSS, TEACHER, COVARIANCE, SCHEDULE, LAUNCHER);
    }

    @Override
    public String toString() {
        return name;
    }
}
