package org.dmftlab.core.registry;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where a provider came from: its module, the module's version and the jar (or folder) that holds it.
 *
 * @param module   module name ({@code unnamed} on the class path)
 * @param version  module version, or {@code unversioned}
 * @param location jar or folder path, or {@code unknown}
 *
 * @since 0.1.0
 */
public record PluginOrigin(String module, String version, String location) {

    /** The origin of a loaded provider instance. */
    public static PluginOrigin of(Object provider) {
        Class<?> type = provider.getClass();
        Module module = type.getModule();
        String name = module.isNamed() ? module.getName() : "unnamed";
        String version = Optional.ofNullable(module.getDescriptor())
                .flatMap(descriptor -> descriptor.rawVersion())
                .or(() -> Optional.ofNullable(type.getPackage().getImplementationVersion()))
                .orElse("unversioned");
        return new PluginOrigin(name, version, locationOf(type));
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            return source.getLocation().toString();
        }
    }

    /** {@code module@version}. */
    public String moduleAtVersion() {
        return module + "@" + version;
    }
}
