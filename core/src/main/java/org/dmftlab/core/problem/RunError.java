package org.dmftlab.core.problem;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of runs that started with valid input and could not finish ({@code run/…}, exit 1).
 *
 * @since 0.1.0
 */
public enum RunError implements ErrorCode {
    /** An observable became non-finite or exceeded the divergence limit. */
    DIVERGED("run/diverged"),
    /** The run was interrupted. */
    INTERRUPTED("run/interrupted"),
    /** The run needed more memory than the JVM may use. */
    OUT_OF_MEMORY("run/out-of-memory"),
    /** A failure of dmftlab itself (a bug), reported on one line; {@code --debug} prints its stack trace. */
    INTERNAL("run/internal-error");

    private final String code;

    RunError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
