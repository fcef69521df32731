package org.dmftlab.core.theory;

import org.dmftlab.core.spi.ErrorCode;

/**
 * The error codes of what the theory refuses (SPEC §6; {@code theory/…}, exit 2), raised by {@link TheoryEngine}.
 */
public enum TheoryError implements ErrorCode {
    /** The rule has a gradient map other than the identity. */
    NONLINEAR_RULE("theory/nonlinear-rule"),
    /** The loss says its ℓ″ does not carry the pathwise response. */
    UNSUPPORTED_LOSS("theory/unsupported-loss"),
    /** The exact mode is asked where the data side is not linear and Gaussian. */
    EXACT_UNAVAILABLE("theory/exact-unavailable"),
    /** ρ = ⟨σ τ⟩ = 0: the teacher has no power where the data has variance. */
    DEGENERATE_TEACHER("theory/degenerate-teacher"),
    /** Fewer groups or paths than the Monte-Carlo solve needs for a usable error ({@link TheoryEngine#minPaths}). */
    TOO_FEW_PATHS("theory/too-few-paths"),
    /** The solve does not fit in the heap, or one of its arrays exceeds the JVM's limit ({@link TheoryMemory}). */
    TOO_LARGE("theory/too-large");

    private final String code;

    TheoryError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
