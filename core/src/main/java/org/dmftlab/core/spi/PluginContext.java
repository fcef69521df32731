package org.dmftlab.core.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a plugin block is read in, besides its own values (docs/plugin-guide.md §4; input handling has no SPEC
 * section): the folder relative paths are resolved against, the experiment's horizon T and the schedules that a
 * nested schedule block may name.
 *
 * @param baseDirectory the experiment file's folder, for {@link Parameter.Type#PATH} values
 * @param steps         T ≥ 1, the experiment's number of updates: the horizon of every schedule (SPEC §2.2),
 *                      read by plugins with {@link PluginConfig#steps()}
 * @param schedules     finds the provider of a nested schedule block by id
 *
 * @since 0.1.0
 */
public record PluginContext(Path baseDirectory, int steps, ScheduleLookup schedules) {

    public PluginContext {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(schedules, "schedules");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
    }

    /** Finds schedule providers by id, for {@link Parameter.Type#SCHEDULE} values (dmftlab's plugin registry). */
    @FunctionalInterface
    public interface ScheduleLookup {

        /**
         * The provider with this id.
         *
         * @throws InvalidInputException code {@code plugins/unknown-id}, key {@code id}, listing the known ids, when
         *                               there is none
         */
        ScheduleProvider find(String id);
    }
}
