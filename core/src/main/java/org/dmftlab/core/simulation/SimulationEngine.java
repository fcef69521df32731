package org.dmftlab.core.simulation;

import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;

/**
 * Finite-size simulation of an experiment (SPEC §1–3): observables averaged over seeds, with standard errors.
 */
public final class SimulationEngine {

    /**
     * Simulates the experiment.
     *
     * @return mean over seeds of every observable at t = 0…T, with the standard error over seeds
     */
    public Trajectory run(Experiment experiment, SimulationSettings settings, Progress progress) {
        throw new UnsupportedOperationException("simulation engine: not implemented yet");
    }
}
