package org.dmftlab.core.spi;

/**
 * The error codes of launchers ({@code launcher/…}; DESIGN.md, "Launchers"). Exit 2 for options refused before
 * anything is submitted, exit 1 for what happens while tasks run.
 */
public enum LaunchError implements ErrorCode {
    /** The command was interrupted while its tasks ran. */
    INTERRUPTED("launcher/interrupted");

    private final String code;

    LaunchError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
