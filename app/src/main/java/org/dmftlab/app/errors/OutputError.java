package org.dmftlab.app.errors;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of output folders ({@code output/…}): a folder that cannot be used exits 2 before any work, a
 * failure to write or read one exits 1.
 */
public enum OutputError implements ErrorCode {
    /** Another process (or another command of this one) writes the output folder; exit 2. */
    LOCKED("output/locked"),
    /** The output folder holds files that are not the output of a run; exit 2. */
    FOREIGN_FILES("output/foreign-files"),
    /**
     * The default output folder {@code runs/NAME} holds the results of another experiment file with the same name;
     * exit 2.
     */
    NAME_TAKEN("output/name-taken"),
    /** {@code run --resume DIR}: no interrupted run of DIR left a checkpoint; exit 2. */
    NOTHING_TO_RESUME("output/nothing-to-resume"),
    /** {@code run --resume DIR}: the checkpoint is of another experiment or other settings; exit 2. */
    CHECKPOINT_MISMATCH("output/checkpoint-mismatch"),
    /** An output file could not be written. */
    WRITE_FAILED("output/write-failed"),
    /** The finished run could not be moved into place. */
    PUBLISH_FAILED("output/publish-failed"),
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
