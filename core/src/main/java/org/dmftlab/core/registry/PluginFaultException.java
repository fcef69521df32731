package org.dmftlab.core.registry;

import org.dmftlab.core.spi.DmftlabException;

/**
 * Plugin code failed: a provider's {@code id()}, {@code description()}, {@code parameters()} or {@code create()}, or
 * a product's method in the middle of a run, threw an exception or returned something the SPI forbids (a null
 * product, a null description). Exit code 1. The one-line message names the family, the id, the module and its
 * version, the method and what went wrong, for example
 * <pre>[plugins/fault] loss 'quartic' (org.example.quartic@1.2.3) failed in QuarticLoss.firstDerivative:
 * IllegalStateException: boom; …</pre>
 * The exception that plugin code threw is the cause, for {@code --debug}.
 *
 * @since 0.1.0
 */
public final class PluginFaultException extends DmftlabException {

    private static final long serialVersionUID = 1L;

    private final String plugin;
    private final String method;

    /**
     * @param plugin what failed, e.g. {@code loss 'quartic' (org.example.quartic@1.2.3)}
     * @param method where, e.g. {@code QuarticLoss.firstDerivative} or {@code create()}
     * @param what   what went wrong, e.g. the exception's class and message, or {@code returned null}
     * @param cause  the exception plugin code threw, or null for a bad return
     */
    PluginFaultException(String plugin, String method, String what, Throwable cause) {
        super(PluginsError.FAULT, plugin + " failed in " + method + ": " + what + "; the fault is in that plugin:"
                + " fix it or remove its jar (--debug prints the stack trace)");
        this.plugin = plugin;
        this.method = method;
        if (cause != null) {
            initCause(cause);
        }
    }

    /**
     * Whether a throwable that plugin code raised is a fault: an exception that is not a {@link DmftlabException}
     * (those are deliberate errors), a linkage error (a plugin built against another SPI), an assertion error or a
     * stack overflow. The JVM running out of memory, and other errors, are not.
     */
    public static boolean isFault(Throwable failure) {
        return PluginFaults.fault(failure);
    }

    /** What failed: family, id (or class when the id is unknown), {@code module@version}. */
    public String plugin() {
        return plugin;
    }

    /** The method that failed. */
    public String method() {
        return method;
    }
}
