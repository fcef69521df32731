package org.dmftlab.core.spi;

/**
 * The error codes of launchers ({@code launcher/…}; DESIGN.md, "Launchers"). Exit 2 for options refused before
 * anything is submitted, exit 1 for what happens while tasks run.
 *
 * @since 0.1.0
 */
public enum LaunchError implements ErrorCode {
    /** The launcher cannot run here: a program it needs (a scheduler's command, the dmftlab script) is missing. */
    UNAVAILABLE("launcher/unavailable"),
    /** The scheduler refuses the launcher's options (checked before anything is submitted). */
    REFUSED("launcher/refused"),
    /** {@code --detach} with a launcher whose tasks end with this process ({@code local}). */
    CANNOT_DETACH("launcher/cannot-detach"),
    /** A submission or a query of the scheduler failed while the tasks ran. */
    SCHEDULER_FAILED("launcher/scheduler-failed"),
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
