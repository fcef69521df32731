package org.dmftlab.app.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.core.registry.PluginRegistry;

/**
 * Where an experiment's units run, as asked (DESIGN.md, "Launchers"): a launcher named in code
 * ({@link Experiment#withLauncher}, the command line's {@code --launcher ID}), the experiment file's
 * {@code launcher:} block and the {@code launcher.KEY=VALUE} overrides; resolved and checked by {@link #resolve}
 * when a run starts.
 *
 * @param id        the launcher named in code, or null
 * @param block     the file's {@code launcher:} block, empty when it has none
 * @param file      the file the block is in, or null for an experiment not read from a file
 * @param overrides the {@code launcher.KEY=VALUE} overrides, in order
 */
record LauncherRequest(String id, Map<String, Object> block, Path file, List<KeyOverride> overrides) {

    /** No launcher asked for: the units are computed in this process. */
    static final LauncherRequest NONE = new LauncherRequest(null, Map.of(), null, List.of());

    LauncherRequest {
        block = Collections.unmodifiableMap(new LinkedHashMap<>(block)); // in order; a value may be null
        overrides = List.copyOf(overrides);
    }

    /** Whether a launcher was asked for at all (else a run computes its units in this process). */
    boolean given() {
        return id != null || !block.isEmpty() || !overrides.isEmpty();
    }

    /** The same request with the launcher {@code id} (another id than the block's drops the block's parameters). */
    LauncherRequest withId(String launcher) {
        return new LauncherRequest(launcher, block, file, overrides);
    }

    /**
     * The chosen launcher, validated ({@link LauncherChoice#resolve}; {@code local} when nothing names one).
     *
     * @param target the output folder, which names the source of the launcher when there is no file
     */
    LauncherChoice resolve(PluginRegistry registry, Path target) {
        return LauncherChoice.resolve(registry, id, block, file != null ? file : target, overrides);
    }
}
