package org.dmftlab.app.sweep;

import java.util.List;
import java.util.Set;
import org.dmftlab.app.api.EngineChoice;
import org.dmftlab.app.api.Estimate;
import org.dmftlab.app.api.Experiment;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.plot.TimeScale;

/**
 * One point of a sweep's grid, validated: an experiment of the Java API ({@code org.dmftlab.app.api}), which runs
 * it ({@link PointTasks}).
 *
 * @param settings   the grid values of this point as overrides, in grid-key order
 * @param folder     its folder inside the sweep's output folder, named from the values, e.g.
 *                   {@code learning-rate=0.1_batch-fraction=0.5}
 * @param experiment the base experiment with the command's {@code --set} and this point's values applied
 * @param timeScale  the time axis of its figures (its curves in {@code trajectories.png})
 * @param engines    the engines it runs
 * @param estimate   what they will need (memory and rough time) and the warnings shown before it runs
 */
public record SweepPoint(List<KeyOverride> settings, String folder, Experiment experiment, TimeScale timeScale,
                         Set<Engine> engines, Estimate estimate) {

    public SweepPoint {
        settings = List.copyOf(settings);
        engines = Set.copyOf(engines);
    }

    /** The engines it runs, as the API names them. */
    public EngineChoice engineChoice() {
        return choice(engines);
    }

    /** Engines as the API names them: one of them, or both. */
    static EngineChoice choice(Set<Engine> engines) {
        return engines.size() == Engine.values().length ? EngineChoice.BOTH
                : EngineChoice.valueOf(engines.iterator().next().name());
    }
}
