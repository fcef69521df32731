package org.dmftlab.app.errors;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of {@code dmftlab sweep} ({@code sweep/…}): invalid grids exit 2, failed points 1.
 */
public enum SweepError implements ErrorCode {
    /** Two grid points would share one folder. */
    DUPLICATE_POINT("sweep/duplicate-point"),
    /** Some points failed at run time; the others and the summary were written. */
    FAILED_POINTS("sweep/failed-points"),
    /** The sweep was interrupted while waiting for its points. */
    INTERRUPTED("sweep/interrupted");

    private final String code;

    SweepError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
