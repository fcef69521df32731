package org.dmftlab.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --plugins DIR} option of {@code run}, {@code sweep} and {@code plugins} (a picocli mixin). */
final class PluginsOption {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Also load the plugin jars in this folder (third-party optimizers, losses, teachers,"
                    + " covariances, schedules, launchers), for example --plugins ~/dmftlab-plugins.")
    private Path folder;

    /** The folder, or null when none was given. */
    Path folder() {
        return folder;
    }
}
