package org.dmftlab.app.errors;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of a run whose units are the tasks of a launcher ({@code units/…}; DESIGN.md, "Units of a run"):
 * exit 1.
 */
public enum UnitError implements ErrorCode {
    /** Units failed after their retries; the others are kept for the same command to continue. */
    FAILED("units/failed");

    private final String code;

    UnitError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
