package org.dmftlab.app.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.InputKeys;
import org.dmftlab.app.experiment.PluginChoice;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.errors.UnitError;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.app.output.Checkpoint;
import org.dmftlab.app.output.EngineDivergence;
import org.dmftlab.app.output.EngineRun;
import org.dmftlab.app.output.Machine;
import org.dmftlab.app.output.ObservableComparison;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.output.RunReport;
import org.dmftlab.app.output.ShortNumbers;
import org.dmftlab.app.plot.FigureSpec;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.problem.DivergedException;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.app.plot.TwoTimeFigure;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.registry.PluginFaultException;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationError;
import org.dmftlab.core.simulation.SimulationMemory;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.DmftlabException;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.LaunchError;
import org.dmftlab.core.spi.LaunchReport;
import org.dmftlab.core.spi.LaunchTask;
import org.dmftlab.core.spi.Launcher;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheoryError;
import org.dmftlab.core.theory.TheoryMemory;
import org.dmftlab.core.theory.TheoryResult;

/**
 * Runs a validated experiment with the chosen engines and writes the output folder (DESIGN.md, "Output folder")
 * as a transaction ({@link OutputFolder}): the theory first, then the simulation; each table into the staging
 * folder as soon as its engine is done, then {@code comparison.csv} when both ran, the figure, the two-time table
 * and heatmaps when the experiment recorded them, and {@code run.json} last, and then the whole folder is
 * published. A failing engine ({@link org.dmftlab.core.problem.RunFailedException}, e.g. divergence) propagates
 * and leaves the output folder as it was, except a divergence that the caller publishes as a result
 * ({@link OnDivergence#PUBLISH}, a sweep point).
 *
 * <p>With {@link Checkpointing}, the engines' units (the theory's groups, the simulation's seeds) are saved into the
 * staging folder as each finishes ({@link Checkpoint}), and a resumed run loads them instead of computing them
 * again: the published tables are byte-identical to those of an uninterrupted run.
 */
public final class ExperimentRunner {

    /** Quantile points at which the spectrum is sampled to decide whether Σ is isotropic (for the figure). */
    private static final int SPECTRUM_PROBES = 256;
    /** How to raise the heap, for the messages of {@link #preflight}. */
    private static final String HEAP = "-Xmx in DMFTLAB_JAVA_OPTS";

    private final TheoryEngine theoryEngine;
    private final SimulationEngine simulationEngine;
    private final FigureWriter figureWriter;
    private final PluginRegistry registry;
    private final PrintWriter log;
    private final String version;

    /**
     * @param theoryEngine     the DMFT engine
     * @param simulationEngine the simulation engine
     * @param figureWriter     renders {@code figure.png}
     * @param registry         the plugins of the run, to which a fault of plugin code is traced
     * @param log              one summary line per engine and one for the folder
     * @param version          the dmftlab version, for {@code run.json}
     */
    public ExperimentRunner(TheoryEngine theoryEngine, SimulationEngine simulationEngine, FigureWriter figureWriter,
                            PluginRegistry registry, PrintWriter log, String version) {
        this.theoryEngine = theoryEngine;
        this.simulationEngine = simulationEngine;
        this.figureWriter = figureWriter;
        this.registry = registry;
        this.log = log;
        this.version = version;
    }

    /**
     * Runs the engines and writes every output file.
     *
     * @param plan     the validated experiment
     * @param engines  the engines to run (at least one)
     * @param warnings warnings already shown, recorded in {@code run.json} with the theory's {@link PrecisionWarning}
     * @param target   the output folder, published as a whole when the run is complete ({@link OutputFolder})
     * @param progress receives the engines' progress
     * @return the engines' results, in the order they ran
     * @throws org.dmftlab.core.spi.DmftlabException for every failure of the run, a fault of plugin code included
     *     ({@link Faults}), so that a sweep goes on with its other points; a divergence too
     *     ({@link OnDivergence#FAIL})
     */
    public List<EngineRun> run(ExperimentPlan plan, Set<Engine> engines, List<String> warnings, Path target,
                               Progress progress) {
        return run(plan, engines, warnings, target, progress, null, null);
    }

    /**
     * How a run keeps a checkpoint of its finished units.
     *
     * @param resume        whether to continue the interrupted run of the target ({@link OutputFolder#resume})
     *                      rather than start afresh
     * @param resumeCommand the command that resumes the run, printed when a signal interrupts it
     */
    public record Checkpointing(boolean resume, String resumeCommand) {
    }

    /**
     * Where the units of a run are computed: each a task of a launcher ({@link UnitTasks}), merged here once all
     * are saved.
     *
     * @param launcher the chosen launcher; its {@link Launcher#preflight} runs before any unit
     * @param detach   return once the units are submitted, without publishing ({@code --detach}); the same command
     *                 run again collects them
     * @param options  the options every task repeats ({@code --plugins}), with absolute paths
     */
    public record Launch(Launcher launcher, boolean detach, List<String> options) {

        public Launch {
            options = List.copyOf(options);
        }
    }

    /**
     * As {@link #run(ExperimentPlan, Set, List, Path, Progress)}, with a checkpoint and a launcher. With
     * {@code checkpointing}, every finished unit is saved into a checkpoint in the staging folder and, to resume, the
     * run starts from the units an interrupted run saved. A divergence fails the run ({@link OnDivergence#FAIL}:
     * the folder keeps its earlier results and the checkpoint goes). With {@code launch}, every unit is a task of a
     * launcher: the units not yet saved are launched, and once all are saved they are merged and published, the same
     * bytes as a run in this process; when units are still running ({@code --detach}) or failed after their retries,
     * the staging folder is kept with the saved units, for the same command to continue.
     *
     * @param checkpointing how to keep the checkpoint; null for none
     * @param launch        where the units run (it needs {@code checkpointing}); null to compute them in this process
     * @return the results of the engines that ran to the end, in the order they ran; empty when the command detached
     * @throws InvalidInputException {@code output/nothing-to-resume} when there is nothing to resume
     * @throws RunFailedException {@code units/failed} naming the units that failed and why
     */
    public List<EngineRun> run(ExperimentPlan plan, Set<Engine> engines, List<String> warnings, Path target,
                               Progress progress, Checkpointing checkpointing, Launch launch) {
        requireEngines(engines);
        boolean resume = checkpointing != null && checkpointing.resume();
        return contained(() -> {
            try (OutputFolder output = resume ? OutputFolder.resume(target, "--resume", log)
                    : OutputFolder.open(target, "--out", log)) {
                Map<Engine, UnitStore> stores = new EnumMap<>(Engine.class);
                Checkpoint checkpoint = null;
                if (checkpointing != null) {
                    checkpoint = output.checkpoint(RunReport.configuration(version, plan, engines),
                            units(plan, engines), checkpointing.resumeCommand());
                    Map<Engine, Integer> units = units(plan, engines);
                    for (Engine engine : engines) {
                        stores.put(engine, store(checkpoint, plan, engine, units.get(engine)));
                    }
                }
                if (launch != null && !launchUnits(plan, engines, output, checkpoint, launch, progress)) {
                    return List.<EngineRun>of();
                }
                List<String> recorded = new ArrayList<>(warnings);
                List<EngineDivergence> diverged = new ArrayList<>();
                List<EngineRun> runs = compute(plan, engines, recorded, progress, output::write, stores,
                        OnDivergence.FAIL, diverged);
                write(plan, runs, diverged, recorded, output);
                return runs;
            }
        });
    }

    /**
     * Launches the units not yet saved, each a task ({@link UnitTasks}), and waits for them.
     *
     * @return true when every unit is saved; false when the command detached with units still running (the staging
     *         folder is kept)
     * @throws RunFailedException {@code units/failed} when units failed after their retries (the staging folder is
     *                            kept with the others)
     */
    private boolean launchUnits(ExperimentPlan plan, Set<Engine> engines, OutputFolder output, Checkpoint checkpoint,
                                Launch launch, Progress progress) {
        if (checkpoint == null) {
            throw new IllegalArgumentException("units run by a launcher are merged from a checkpoint");
        }
        UnitTasks tasks = new UnitTasks(output.staging(), checkpoint, plan.experiment().steps(), parallelism(plan,
                engines), launch.detach(), (engine, unit) -> computeUnit(plan, engine, unit, checkpoint), progress,
                log);
        try {
            launch.launcher().preflight(tasks);
        } catch (InvalidInputException refused) {
            throw refused.withKeyPrefix(LauncherChoice.KEY);
        }
        Map<Engine, Integer> units = units(plan, engines);
        List<LaunchTask> pending = tasks.pending(units, launch.options());
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        LaunchReport report;
        progress.start("units", pending.size(), "units");
        try {
            report = launch.launcher().launch(pending, tasks);
        } catch (DmftlabException failed) {
            output.keep();
            throw failed.errorCode() == LaunchError.INTERRUPTED ? new RunFailedException(RunError.INTERRUPTED,
                    "interrupted while the units ran; the finished ones are saved, run the same command again")
                    : failed;
        } finally {
            progress.finish();
        }
        if (!report.running().isEmpty()) {
            output.keep();
            log.println(report.running().size() + " of " + total + " units are still running; run the same command"
                    + " again to collect them (" + output.path() + " is written when none is left)");
            log.flush();
            return false;
        }
        if (!report.failures().isEmpty()) {
            output.keep();
            throw new RunFailedException(UnitError.FAILED, report.failures().size() + " of " + total + " units failed ("
                    + report.failures().stream().map(failure -> failure.task().name() + ": " + failure.reason())
                    .collect(Collectors.joining("; ")) + "); the others are saved: run the same command again to"
                    + " retry the failed ones");
        }
        return true;
    }

    /** How many units may run at once in this JVM: the threads, and no more seeds than fit in the heap. */
    private int parallelism(ExperimentPlan plan, Set<Engine> engines) {
        int parallelism = plan.threads();
        if (engines.contains(Engine.SIMULATION)) {
            parallelism = Math.min(parallelism, simulationEngine.memory(plan.experiment(), plan.simulation())
                    .seedsInFlight());
        }
        return Math.max(1, parallelism);
    }

    /**
     * Computes one unit of a run and saves it into the run's checkpoint in {@code staging}: the task of a launcher
     * ({@code dmftlab run --unit NAME --staging STAGING}, {@link UnitTasks}).
     *
     * @param plan    the run's configuration, replayed from the checkpoint's record
     * @param staging the run's staging folder
     * @param name    the unit, {@code ENGINE-INDEX}
     * @throws InvalidInputException {@code output/checkpoint-mismatch} when the plan is not the checkpoint's
     *                               (another dmftlab or plugin version here)
     */
    public void runUnit(ExperimentPlan plan, Path staging, String name) {
        Checkpoint checkpoint = Checkpoint.of(staging);
        Checkpoint.Unit unit = Checkpoint.unit(name);
        String fingerprint = RunReport.configuration(version, plan, plan.declared()).path(RunReport.FINGERPRINT)
                .asText();
        if (!fingerprint.equals(checkpoint.fingerprint())) {
            throw new InvalidInputException(OutputError.CHECKPOINT_MISMATCH, "--staging", staging, "holds the units"
                    + " of another configuration than this dmftlab (" + version + ") and its plugins compute; run the"
                    + " tasks with the distribution that started the run");
        }
        contained(() -> {
            computeUnit(plan, unit.engine(), unit.index(), checkpoint);
            return unit;
        });
    }

    /**
     * Computes one unit here, from the state it saved when it last stopped, if any, and saves it into the
     * checkpoint.
     */
    private void computeUnit(ExperimentPlan plan, Engine engine, int unit, Checkpoint checkpoint) {
        try {
            UnitStore store = store(checkpoint, plan, engine, units(plan, Set.of(engine)).get(engine));
            Trajectory trajectory = engine == Engine.THEORY
                    ? theoryEngine.unit(plan.experiment(), plan.theory(), unit, Progress.NONE, store)
                    : simulationEngine.unit(plan.experiment(), plan.simulation(), unit, Progress.NONE, store);
            store.save(unit, trajectory);
        } catch (RefusedInputException refused) {
            throw keyed(refused, plan);
        }
    }

    /** An engine's units in the checkpoint, with the states of its units in progress every checkpoint.interval. */
    private static UnitStore store(Checkpoint checkpoint, ExperimentPlan plan, Engine engine, int units) {
        return checkpoint.store(engine, units, plan.experiment().steps(), plan.checkpointInterval());
    }

    /** The number of units of each engine that runs: the theory's marches, the simulation's seeds. */
    private Map<Engine, Integer> units(ExperimentPlan plan, Set<Engine> engines) {
        Map<Engine, Integer> units = new EnumMap<>(Engine.class);
        for (Engine engine : engines) {
            units.put(engine, engine == Engine.THEORY ? theoryEngine.units(plan.experiment(), plan.theory())
                    : plan.simulation().seeds());
        }
        return units;
    }

    /**
     * Runs the engines without writing anything (an experiment of {@code org.dmftlab.app.api} run in memory).
     *
     * @param warnings     receives the theory's {@link PrecisionWarning}, if any
     * @param onDivergence whether a divergence fails the run or is its result
     * @param diverged     receives the divergences kept as the result ({@link OnDivergence#PUBLISH})
     * @return the results of the engines that ran to the end, in the order they ran
     * @throws org.dmftlab.core.spi.DmftlabException as {@link #run(ExperimentPlan, Set, List, Path, Progress)}
     */
    public List<EngineRun> compute(ExperimentPlan plan, Set<Engine> engines, List<String> warnings,
                                   Progress progress, OnDivergence onDivergence, List<EngineDivergence> diverged) {
        requireEngines(engines);
        return contained(() -> compute(plan, engines, warnings, progress, run -> { }, Map.of(), onDivergence,
                diverged));
    }

    /**
     * Writes the output folder of results computed earlier by {@link #compute}: the same files, byte for byte in
     * the tables, as {@link #run(ExperimentPlan, Set, List, Path, Progress)} writes.
     *
     * @param runs     the engines' results, in the order they ran
     * @param diverged the engines whose divergence is the result, recorded in {@code run.json}
     * @param warnings the warnings of the run, recorded in {@code run.json}
     * @param target   the output folder, published as a whole ({@link OutputFolder})
     */
    public void write(ExperimentPlan plan, List<EngineRun> runs, List<EngineDivergence> diverged,
                      List<String> warnings, Path target) {
        contained(() -> {
            try (OutputFolder output = OutputFolder.open(target, "--out", log)) {
                runs.forEach(output::write);
                write(plan, runs, diverged, warnings, output);
                return runs;
            }
        });
    }

    private static void requireEngines(Set<Engine> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine to run");
        }
    }

    /** Runs {@code work}, turning a fault of plugin code into its one-line failure ({@link Faults}). */
    private <T> T contained(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            if (PluginFaultException.isFault(failure)) {
                throw Faults.contain(failure, registry);
            }
            throw failure;
        }
    }

    /**
     * Runs each engine of {@code engines} in {@link Engine} order, handing each result to {@code done} at once; an
     * engine with a store loads its saved units from it and saves the others to it.
     */
    private List<EngineRun> compute(ExperimentPlan plan, Set<Engine> engines, List<String> warnings,
                                    Progress progress, Consumer<EngineRun> done, Map<Engine, UnitStore> stores,
                                    OnDivergence onDivergence, List<EngineDivergence> diverged) {
        List<EngineRun> runs = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            if (engines.contains(engine)) {
                EngineRun run;
                try {
                    run = run(engine, plan, progress, warnings, stores.getOrDefault(engine, UnitStore.NONE));
                } catch (DivergedException divergence) {
                    if (onDivergence == OnDivergence.FAIL) {
                        throw divergence;
                    }
                    diverged.add(new EngineDivergence(engine, divergence.step(), divergence.observable()));
                    log.println(diverged.get(diverged.size() - 1).describe() + ", recorded in run.json");
                    log.flush();
                    continue;
                }
                done.accept(run);
                log.printf(Locale.ROOT, "%s: %d steps in %.1f s%n", engine.key(), plan.experiment().steps(),
                        run.wallSeconds());
                log.flush();
                runs.add(run);
            }
        }
        return runs;
    }

    /**
     * Writes the comparison, the figures (none when every engine diverged) and {@code run.json} of {@code runs} and
     * {@code diverged}, and publishes the folder.
     */
    private void write(ExperimentPlan plan, List<EngineRun> runs, List<EngineDivergence> diverged,
                       List<String> warnings, OutputFolder output) {
        Trajectory theory = trajectory(runs, Engine.THEORY);
        Trajectory simulation = trajectory(runs, Engine.SIMULATION);
        if (theory != null && simulation != null) {
            output.writeComparison(ObservableComparison.compare(theory, simulation));
        }
        if (!runs.isEmpty()) {
            output.writeFigure(new FigureSpec(title(plan), theory, simulation,
                    FigureSpec.standardPanels(anisotropic(plan.experiment().problem().covariance())),
                    plan.timeScale()), figureWriter);
        }
        TwoTimeFigure.of(title(plan), theory, simulation).ifPresent(output::writeTwoTime);
        output.writeReport(RunReport.json(version, plan, runs, diverged, plan.threads(), warnings, output.files(),
                Machine.current()));
        output.publish();
        log.println("wrote " + output.path() + ": " + String.join(", ", output.files().keySet()));
        log.flush();
    }

    /**
     * Checks, before anything runs, everything the engines that will run would refuse (a rule or loss the theory
     * cannot solve, too few paths, a dimension out of range, …) and whether they fit in the heap; returns their
     * memory and rough time.
     *
     * @param engines the engines that will run
     * @throws InvalidInputException for any refusal, naming the experiment file and the key:
     *     {@code theory/too-large} naming the setting the largest part of the solve grows with (steps, theory.paths,
     *     theory.response-paths or theory.species), {@code simulation/too-large} naming simulation.dimension, both
     *     with the other knobs and the heap
     */
    public Preflight preflight(ExperimentPlan plan, Set<Engine> engines) {
        try {
            Optional<TheoryMemory> theory = Optional.empty();
            Optional<SimulationMemory> simulation = Optional.empty();
            if (engines.contains(Engine.THEORY)) {
                TheoryMemory memory = theoryEngine.memory(plan.experiment(), plan.theory());
                if (!memory.fits()) {
                    throw new InvalidInputException(TheoryError.TOO_LARGE, InputKeys.of(memory.largest()),
                            valueOf(memory.largest(), plan), memory.need(InputKeys.of(InputPart.STEPS),
                                    InputKeys.of(InputPart.THEORY_PATHS), InputKeys.of(InputPart.THEORY_RESPONSE_PATHS),
                                    InputKeys.of(InputPart.THEORY_SPECIES), "--threads", HEAP));
                }
                theory = Optional.of(memory);
            }
            if (engines.contains(Engine.SIMULATION)) {
                SimulationMemory memory = simulationEngine.memory(plan.experiment(), plan.simulation());
                if (!memory.fits()) {
                    String dimension = InputKeys.of(InputPart.SIMULATION_DIMENSION);
                    throw new InvalidInputException(SimulationError.TOO_LARGE, dimension, memory.dimension(),
                            memory.need(InputKeys.of(InputPart.STEPS), "simulation.seeds",
                                    "simulation.precision: single", dimension, HEAP));
                }
                simulation = Optional.of(memory);
            }
            return new Preflight(theory, simulation);
        } catch (RefusedInputException refused) {
            throw keyed(refused, plan);
        } catch (InvalidInputException invalid) {
            throw invalid.withSource(plan.source(invalid.key()));
        }
    }

    /** An engine's refusal in the file's terms: its key ({@link InputKeys}) and where the plan's value came from. */
    private static InvalidInputException keyed(RefusedInputException refused, ExperimentPlan plan) {
        InvalidInputException keyed = InputKeys.keyed(refused, plan.plugins());
        return keyed.withSource(plan.source(keyed.key()));
    }

    /** The value of the setting a theory refusal names. */
    private static Object valueOf(InputPart part, ExperimentPlan plan) {
        return switch (part) {
            case THEORY_PATHS -> plan.theory().paths();
            case THEORY_RESPONSE_PATHS -> plan.theory().responsePaths();
            case THEORY_SPECIES -> plan.theory().species();
            default -> plan.experiment().steps();
        };
    }

    /**
     * Runs one engine. A refusal of the input (for example an optimizer outside the theory's linear family) names the
     * experiment file and its key ({@link InputKeys}), for a plugin block the plugin's id:
     * {@code optimizer.id = sign-sgd}. A theory solve less precise than the threshold of SPEC §4.5 prints its
     * {@link PrecisionWarning} at once and adds it to {@code warnings}.
     */
    private EngineRun run(Engine engine, ExperimentPlan plan, Progress progress, List<String> warnings,
                          UnitStore store) {
        long start = System.nanoTime();
        try {
            if (engine == Engine.THEORY) {
                TheoryResult result = theoryEngine.run(plan.experiment(), plan.theory(), progress, store);
                double seconds = (System.nanoTime() - start) / 1e9;
                PrecisionWarning.of(result, plan.theory()).ifPresent(warning -> {
                    log.println("dmftlab: warning: " + warning);
                    warnings.add(warning);
                });
                return new EngineRun(engine, result.trajectory(), seconds, result.quadrature());
            }
            Trajectory trajectory = simulationEngine.run(plan.experiment(), plan.simulation(), progress, store);
            return new EngineRun(engine, trajectory, (System.nanoTime() - start) / 1e9);
        } catch (RefusedInputException refused) {
            throw keyed(refused, plan);
        }
    }

    private static Trajectory trajectory(List<EngineRun> runs, Engine engine) {
        return runs.stream().filter(run -> run.engine() == engine).map(EngineRun::trajectory).findFirst()
                .orElse(null);
    }

    /**
     * What a reader of the figure needs to know, on two lines: the name and the optimizer with every parameter
     * (schedules as {@code learning-rate-schedule cosine (final 0.02)}, left out when constant), then the problem,
     * for example {@code paper-figure: sgd (learning-rate 0.1, batch-fraction 1, temperature 0)} /
     * {@code teacher linear (noise 0), loss square, covariance identity, α = 3, λ = 0.5, T = 50}; reals with at
     * most four significant digits ({@link ShortNumbers}).
     */
    static String title(ExperimentPlan plan) {
        String optimizer = plan.plugins().stream().filter(choice -> choice.key().equals("optimizer"))
                .map(ExperimentRunner::describe).collect(Collectors.joining());
        String problem = plan.plugins().stream().filter(choice -> choice.key().startsWith("problem."))
                .map(choice -> choice.descriptor().family().name() + " " + describe(choice))
                .collect(Collectors.joining(", "));
        Problem given = plan.experiment().problem();
        return plan.name() + ": " + optimizer + "\n" + problem + ", α = " + ShortNumbers.format(given.alpha())
                + ", λ = " + ShortNumbers.format(given.ridge()) + ", T = " + plan.experiment().steps();
    }

    private static String describe(PluginChoice choice) {
        return describe(choice.descriptor().id(), choice.config().values());
    }

    /**
     * {@code id (parameter value, …)}, or the id alone for a plugin without parameters (or with constant schedules
     * only); a nested schedule block is described the same way.
     */
    private static String describe(String id, Map<?, ?> values) {
        String parameters = values.entrySet().stream()
                .filter(entry -> !entry.getKey().equals("id") && !Parameter.CONSTANT_SCHEDULE.equals(entry.getValue()))
                .map(entry -> entry.getKey() + " " + (entry.getValue() instanceof Map<?, ?> block
                        ? describe(String.valueOf(block.get("id")), block) : ShortNumbers.format(entry.getValue())))
                .collect(Collectors.joining(", "));
        return parameters.isEmpty() ? id : id + " (" + parameters + ")";
    }

    /** Whether Σ has more than one eigenvalue (then M, Q differ from m, q and get their own panels). */
    private static boolean anisotropic(Covariance covariance) {
        double[] sigma = covariance.eigenvalues(SPECTRUM_PROBES);
        for (double eigenvalue : sigma) {
            if (eigenvalue != sigma[0]) {
                return true;
            }
        }
        return false;
    }
}
