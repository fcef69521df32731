package org.dmftlab.app.api;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.util.Modules;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.app.wiring.AppModule;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.DmftlabException;

/**
 * The entry point of the Java API: the plugins an experiment may choose from (those on the module or class path,
 * plus a folder of plugin jars), where messages go, and the worker threads. Immutable: each {@code with…} returns a
 * new instance; the plugins are discovered once, by {@link #create()}.
 *
 * <pre>{@code
 * Dmftlab lab = Dmftlab.create();
 * Experiment experiment = lab.experiment("quick").alpha(3).ridge(0.5)
 *         .teacher("linear").loss("square").optimizer("sgd", Map.of("learning-rate", 0.1))
 *         .steps(50).theory(Map.of("paths", 4000)).simulation(Map.of("dimension", 500))
 *         .build();
 * RunResult result = experiment.run();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Dmftlab {

    private final Path pluginsFolder;
    private final PrintWriter log;
    private final PrintWriter warnings;
    private final Progress progress;
    private final int threads;
    private final UnaryOperator<Module> wiring;
    private final PluginRegistry registry;

    private Dmftlab(Path pluginsFolder, PrintWriter log, PrintWriter warnings, Progress progress, int threads,
                    UnaryOperator<Module> wiring, PluginRegistry registry) {
        this.pluginsFolder = pluginsFolder;
        this.log = log;
        this.warnings = warnings;
        this.progress = progress;
        this.threads = threads;
        this.wiring = wiring;
        this.registry = registry;
    }

    /**
     * The plugins on the module path (or the class path), silent but for warnings (on standard error), without
     * progress, on as many threads as there are processors.
     *
     * @throws DmftlabException {@code plugins/…} when the plugins found are broken (a duplicate id, say)
     */
    public static Dmftlab create() {
        return create(null);
    }

    /**
     * As {@link #create()}, plus the plugin jars of a folder (the command line's {@code --plugins DIR}).
     *
     * @param pluginsFolder a folder of plugin jars, or null for none
     * @throws DmftlabException {@code plugins/bad-folder} when it is not a folder of plugin modules
     */
    public static Dmftlab create(Path pluginsFolder) {
        return create(pluginsFolder, new PrintWriter(OutputStream.nullOutputStream()),
                new PrintWriter(System.err, true), Progress.NONE, Runtime.getRuntime().availableProcessors(),
                UnaryOperator.identity());
    }

    /** For the command line: its streams, its {@code --threads} and the wiring its tests replace parts with. */
    static Dmftlab create(Path pluginsFolder, PrintWriter log, PrintWriter warnings, Progress progress, int threads,
                          UnaryOperator<Module> wiring) {
        Dmftlab lab = new Dmftlab(pluginsFolder, log, warnings, progress, threads, wiring, null);
        return lab.with(lab.injector(null).getInstance(PluginRegistry.class));
    }

    /**
     * Where each engine's summary line ({@code theory: 50 steps in 1.2 s}), the theory's precision warning and the
     * folder written go (the command line's standard output); by default nowhere.
     */
    public Dmftlab withLog(PrintWriter log) {
        return new Dmftlab(pluginsFolder, Objects.requireNonNull(log), warnings, progress, threads, wiring, registry);
    }

    /** Where the warnings and estimates printed before a run go; by default standard error. */
    public Dmftlab withWarnings(PrintWriter warnings) {
        return new Dmftlab(pluginsFolder, log, Objects.requireNonNull(warnings), progress, threads, wiring, registry);
    }

    /** Receives the engines' progress ({@link Progress}); by default none. */
    public Dmftlab withProgress(Progress progress) {
        return new Dmftlab(pluginsFolder, log, warnings, Objects.requireNonNull(progress), threads, wiring, registry);
    }

    /**
     * The worker threads of both engines; results do not depend on them.
     *
     * @throws IllegalArgumentException when below 1
     */
    public Dmftlab withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        return new Dmftlab(pluginsFolder, log, warnings, progress, threads, wiring, registry);
    }

    /**
     * Starts an experiment built in code.
     *
     * @param name its name: letters of any script, digits, '.', '_' and '-' (the experiment file's {@code name:})
     */
    public ExperimentBuilder experiment(String name) {
        return new ExperimentBuilder(this).name(name);
    }

    /**
     * Reads and validates an experiment file with overrides, exactly as {@code dmftlab run FILE --set KEY=VALUE…}
     * does: the same checks, codes and messages, errors naming the file.
     *
     * @param file      the YAML experiment file; its relative plugin paths are resolved against its folder
     * @param overrides {@code key=value} with a dotted key and a YAML value, e.g. {@code "problem.alpha=2"}
     * @throws org.dmftlab.core.spi.InvalidInputException on any invalid input
     */
    public Experiment load(Path file, String... overrides) {
        List<KeyOverride> parsed = Arrays.stream(overrides).map(KeyOverride::parse).toList();
        return experiment(new ExperimentReader(registry).read(file, parsed, threads), registry);
    }

    /** The worker threads of both engines. */
    int threads() {
        return threads;
    }

    /** The plugins discovered by {@link #create}. */
    PluginRegistry registry() {
        return registry;
    }

    /** A validated plan as an experiment whose runs trace plugin faults to {@code plugins}. */
    Experiment experiment(ExperimentPlan plan, PluginRegistry plugins) {
        return new Experiment(plan, injector(plugins).getInstance(ExperimentRunner.class), warnings, progress);
    }

    private Dmftlab with(PluginRegistry discovered) {
        return new Dmftlab(pluginsFolder, log, warnings, progress, threads, wiring, discovered);
    }

    /**
     * The parts of the command line ({@link AppModule}, through the wiring), with {@code plugins} as the registry when
     * given.
     */
    private Injector injector(PluginRegistry plugins) {
        Module standard = new AppModule(pluginsFolder, log, AppModule.version());
        Module module = plugins == null ? standard
                : Modules.override(standard).with(binder -> binder.bind(PluginRegistry.class).toInstance(plugins));
        try {
            Injector injector = Guice.createInjector(wiring.apply(module));
            injector.getInstance(PluginRegistry.class);
            return injector;
        } catch (ProvisionException failed) {
            if (failed.getCause() instanceof DmftlabException reported) {
                throw reported;
            }
            throw failed;
        }
    }
}
