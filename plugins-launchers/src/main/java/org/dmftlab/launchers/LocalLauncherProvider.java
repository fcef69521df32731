package org.dmftlab.launchers;

import java.util.List;
import org.dmftlab.core.spi.Launcher;
import org.dmftlab.core.spi.LauncherProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;

/**
 * {@code local}, the default launcher: runs the tasks in this JVM on {@link org.dmftlab.core.spi.LaunchContext#parallelism()}
 * threads, no set-up (DESIGN.md, "Launchers").
 */
public final class LocalLauncherProvider implements LauncherProvider {

    @Override
    public String id() {
        return "local";
    }

    @Override
    public String description() {
        return "runs the tasks on threads of this process (--threads at a time), the default";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("retries", 0, Range.closed(0, 100),
                "how many times a failed task is run again before it counts as failed"));
    }

    @Override
    public Launcher create(PluginConfig config) {
        return new LocalLauncher(config.integer("retries"));
    }
}
