package org.dmftlab.app.output;

import java.util.Objects;
import java.util.Optional;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.QuadratureError;

/**
 * What one engine produced in a run.
 *
 * @param engine      which engine
 * @param trajectory  its observables at t = 0…T with their errors
 * @param wallSeconds wall-clock time of the engine alone
 * @param quadrature  the theory's estimate of its species quadrature's error (SPEC §4.5); empty for the simulation
 *                    and for a spectrum the theory represents exactly
 */
public record EngineRun(Engine engine, Trajectory trajectory, double wallSeconds,
                        Optional<QuadratureError> quadrature) {

    public EngineRun {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(quadrature, "quadrature");
    }

    /** A run without a quadrature error estimate (the simulation, or a theory run on an exact spectrum). */
    public EngineRun(Engine engine, Trajectory trajectory, double wallSeconds) {
        this(engine, trajectory, wallSeconds, Optional.empty());
    }

    /** The table this run is written to: {@code theory.csv} or {@code simulation.csv}. */
    public String tableName() {
        return OutputFolder.table(engine);
    }
}
