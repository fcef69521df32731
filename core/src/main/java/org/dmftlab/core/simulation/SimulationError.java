package org.dmftlab.core.simulation;

import org.dmftlab.core.spi.ErrorCode;

/** The error codes of the simulation's own checks ({@code simulation/…}, exit 2). */
public enum SimulationError implements ErrorCode {
    /** Not even one seed of the simulation fits in the heap ({@link SimulationMemory}). */
    TOO_LARGE("simulation/too-large");

    private final String code;

    SimulationError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
