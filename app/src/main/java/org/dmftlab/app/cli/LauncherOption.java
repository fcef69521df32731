package org.dmftlab.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.core.registry.PluginRegistry;
import picocli.CommandLine.Option;

/**
 * The {@code --launcher ID} option of {@code sweep} and {@code run} (a picocli mixin; DESIGN.md, "Launchers").
 */
final class LauncherOption {

    @Option(names = "--launcher", paramLabel = "ID",
            description = "Where the independent tasks run (default: the file's launcher: block, else local): local"
                    + " (threads of this process) or slurm (job arrays of a Slurm cluster; see README, On a cluster),"
                    + " or a plugin's launcher, for example --launcher slurm. Its parameters (dmftlab plugins lists"
                    + " them) are set with --set launcher.KEY=VALUE, for example --set launcher.partition=short.")
    private String id;

    /** The launcher {@code --launcher} names, or null. */
    String id() {
        return id;
    }

    /** Whether {@code --launcher} was given. */
    boolean given() {
        return id != null;
    }

    /**
     * The chosen launcher, validated.
     *
     * @param block     the file's {@code launcher:} block, empty when it has none
     * @param overrides every {@code --set}; the {@code launcher.…} ones are read
     */
    LauncherChoice choose(PluginRegistry registry, Map<String, Object> block, Path file, List<KeyOverride> overrides) {
        return LauncherChoice.resolve(registry, id, block, file,
                overrides.stream().filter(LauncherChoice::isLauncherKey).toList());
    }
}
