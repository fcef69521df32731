package org.dmftlab.core.spi;

/**
 * Base of every error dmftlab reports to a person. It carries a short stable code such as
 * {@code plugins/duplicate-id} (scripts and tests may match on it) and a one-line message that says what is
 * wrong and how to fix it. The command line prints {@link #getMessage()} and never a stack trace.
 */
public class DmftlabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    stable code, {@code area/what}, lowercase-kebab words
     * @param message what is wrong and how to fix it, one line
     */
    public DmftlabException(String code, String message) {
        this(code, message, null);
    }

    /** As {@link #DmftlabException(String, String)} with the cause kept for debugging. */
    public DmftlabException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable code, e.g. {@code config/out-of-range}. */
    public String code() {
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
        return "[" + code + "] " + super.getMessage();
    }
}
