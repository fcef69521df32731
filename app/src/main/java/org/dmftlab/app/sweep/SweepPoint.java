package org.dmftlab.app.sweep;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.run.Preflight;
import org.dmftlab.app.run.StabilityWarning;

/**
 * One point of a sweep's grid, validated.
 *
 * @param settings the grid values of this point as overrides, in grid-key order
 * @param folder   its folder inside the sweep's output folder, named from the values, e.g.
 *                 {@code learning-rate=0.1_batch-fraction=0.5}
 * @param plan     the base experiment with the command's {@code --set} and this point's values applied
 * @param engines   the engines it runs
 * @param preflight what they will need: memory and rough time
 */
public record SweepPoint(List<KeyOverride> settings, String folder, ExperimentPlan plan, Set<Engine> engines,
                         Preflight preflight) {

    public SweepPoint {
        settings = List.copyOf(settings);
        engines = Set.copyOf(engines);
    }

    /**
     * The warning shown before it runs and recorded in its {@code run.json}, when its step size is outside the
     * full-batch stability region (SPEC §6).
     */
    public Optional<String> stabilityWarning() {
        return StabilityWarning.of(plan.experiment());
    }
}
