package org.dmftlab.core.theory;

import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;

/** The discrete-time DMFT of SPEC §4, solved by causal forward marching. */
public final class TheoryEngine {

    /**
     * Solves the DMFT of the experiment.
     *
     * @return every observable at t = 0…T with its Monte-Carlo error (0 in the exact mode)
     */
    public Trajectory run(Experiment experiment, TheorySettings settings, Progress progress) {
        throw new UnsupportedOperationException("theory engine: not implemented yet");
    }
}
