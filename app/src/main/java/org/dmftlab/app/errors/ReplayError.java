package org.dmftlab.app.errors;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of {@code dmftlab run --replay} ({@code replay/…}, exit 2).
 */
public enum ReplayError implements ErrorCode {
    /** The file is missing or not the {@code run.json} of a run. */
    UNREADABLE("replay/unreadable"),
    /** A plugin the run used is not installed. */
    MISSING_PLUGIN("replay/missing-plugin"),
    /** An input file the run read is missing or has changed. */
    CHANGED_INPUT("replay/changed-input");

    private final String code;

    ReplayError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
