package org.dmftlab.core.spi;

import java.util.Objects;

/**
 * Base of every error dmftlab reports to a person. It carries a stable {@link ErrorCode} such as
 * {@code plugins/duplicate-id} (scripts and tests may match on it) and a one-line message that says what is wrong
 * and how to fix it. The command line prints {@link #getMessage()} and never a stack trace. (Errors are input and
 * run handling, not mathematics: docs/plugin-guide.md §9 lists every code with its fix.)
 *
 * @since 0.1.0
 */
public class DmftlabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    /**
     * @param code    the stable code, from the catalogue of its area ({@link ErrorCode})
     * @param message what is wrong and how to fix it, one line
     * @throws IllegalArgumentException when the code does not match {@link ErrorCode#PATTERN}
     */
    public DmftlabException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        if (code.code() == null || !code.code().matches(ErrorCode.PATTERN)) {
            throw new IllegalArgumentException("error code '" + code.code() + "' does not match " + ErrorCode.PATTERN);
        }
    }

    /** The stable code as text, e.g. {@code config/out-of-range}. */
    public String code() {
        return code.code();
    }

    /** The stable code. */
    public ErrorCode errorCode() {
        return code;
    }

    /** The process exit code this error maps to: 1 for failures at run time; subclasses refine it. */
    public int exitCode() {
        return 1;
    }

    /** The message without the code. */
    public String detail() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        return "[" + code() + "] " + super.getMessage();
    }
}
