package org.dmftlab.core.problem;

import java.util.Objects;
import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.ErrorCode;

/**
 * Input that core refuses before any work: an update rule outside SPEC §2.1, a loss or a rule the theory cannot
 * solve (SPEC §6), an invalid covariance or dimension, a broken plugins folder. Exit code 2. It says what is wrong
 * (the code), where ({@link InputPart}, and the offending value when there is one) and how to fix it:
 * <pre>[theory/nonlinear-rule] the update rule: this optimizer transforms its gradients …</pre>
 * The command line re-keys it to the experiment file ({@code optimizer.id = sign-sgd}) in one place.
 *
 * @since 0.1.0
 */
public final class RefusedInputException extends DmftlabException {

    private static final long serialVersionUID = 1L;

    private final InputPart part;
    private final String value;

    /**
     * @param code   stable code, e.g. {@code TheoryError.NONLINEAR_RULE}
     * @param part   what is refused
     * @param value  the offending value, or null when the part as a whole is refused
     * @param detail what is wrong and how to fix it
     */
    public RefusedInputException(ErrorCode code, InputPart part, Object value, String detail) {
        super(code, Objects.requireNonNull(detail, "detail"));
        this.part = Objects.requireNonNull(part, "part");
        this.value = value == null ? null : String.valueOf(value);
    }

    /** What is refused. */
    public InputPart part() {
        return part;
    }

    /** The offending value as text, or null. */
    public String value() {
        return value;
    }

    @Override
    public int exitCode() {
        return 2;
    }

    @Override
    public String getMessage() {
        return "[" + code() + "] " + part.description() + (value == null ? "" : " = " + value) + ": " + detail();
    }
}
