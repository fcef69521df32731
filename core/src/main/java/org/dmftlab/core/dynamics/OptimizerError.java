package org.dmftlab.core.dynamics;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error code of update rules ({@code optimizer/…}, exit 2), raised by {@link UpdateSchedule}.
 */
public enum OptimizerError implements ErrorCode {
    /** The rule does not fit the linear-memory form of SPEC §2.1. */
    INVALID_RULE("optimizer/invalid-rule");

    private final String code;

    OptimizerError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
