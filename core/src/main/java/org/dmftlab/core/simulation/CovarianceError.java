package org.dmftlab.core.simulation;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of the simulation's checks of a covariance ({@code covariance/…}, exit 2), raised by
 * {@code Population}.
 */
public enum CovarianceError implements ErrorCode {
    /** A negative or non-finite eigenvalue or teacher power, or a non-finite dense entry. */
    INVALID_SPECTRUM("covariance/invalid-spectrum"),
    /** The dense operator is not symmetric positive definite at the run's dimension. */
    NOT_POSITIVE_DEFINITE("covariance/not-positive-definite");

    private final String code;

    CovarianceError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
