package org.dmftlab.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmftlab.core.spi.DmftlabException;

/**
 * Finds the plugin at fault when plugin code fails. The engines call plugin products in their hot loops, where a
 * guard around every call would cost time; they let failures propagate instead, and the failure's stack trace says
 * where it came from: the first frame of plugin code below the frames of dmftlab (the plugin method dmftlab
 * called) names the class and the method, and the class names the plugin (a product {@link PluginRegistry#create}
 * made, a provider, or the only plugin of that module). The calls dmftlab makes once (a provider's id,
 * description, parameters, create) are guarded one by one ({@link #call}).
 *
 * <p>Plugin code is a frame in a plugin's module, or, for a plugin outside a named module of its own (the class
 * path, tests), in the package of one of its providers or products. Faults are exceptions that are not
 * {@link DmftlabException}s (those are the plugin's own, deliberate errors), linkage errors (a plugin built against
 * another SPI), assertion errors and stack overflows; the JVM running out of memory is not a plugin fault.
 */
final class PluginFaults {

    /** An abstract method dmftlab called on a product whose class does not implement it (JDK 11+ message). */
    private static final Pattern MISSING_METHOD = Pattern.compile(
            "Receiver class (\\S+) does not define or inherit an implementation of the resolved method '[^(']*?(\\w+)\\(");
    private static final int MAX_CAUSES = 16;
    /** dmftlab's core, never plugin code (tests patch plugins into it; then their packages tell them apart). */
    private static final Module CORE = PluginFaults.class.getModule();

    private PluginFaults() {
    }

    /** Whether a throwable is a fault when plugin code throws it (see the class comment). */
    static boolean fault(Throwable failure) {
        return failure instanceof RuntimeException && !(failure instanceof DmftlabException)
                || failure instanceof LinkageError || failure instanceof AssertionError
                || failure instanceof StackOverflowError;
    }

    /**
     * Calls plugin code once; a fault becomes a {@link PluginFaultException} naming the plugin and the method.
     *
     * @param plugin the plugin, as {@link #name} gives it
     * @param method the method called, e.g. {@code create()}
     */
    static <V> V call(String plugin, String method, Supplier<V> call) {
        try {
            return call.get();
        } catch (RuntimeException | Error failure) {
            if (fault(failure)) {
                throw new PluginFaultException(plugin, method, what(failure), failure);
            }
            throw failure;
        }
    }

    /** {@code loss 'quartic' (org.example.quartic@1.2.3)}, or with the provider's class when the id is unknown. */
    static String name(PluginFamily<?> family, String id, PluginOrigin origin) {
        return family + " '" + id + "' (" + origin.moduleAtVersion() + ")";
    }

    /** {@code loss org.example.Quartic (org.example.quartic@1.2.3)}, for a provider whose id is not known yet. */
    static String name(PluginFamily<?> family, Class<?> provider, PluginOrigin origin) {
        return family + " " + provider.getName() + " (" + origin.moduleAtVersion() + ")";
    }

    /** {@code IllegalStateException: its message}, on one line. */
    static String what(Throwable failure) {
        String message = failure.getMessage();
        String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return failure.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    /**
     * The plugin at fault in a failure, if the failure is a {@link #fault} that plugin code raised (in it or in any
     * of its causes).
     *
     * @param plugins  every plugin of the registry
     * @param products the products made, each with the plugin that made it
     */
    static Optional<PluginFaultException> attribute(Throwable failure, Collection<PluginDescriptor<?>> plugins,
                                                    Map<Class<?>, PluginDescriptor<?>> products) {
        for (Throwable cause : causes(failure)) {
            if (!fault(cause)) {
                continue;
            }
            Optional<PluginFaultException> found = entry(cause, plugins, products)
                    .map(entry -> fault(entry, cause, plugins, products));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The failure and its causes, the innermost (where it was first thrown) first. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause) && chain.size() < MAX_CAUSES;
             cause = cause.getCause()) {
            chain.add(0, cause);
        }
        return chain;
    }

    /** Where dmftlab entered plugin code: a class and a method. */
    private record Entry(String className, String moduleName, String method) {
    }

    /**
     * The outermost frame of the innermost run of plugin frames: the plugin method that dmftlab called. For an
     * abstract method that the plugin lacks, the class and method the JVM names.
     */
    private static Optional<Entry> entry(Throwable failure, Collection<PluginDescriptor<?>> plugins,
                                         Map<Class<?>, PluginDescriptor<?>> products) {
        if (failure instanceof AbstractMethodError && failure.getMessage() != null) {
            Matcher missing = MISSING_METHOD.matcher(failure.getMessage());
            if (missing.find()) {
                return Optional.of(new Entry(missing.group(1), null, missing.group(2)));
            }
        }
        StackTraceElement[] frames = failure.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (plugin(frames[i], plugins, products)) {
                int entry = i;
                while (entry + 1 < frames.length && plugin(frames[entry + 1], plugins, products)) {
                    entry++;
                }
                StackTraceElement frame = frames[entry];
                return Optional.of(new Entry(frame.getClassName(), frame.getModuleName(), frame.getMethodName()));
            }
        }
        return Optional.empty();
    }

    private static PluginFaultException fault(Entry entry, Throwable cause, Collection<PluginDescriptor<?>> plugins,
                                              Map<Class<?>, PluginDescriptor<?>> products) {
        String simpleClass = entry.className().substring(entry.className().lastIndexOf('.') + 1);
        String method = simpleClass + "." + entry.method();
        Optional<PluginDescriptor<?>> owner = owner(entry, plugins, products);
        String plugin = owner.map(found -> name(found.family(), found.id(), found.origin()))
                .orElseGet(() -> "a plugin of module " + module(entry, plugins));
        return new PluginFaultException(plugin, method, what(cause), cause);
    }

    /**
     * The plugin a class belongs to: the plugin that made a product of this class (or of a subclass, or whose class
     * encloses it), the plugin whose provider it is (or encloses it), or else the only plugin of its module.
     */
    private static Optional<PluginDescriptor<?>> owner(Entry entry, Collection<PluginDescriptor<?>> plugins,
                                                       Map<Class<?>, PluginDescriptor<?>> products) {
        for (Map.Entry<Class<?>, PluginDescriptor<?>> product : products.entrySet()) {
            for (Class<?> type = product.getKey(); type != null; type = type.getSuperclass()) {
                if (sameOrNested(entry.className(), type)) {
                    return Optional.of(product.getValue());
                }
            }
        }
        for (PluginDescriptor<?> plugin : plugins) {
            if (sameOrNested(entry.className(), plugin.provider().getClass())) {
                return Optional.of(plugin);
            }
        }
        List<PluginDescriptor<?>> sameModule = plugins.stream()
                .filter(plugin -> ownsClass(plugin.provider().getClass(), entry.className(), entry.moduleName()))
                .toList();
        return sameModule.size() == 1 ? Optional.of(sameModule.get(0)) : Optional.empty();
    }

    /** The module of a class that no plugin could be found for, with its version when a plugin of it has one. */
    private static String module(Entry entry, Collection<PluginDescriptor<?>> plugins) {
        return plugins.stream()
                .filter(plugin -> ownsClass(plugin.provider().getClass(), entry.className(), entry.moduleName()))
                .map(plugin -> plugin.origin().moduleAtVersion()).findFirst()
                .orElse(entry.moduleName() == null ? "unnamed" : entry.moduleName());
    }

    private static boolean sameOrNested(String className, Class<?> type) {
        return className.equals(type.getName()) || className.startsWith(type.getName() + "$");
    }

    /** Whether a frame is plugin code (see the class comment). */
    private static boolean plugin(StackTraceElement frame, Collection<PluginDescriptor<?>> plugins,
                                  Map<Class<?>, PluginDescriptor<?>> products) {
        for (PluginDescriptor<?> plugin : plugins) {
            if (ownsClass(plugin.provider().getClass(), frame.getClassName(), frame.getModuleName())) {
                return true;
            }
        }
        for (Class<?> product : products.keySet()) {
            if (ownsClass(product, frame.getClassName(), frame.getModuleName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a class (named by a frame) is in the same plugin code as {@code type}: the same named module, when that
     * module is a plugin's own, else the same package.
     */
    private static boolean ownsClass(Class<?> type, String className, String moduleName) {
        Module module = type.getModule();
        if (module.isNamed() && module != CORE) {
            return module.getName().equals(moduleName);
        }
        int dot = className.lastIndexOf('.');
        return (dot < 0 ? "" : className.substring(0, dot)).equals(type.getPackageName());
    }
}
