package org.dmftlab.core.registry;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginContext;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;

/**
 * Every plugin known to a run, by family and id.
 *
 * <p>{@link #discover} finds providers with {@link ServiceLoader}: from the boot layer (the module path, or
 * {@code META-INF/services} on the class path) and, optionally, from a plugins folder loaded as a child
 * {@link ModuleLayer}. The folder is resolved as the <em>after</em> finder with the boot layer as parent and
 * modules the boot layer already has are skipped, so a stray copy of core in the folder cannot shadow the real
 * one and make its plugins disappear silently. {@link #builder()} makes a registry by hand, for tests.
 *
 * <p>The registry fails fast, with stable codes: {@code plugins/malformed-id}, {@code plugins/duplicate-id}
 * (naming both modules and jars), {@code plugins/unknown-id} (listing the known ids),
 * {@code plugins/empty-family}, {@code plugins/bad-folder}.
 *
 * <p>Plugin faults are contained ({@code plugins/fault}, {@link PluginFaultException}, exit 1): a provider's id,
 * description and parameters are asked once, at discovery, and {@link #create} guards the factory; a failure of a
 * product in the middle of a run is traced back to its plugin by {@link #attribute}.
 *
 * @since 0.1.0
 */
public final class PluginRegistry {

    private static final Pattern ID = Pattern.compile(PluginProvider.ID_PATTERN);

    private final Map<PluginFamily<?>, Map<String, PluginDescriptor<?>>> byFamily;
    /** The class of every product {@link #create} made, with its plugin, for {@link #attribute}. */
    private final Map<Class<?>, PluginDescriptor<?>> products = new ConcurrentHashMap<>();

    private PluginRegistry(Map<PluginFamily<?>, Map<String, PluginDescriptor<?>>> byFamily) {
        this.byFamily = byFamily;
    }

    /** Discovers the providers of the boot layer; every family must have at least one. */
    public static PluginRegistry discover() {
        return discover(null);
    }

    /**
     * Discovers the providers of the boot layer and of the jars in {@code pluginsFolder}; every family must have
     * at least one.
     *
     * @param pluginsFolder a folder of plugin jars, or null for none
     * @throws RefusedInputException {@code plugins/bad-folder} about the {@link InputPart#PLUGINS_FOLDER} when it is
     *                               not a folder of plugin modules
     */
    public static PluginRegistry discover(Path pluginsFolder) {
        Builder builder = builder();
        ModuleLayer layer = pluginsFolder == null ? null : pluginLayer(pluginsFolder);
        for (PluginFamily<?> family : PluginFamily.all()) {
            load(builder, family, layer);
        }
        PluginRegistry registry = builder.build();
        PluginFamily.all().forEach(registry::requireNonEmpty);
        return registry;
    }

    private static <T extends PluginProvider<?>> void load(Builder builder, PluginFamily<T> family, ModuleLayer layer) {
        ServiceLoader<T> loader = layer == null
                ? ServiceLoader.load(family.service(), PluginRegistry.class.getClassLoader())
                : ServiceLoader.load(layer, family.service());
        try {
            for (T provider : loader) {
                builder.add(family, provider, PluginOrigin.of(provider));
            }
        } catch (ServiceConfigurationError broken) {
            throw new InvalidInputException(PluginsError.BROKEN_PROVIDER, null, null,
                    "a " + family + " plugin could not be loaded: " + broken.getMessage()
                            + "; fix or remove that plugin jar");
        }
    }

    private static ModuleLayer pluginLayer(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RefusedInputException(PluginsError.BAD_FOLDER, InputPart.PLUGINS_FOLDER, folder,
                    "not a folder; give a folder that holds plugin jars");
        }
        ModuleLayer boot = ModuleLayer.boot();
        try {
            ModuleFinder finder = ModuleFinder.of(folder);
            Set<String> roots = finder.findAll().stream()
                    .map(ModuleReference::descriptor)
                    .map(descriptor -> descriptor.name())
                    .filter(name -> boot.findModule(name).isEmpty())
                    .collect(Collectors.toSet());
            Configuration configuration = boot.configuration().resolveAndBind(ModuleFinder.of(), finder, roots);
            return boot.defineModulesWithOneLoader(configuration, PluginRegistry.class.getClassLoader());
        } catch (FindException | ResolutionException | LayerInstantiationException broken) {
            throw new RefusedInputException(PluginsError.BAD_FOLDER, InputPart.PLUGINS_FOLDER, folder,
                    "its jars cannot be loaded as modules: " + broken.getMessage()
                            + "; each jar must be a plugin module whose dependencies are in the folder or in dmftlab");
        }
    }

    /** A builder for registries made by hand (tests, embedding). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The providers of a family, in discovery order.
     *
     * @throws InvalidInputException {@code plugins/empty-family} when there is none
     */
    @SuppressWarnings("unchecked")
    public <T extends PluginProvider<?>> List<PluginDescriptor<T>> all(PluginFamily<T> family) {
        requireNonEmpty(family);
        return byFamily.get(family).values().stream().map(d -> (PluginDescriptor<T>) d).toList();
    }

    /**
     * The provider of a family with the given id.
     *
     * @throws InvalidInputException {@code plugins/unknown-id}, with key {@code id}, listing the known ids
     */
    @SuppressWarnings("unchecked")
    public <T extends PluginProvider<?>> PluginDescriptor<T> find(PluginFamily<T> family, String id) {
        requireNonEmpty(family);
        PluginDescriptor<?> found = byFamily.get(family).get(id);
        if (found == null) {
            throw new InvalidInputException(PluginsError.UNKNOWN_ID, "id", id, "no " + family
                    + " plugin has this id; known: "
                    + String.join(", ", byFamily.get(family).keySet())
                    + " (run 'dmftlab plugins' to see them, or add a jar with --plugins DIR)");
        }
        return (PluginDescriptor<T>) found;
    }

    /**
     * The context plugin blocks of one experiment are read in: nested schedule blocks name schedules of this
     * registry ({@link #find}, so an unknown id lists the known ones).
     *
     * @param baseDirectory the experiment file's folder
     * @param steps         T, the experiment's number of updates (the schedules' horizon, SPEC §2.2)
     */
    public PluginContext context(Path baseDirectory, int steps) {
        return new PluginContext(baseDirectory, steps, id -> guarded(find(PluginFamily.SCHEDULE, id)));
    }

    /** A schedule provider that answers from its descriptor and builds through {@link #create}, guarded. */
    private ScheduleProvider guarded(PluginDescriptor<ScheduleProvider> schedule) {
        return new ScheduleProvider() {
            @Override
            public String id() {
                return schedule.id();
            }

            @Override
            public String description() {
                return schedule.description();
            }

            @Override
            public List<Parameter> parameters() {
                return schedule.parameters();
            }

            @Override
            public Schedule create(PluginConfig config) {
                return PluginRegistry.this.create(schedule, config);
            }
        };
    }

    /**
     * Builds a plugin's product ({@link PluginProvider#create}), guarded: a fault of the factory is reported as the
     * plugin's. The product's class is remembered, so that a failure of the product later is traced to this plugin
     * ({@link #attribute}).
     *
     * @throws PluginFaultException  {@code plugins/fault} when {@code create} throws anything but a
     *                               {@link org.dmftlab.core.spi.DmftlabException} or returns null
     * @throws InvalidInputException as {@code create} throws it (values invalid together)
     */
    public <P> P create(PluginDescriptor<? extends PluginProvider<P>> plugin, PluginConfig config) {
        String name = PluginFaults.name(plugin.family(), plugin.id(), plugin.origin());
        P product = PluginFaults.call(name, "create()", () -> plugin.provider().create(config));
        if (product == null) {
            throw new PluginFaultException(name, "create()", "returned null instead of a " + plugin.family(), null);
        }
        products.putIfAbsent(product.getClass(), plugin);
        return product;
    }

    /**
     * The plugin at fault in a failure that plugin code raised (an exception that is not a
     * {@link org.dmftlab.core.spi.DmftlabException}, a linkage or assertion error, a stack overflow), found from the
     * failure's stack trace ({@link PluginFaults}): a {@link PluginFaultException} naming the plugin and the method,
     * with the failure as its cause; empty when the failure did not come from plugin code.
     */
    public Optional<PluginFaultException> attribute(Throwable failure) {
        List<PluginDescriptor<?>> plugins = new ArrayList<>();
        byFamily.values().forEach(family -> plugins.addAll(family.values()));
        return PluginFaults.attribute(failure, plugins, products);
    }

    private void requireNonEmpty(PluginFamily<?> family) {
        if (byFamily.getOrDefault(family, Map.of()).isEmpty()) {
            throw new InvalidInputException(PluginsError.EMPTY_FAMILY, null, null, "no " + family
                    + " plugin was found; put the module that provides " + family.service().getName()
                    + " on the module path or its jar in the --plugins folder");
        }
    }

    /** Collects providers and checks their ids; see {@link PluginRegistry#builder()}. */
    public static final class Builder {

        private final Map<PluginFamily<?>, Map<String, PluginDescriptor<?>>> byFamily = new LinkedHashMap<>();

        private Builder() {
            PluginFamily.all().forEach(family -> byFamily.put(family, new LinkedHashMap<>()));
        }

        /** Adds a provider with its origin taken from its class. */
        public <T extends PluginProvider<?>> Builder add(PluginFamily<T> family, T provider) {
            return add(family, provider, PluginOrigin.of(provider));
        }

        /**
         * Adds a provider, asking it for its id, description and parameters.
         *
         * @throws InvalidInputException {@code plugins/malformed-id} or {@code plugins/duplicate-id}
         * @throws PluginFaultException  {@code plugins/fault} when the provider fails to answer
         */
        public <T extends PluginProvider<?>> Builder add(PluginFamily<T> family, T provider, PluginOrigin origin) {
            String id = PluginFaults.call(PluginFaults.name(family, provider.getClass(), origin), "id()", provider::id);
            if (id == null || !ID.matcher(id).matches()) {
                throw new InvalidInputException(PluginsError.MALFORMED_ID, null, null, "the " + family + " plugin "
                        + provider.getClass().getName() + " in module " + origin.moduleAtVersion() + " ("
                        + origin.location() + ") has id '" + id + "'; ids are lowercase words joined by hyphens ("
                        + PluginProvider.ID_PATTERN + "): fix its id() or remove the jar");
            }
            PluginDescriptor<T> added = PluginDescriptor.of(family, provider, origin, id);
            PluginDescriptor<?> existing = byFamily.get(family).putIfAbsent(id, added);
            if (existing != null) {
                throw new InvalidInputException(PluginsError.DUPLICATE_ID, null, null, "two " + family
                        + " plugins have the id '" + id + "': " + existing.describe() + " and " + added.describe()
                        + "; remove one of the jars or rename one id");
            }
            return this;
        }

        /** The registry; families may be empty until they are used. */
        public PluginRegistry build() {
            Map<PluginFamily<?>, Map<String, PluginDescriptor<?>>> copy = new LinkedHashMap<>();
            byFamily.forEach((family, providers) -> copy.put(family, new LinkedHashMap<>(providers)));
            return new PluginRegistry(copy);
        }
    }
}
