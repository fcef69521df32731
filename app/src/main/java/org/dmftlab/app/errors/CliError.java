package org.dmftlab.app.errors;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of command-line arguments ({@code cli/…}, exit 2).
 */
public enum CliError implements ErrorCode {
    /** An option or argument picocli cannot parse (unknown option, missing value, wrong type). */
    BAD_ARGUMENT("cli/bad-argument"),
    /** {@code run} without an experiment file or {@code --replay}. */
    MISSING_ARGUMENT("cli/missing-argument"),
    /** {@code --replay} together with an experiment file, {@code --set} or {@code --engine}. */
    CONFLICTING_OPTIONS("cli/conflicting-options"),
    /** A {@code --set} that is not {@code key=value}, or sets a key inside a single value. */
    BAD_OVERRIDE("cli/bad-override"),
    /** {@code --out} cannot be used as the output folder. */
    BAD_OUT("cli/bad-out"),
    /** A command-line number out of range, e.g. {@code --threads 0}. */
    OUT_OF_RANGE("cli/out-of-range");

    private final String code;

    CliError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
