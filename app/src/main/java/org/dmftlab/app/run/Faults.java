package org.dmftlab.app.run;

import java.util.Optional;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.registry.PluginFaultException;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.DmftlabException;

/**
 * Failures that are not dmftlab's own one-line errors, made into one: a fault of plugin code
 * ({@link PluginRegistry#attribute}: {@code plugins/fault}, naming the plugin and the method), or else a bug of
 * dmftlab ({@code run/internal-error}). Either keeps the failure as its cause, for {@code --debug}.
 */
public final class Faults {

    private Faults() {
    }

    /**
     * The one-line error for a failure ({@link PluginFaultException#isFault} must hold).
     *
     * @param registry the plugins of the command, or null when there are none (the registry itself failed)
     */
    public static DmftlabException contain(Throwable failure, PluginRegistry registry) {
        if (registry != null) {
            Optional<PluginFaultException> fault = registry.attribute(failure);
            if (fault.isPresent()) {
                return fault.get();
            }
        }
        StackTraceElement[] frames = failure.getStackTrace();
        String where = frames.length == 0 ? "" : " (in " + frames[0].getClassName()
                .substring(frames[0].getClassName().lastIndexOf('.') + 1) + "." + frames[0].getMethodName() + ")";
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().lines().findFirst()
                .orElse("");
        RunFailedException internal = new RunFailedException(RunError.INTERNAL, failure.getClass().getSimpleName()
                + message + where + "; this is a bug in dmftlab: please report it with the output of --debug");
        internal.initCause(failure);
        return internal;
    }
}
