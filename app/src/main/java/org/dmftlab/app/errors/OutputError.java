package org.dmftlab.app.errors;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of output files ({@code output/…}, exit 1).
 */
public enum OutputError implements ErrorCode {
    /** An output file could not be written. */
    WRITE_FAILED("output/write-failed"),
    /** A sweep could not read back a point's table or {@code run.json}. */
    READ_FAILED("output/read-failed");

    private final String code;

    OutputError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
