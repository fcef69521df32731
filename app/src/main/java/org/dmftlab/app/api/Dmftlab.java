package org.dmftlab.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.ProvisionException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.experiment.Replay;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.app.output.Checkpoint;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.wiring.AppModule;
import org.dmftlab.app.wiring.Runners;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The entry point of the Java API: the plugins an experiment may choose from (those on the module or class path,
 * plus a folder of plugin jars), where messages go, and the worker threads. Immutable: each {@code with…} returns a
 * new instance; the plugins are discovered once, by {@link #create()}. The command line {@code dmftlab run} is a
 * client of this API: each of its ways in has its method here ({@link #load}, {@link #replay}, {@link #interrupted},
 * {@link #runUnit}); {@code dmftlab sweep} {@link #load}s each grid point.
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

    /** The option that names a resumed folder in messages, as on the command line. */
    static final String RESUME = "--resume";

    private final PluginRegistry registry;
    private final Runners runners;
    private final PrintWriter warnings;
    private final Progress progress;
    private final int threads;

    /**
     * Made by the injector of {@link AppModule}: the command line's, with the parts its wiring chose, or
     * {@link #create}'s.
     */
    @Inject
    Dmftlab(PluginRegistry registry, Runners runners) {
        this(registry, runners, new PrintWriter(System.err, true), Progress.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    private Dmftlab(PluginRegistry registry, Runners runners, PrintWriter warnings, Progress progress, int threads) {
        this.registry = registry;
        this.runners = runners;
        this.warnings = warnings;
        this.progress = progress;
        this.threads = threads;
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
        try {
            return Guice.createInjector(new AppModule(pluginsFolder, new PrintWriter(OutputStream.nullOutputStream()),
                    AppModule.version())).getInstance(Dmftlab.class);
        } catch (ProvisionException failed) {
            if (failed.getCause() instanceof DmftlabException reported) {
                throw reported;
            }
            throw failed;
        }
    }

    /**
     * Starts compiling the simulation's hot code in a background thread, once per process: a program that calls
     * this first, before it creates its {@code Dmftlab} and reads its experiments, has the simulation at full speed
     * from its first step (docs/performance.md, "JIT warm-up"). Results never depend on it; creating a
     * {@code Dmftlab} starts it too, later.
     *
     * @since 0.1.0
     */
    public static void warmUp() {
        SimulationEngine.warmUp();
    }

    /**
     * What a program that embeds dmftlab does when it is told to stop, in its shutdown hook (the command line's does
     * it on Ctrl-C or {@code kill}): every unit in progress in this process saves its state at its next step, waiting
     * at most {@code wait} (a run then resumes from it, DESIGN.md "Units of a run"), and every output folder being
     * written is abandoned, keeping its previous results, with one line each on {@code messages}.
     *
     * @param wait     how long the units may take to reach a step boundary; zero when nothing is running any more
     * @param messages where the abandoned folders are named (standard error for the command line)
     * @since 0.1.0
     */
    public static void stopInProgress(Duration wait, PrintWriter messages) {
        Checkpoint.saveInFlight(wait);
        OutputFolder.abandonAll(messages);
    }

    /**
     * Where each engine's summary line ({@code theory: 50 steps in 1.2 s}), the theory's precision warning and the
     * folder written go (the command line's standard output); by default nowhere.
     */
    public Dmftlab withLog(PrintWriter log) {
        return new Dmftlab(registry, runners.withLog(Objects.requireNonNull(log)), warnings, progress, threads);
    }

    /** Where the warnings and estimates printed before a run go; by default standard error. */
    public Dmftlab withWarnings(PrintWriter warnings) {
        return new Dmftlab(registry, runners, Objects.requireNonNull(warnings), progress, threads);
    }

    /** Receives the engines' progress ({@link Progress}); by default none. */
    public Dmftlab withProgress(Progress progress) {
        return new Dmftlab(registry, runners, warnings, Objects.requireNonNull(progress), threads);
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
        return new Dmftlab(registry, runners, warnings, progress, threads);
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
     * does: the same checks, codes and messages, errors naming the file. The file's {@code launcher:} block and the
     * {@code launcher.KEY=VALUE} overrides say where its units run when it runs into a folder
     * ({@link Experiment#run(EngineChoice, Path)}; DESIGN.md, "Launchers"); they are checked when it runs.
     *
     * @param file      the YAML experiment file; its relative plugin paths are resolved against its folder
     * @param overrides {@code key=value} with a dotted key and a YAML value, e.g. {@code "problem.alpha=2"}
     * @throws org.dmftlab.core.spi.InvalidInputException on any invalid input
     */
    public Experiment load(Path file, String... overrides) {
        List<KeyOverride> parsed = Arrays.stream(overrides).map(KeyOverride::parse).toList();
        ExperimentReader reader = new ExperimentReader(registry);
        ExperimentPlan plan = reader.read(file, parsed.stream().filter(key -> !LauncherChoice.isLauncherKey(key))
                .toList(), threads);
        JsonNode written = reader.launcherBlock(file);
        Map<String, Object> block = written.isMissingNode() ? Map.of() : LauncherChoice.block(written,
                file.toString());
        return experiment(plan, registry, List.of(), new LauncherRequest(null, block, file,
                parsed.stream().filter(LauncherChoice::isLauncherKey).toList()));
    }

    /**
     * The experiment an earlier run recorded in its {@code run.json}, exactly ({@code dmftlab run --replay}): the same
     * plugins with the same parameters, seeds, sizes and engines, so that its tables come out byte-identical. Its
     * runs show and record the warnings of the replay (a plugin whose version changed since).
     *
     * @param runJson   the {@code run.json} of the earlier run
     * @param launcher  where its units run, when it runs into a folder: {@code launcher.KEY=VALUE} (e.g.
     *                  {@code "launcher.id=slurm"}), as for {@link #load}; nothing else may change
     * @throws org.dmftlab.core.spi.InvalidInputException {@code replay/…} when it cannot be repeated (a plugin
     *     missing, an input file changed, an experiment built in code), or any error of the configuration
     * @throws IllegalArgumentException for an override of another key than {@code launcher.…}
     */
    public Experiment replay(Path runJson, String... launcher) {
        List<KeyOverride> overrides = launcherOnly(launcher);
        Replay recorded = new ExperimentReader(registry).replay(runJson, threads);
        return experiment(recorded.plan(), registry, recorded.warnings(),
                new LauncherRequest(null, Map.of(), null, overrides));
    }

    /**
     * The experiment of an interrupted run, as its checkpoint beside the output folder recorded it
     * ({@code dmftlab run --resume DIR} without a file): {@link Experiment#resume} continues it.
     *
     * @param folder   the output folder of the interrupted run
     * @param launcher as for {@link #replay}
     * @throws org.dmftlab.core.spi.InvalidInputException {@code output/nothing-to-resume} when it holds no interrupted
     *     run, or as {@link #replay}
     * @throws IllegalArgumentException as {@link #replay}
     */
    public Experiment interrupted(Path folder, String... launcher) {
        launcherOnly(launcher);
        return replay(OutputFolder.checkpointRecord(folder, RESUME), launcher);
    }

    /**
     * Computes one unit of a run whose units a launcher runs, and saves it into the run's checkpoint: the task each
     * unit is ({@code dmftlab run --unit NAME --staging STAGING}; DESIGN.md, "Launchers"). The run's configuration is
     * read from the checkpoint.
     *
     * @param staging the run's staging folder (its {@code units/checkpoint.json} records the configuration)
     * @param unit    {@code theory-G} (the theory's group G) or {@code simulation-S} (seed S)
     * @throws org.dmftlab.core.spi.InvalidInputException {@code cli/bad-argument} for another name,
     *     {@code output/checkpoint-mismatch} when this dmftlab and its plugins compute another configuration than
     *     the checkpoint's, or as {@link #replay}
     */
    public void runUnit(Path staging, String unit) {
        try {
            Checkpoint.unit(unit);
        } catch (IllegalArgumentException notAUnit) {
            throw new InvalidInputException(CliError.BAD_ARGUMENT, "--unit", unit, "expected theory-G or"
                    + " simulation-S, for example theory-3");
        }
        Path folder = staging.toAbsolutePath().normalize();
        ExperimentPlan plan = new ExperimentReader(registry).replay(Checkpoint.recordFile(folder), threads).plan();
        runners.runner(registry).runUnit(plan, folder, unit);
    }

    /** The overrides, each a {@code launcher.KEY=VALUE}. */
    private static List<KeyOverride> launcherOnly(String... overrides) {
        List<KeyOverride> parsed = Arrays.stream(overrides).map(KeyOverride::parse).toList();
        parsed.stream().filter(override -> !LauncherChoice.isLauncherKey(override)).findFirst().ifPresent(other -> {
            throw new IllegalArgumentException("a recorded run is repeated exactly; only where its units run may be"
                    + " set (launcher.KEY=VALUE), not " + other.key());
        });
        return parsed;
    }

    /** The worker threads of both engines. */
    int threads() {
        return threads;
    }

    /** The plugins discovered by {@link #create}. */
    PluginRegistry registry() {
        return registry;
    }

    /**
     * A validated plan as an experiment whose runs trace plugin faults to {@code plugins}.
     *
     * @param known    warnings known before any run (a replay's), shown and recorded with the run's
     * @param launcher where its units run
     */
    Experiment experiment(ExperimentPlan plan, PluginRegistry plugins, List<String> known,
                          LauncherRequest launcher) {
        return new Experiment(plan, plugins, runners, warnings, progress, known, launcher);
    }
}
