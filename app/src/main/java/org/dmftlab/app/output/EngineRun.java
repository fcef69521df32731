package org.dmftlab.app.output;

import java.util.Objects;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.problem.Trajectory;

/**
 * What one engine produced in a run.
 *
 * @param engine      which engine
 * @param trajectory  its observables at t = 0…T with their errors
 * @param wallSeconds wall-clock time of the engine alone
 */
public record EngineRun(Engine engine, Trajectory trajectory, double wallSeconds) {

    public EngineRun {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(trajectory, "trajectory");
    }

    /** The table this run is written to: {@code theory.csv} or {@code simulation.csv}. */
    public String tableName() {
        return OutputFolder.table(engine);
    }
}
