package org.dmftlab.core.problem;

import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.ErrorCode;

/**
 * A run that started with valid input but could not finish, e.g. a diverging trajectory ({@link DivergedException}).
 * Exit code 1.
 */
public class RunFailedException extends DmftlabException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code    stable code, e.g. {@link RunError#DIVERGED}
     * @param message what happened (step, observable) and what to try
     */
    public RunFailedException(ErrorCode code, String message) {
        super(code, message);
    }
}
