package org.dmftlab.covariance;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of the {@code spectrum-file} covariance's file ({@code spectrum/…}, exit 2): a plugin's own
 * codes, for failures no standard code describes.
 */
public enum SpectrumError implements ErrorCode {
    /** The file cannot be read as UTF-8 text. */
    UNREADABLE("spectrum/unreadable"),
    /** The file is empty, or has a header and no rows. */
    NO_ROWS("spectrum/no-rows"),
    /** The header has no column {@code eigenvalue}. */
    BAD_HEADER("spectrum/bad-header"),
    /** A row lacks a value in a named column. */
    BAD_ROW("spectrum/bad-row"),
    /** A value is not a finite number ≥ 0, or every teacher power is 0. */
    BAD_VALUE("spectrum/bad-value");

    private final String code;

    SpectrumError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
