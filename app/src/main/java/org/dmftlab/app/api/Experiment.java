package org.dmftlab.app.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.app.output.EngineDivergence;
import org.dmftlab.app.output.EngineRun;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.output.RunReport;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.app.run.OnDivergence;
import org.dmftlab.app.run.Preflight;
import org.dmftlab.app.run.StabilityWarning;
import org.dmftlab.app.wiring.Runners;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.registry.PluginRegistry;

/**
 * A validated experiment, ready to run: everything an experiment file says (problem, plugins with their parameters,
 * steps, each engine's settings, the figure), checked completely, defaults filled in. Built by
 * {@link ExperimentBuilder#build()}, read from a file by {@link Dmftlab#load}, or repeated from a record by
 * {@link Dmftlab#replay}. Immutable; run it as often as you like (the same seeds give the same numbers).
 *
 * <p>Each run first checks what the engines it uses would refuse and whether they fit in the heap (the command
 * line's pre-flight: {@code theory/too-large}, {@code theory/nonlinear-rule}, …, thrown as an
 * {@link org.dmftlab.core.spi.InvalidInputException} before anything runs), warns outside the stability region of
 * SPEC §6, then runs the theory before the simulation.
 *
 * <p>A run into a folder ({@link #run(EngineChoice, Path)}) saves every finished unit (each group of the theory's
 * paths, each simulation seed) beside the folder, so that an interrupted run continues with {@link #resume}; with a
 * launcher ({@link #withLauncher}, or the file's {@code launcher:} block), each unit is a task of the launcher and
 * {@link #submit} returns once they are submitted. {@code dmftlab run} does exactly this: it is a client of this
 * class.
 *
 * @since 0.1.0
 */
public final class Experiment {

    private final ExperimentPlan plan;
    private final PluginRegistry plugins;
    private final Runners runners;
    private final ExperimentRunner runner;
    private final PrintWriter warnings;
    private final Progress progress;
    private final List<String> known;
    private final LauncherRequest launcher;
    private final OnDivergence onDivergence;

    /**
     * @param plugins  the plugins of the experiment, to which a fault of plugin code is traced
     * @param known    warnings known before any run (a replay's), shown and recorded with the run's
     * @param launcher where its units run
     */
    Experiment(ExperimentPlan plan, PluginRegistry plugins, Runners runners, PrintWriter warnings,
               Progress progress, List<String> known, LauncherRequest launcher) {
        this(plan, plugins, runners, warnings, progress, known, launcher, OnDivergence.FAIL);
    }

    private Experiment(ExperimentPlan plan, PluginRegistry plugins, Runners runners, PrintWriter warnings,
                       Progress progress, List<String> known, LauncherRequest launcher, OnDivergence onDivergence) {
        this.plan = plan;
        this.plugins = plugins;
        this.runners = runners;
        this.runner = runners.runner(plugins);
        this.warnings = warnings;
        this.progress = progress;
        this.known = List.copyOf(known);
        this.launcher = launcher;
        this.onDivergence = onDivergence;
    }

    /** The experiment's name, which names its default output folder ({@code runs/NAME} on the command line). */
    public String name() {
        return plan.name();
    }

    /**
     * The experiment file it was read from (by {@link Dmftlab#load}, or by the run a {@link Dmftlab#replay} repeats);
     * empty for an experiment built in code.
     *
     * @since 0.1.0
     */
    public Optional<Path> file() {
        return Optional.ofNullable(plan.file());
    }

    /** T, the number of updates; the results have rows t = 0…T. */
    public int steps() {
        return plan.experiment().steps();
    }

    /** The engines a run uses when none is chosen: those whose block the experiment has, both when it has none. */
    public EngineChoice engines() {
        return EngineChoice.declaredBy(plan.declared());
    }

    /**
     * The configuration, every default filled in, in the experiment-file schema (nested maps, plugin blocks with all
     * their parameters): written as YAML it is an experiment file that repeats this experiment.
     */
    public Map<String, Object> configuration() {
        return configuration(engines());
    }

    /**
     * The configuration of a run of the chosen engines, as {@link #configuration()}: what its {@code run.json}
     * records under {@code experiment} (only the blocks of the engines that run).
     *
     * @since 0.1.0
     */
    public Map<String, Object> configuration(EngineChoice engines) {
        return plan.resolvedConfiguration(engines.engines());
    }

    /**
     * The same experiment whose runs into a folder compute each unit as a task of the launcher {@code id}
     * ({@code local}, {@code slurm} or a plugin's; the command line's {@code --launcher ID}), with the parameters of
     * the file's {@code launcher:} block when it names the same launcher, then those of the {@code launcher.KEY=VALUE}
     * overrides given to {@link Dmftlab#load}. The launcher and its parameters are checked when a run starts.
     *
     * @param id the launcher's id, as {@code dmftlab plugins} lists it
     * @since 0.1.0
     */
    public Experiment withLauncher(String id) {
        return new Experiment(plan, plugins, runners, warnings, progress, known,
                launcher.withId(Objects.requireNonNull(id, "id")), onDivergence);
    }

    /**
     * The same experiment whose in-memory runs ({@link #run(EngineChoice)}) keep a divergence (SPEC §6) as their
     * result instead of failing: the engine that diverged has no series, {@link RunResult#divergence()} says where
     * it blew up, and {@link RunResult#write} records it in {@code run.json} under {@code diverged}. How
     * {@code dmftlab sweep} runs its points, so that the unstable side of a phase diagram is a result too. A run into
     * a folder ({@link #run(EngineChoice, Path)}, {@link #resume}, {@link #submit}) still fails on a divergence.
     *
     * @since 0.1.0
     */
    public Experiment keepingDivergence() {
        return new Experiment(plan, plugins, runners, warnings, progress, known, launcher, OnDivergence.PUBLISH);
    }

    /**
     * The pre-flight of a run of the chosen engines, without running them: what they would refuse, the memory and
     * rough time they need, and the warnings the run shows first. Each run prints it to the
     * {@link Dmftlab#withWarnings warnings} before it starts ({@link Estimate#print}).
     *
     * @throws org.dmftlab.core.spi.InvalidInputException as {@link #run(EngineChoice)} before anything runs: an
     *     engine refuses the experiment ({@code theory/nonlinear-rule}, …) or it does not fit in the heap
     *     ({@code theory/too-large}, {@code simulation/too-large})
     * @since 0.1.0
     */
    public Estimate estimate(EngineChoice engines) {
        Preflight preflight = runner.preflight(plan, engines.engines());
        List<String> shown = new ArrayList<>(known);
        StabilityWarning.of(plan.experiment()).ifPresent(shown::add);
        return new Estimate(shown, preflight.notes(), preflight.peakBytes(), preflight.budgetBytes());
    }

    /** Runs the {@link #engines()} in memory. */
    public RunResult run() {
        return run(engines());
    }

    /**
     * Runs the chosen engines in memory; {@link RunResult#write} writes their output folder afterwards.
     *
     * @throws org.dmftlab.core.spi.InvalidInputException when an engine refuses the experiment or it does not fit in
     *     the heap (before anything runs)
     * @throws org.dmftlab.core.spi.DmftlabException when the run fails, e.g. {@code run/diverged} naming the step
     *     and the observable (unless {@link #keepingDivergence()}), or {@code plugins/fault} for a fault of plugin
     *     code
     */
    public RunResult run(EngineChoice engines) {
        Set<Engine> chosen = engines.engines();
        List<String> shown = prepare(engines);
        List<EngineDivergence> diverged = new ArrayList<>();
        List<EngineRun> runs = runner.compute(plan, chosen, shown, progress, onDivergence, diverged);
        return new RunResult(plan, runs, diverged, shown, runner, null);
    }

    /**
     * Runs the chosen engines and writes the command line's output folder as they finish, published as a whole at
     * the end ({@link RunResult#write}); a failed run leaves the folder as it was. Every finished unit is saved beside
     * the folder as it finishes, so that an interrupted run continues with {@link #resume}. With a launcher, every
     * unit is a task of it, and a run that an earlier one left beside the folder with this configuration (detached,
     * interrupted, or with failed units) is continued.
     *
     * @throws org.dmftlab.core.spi.InvalidInputException as {@link #run(EngineChoice)}, when the folder cannot be
     *     used ({@code cli/bad-out}, {@code output/foreign-files}, {@code output/locked}), and {@code launcher.…}
     *     for an invalid launcher
     * @throws org.dmftlab.core.spi.DmftlabException as {@link #run(EngineChoice)}, and {@code units/failed} naming
     *     the units that failed under a launcher (the others stay saved for the next run)
     */
    public RunResult run(EngineChoice engines, Path out) {
        return runInto(engines, out, false, false).orElseThrow();
    }

    /**
     * Continues the interrupted run of these engines into {@code out} ({@code dmftlab run --resume}): the units it
     * saved are kept, the others computed, and the folder receives tables byte-identical to those of an
     * uninterrupted run.
     *
     * @throws org.dmftlab.core.spi.InvalidInputException as {@link #requireResumable}, or as
     *     {@link #run(EngineChoice, Path)}
     * @throws org.dmftlab.core.spi.DmftlabException as {@link #run(EngineChoice, Path)}
     * @since 0.1.0
     */
    public RunResult resume(EngineChoice engines, Path out) {
        return runInto(engines, out, true, false).orElseThrow();
    }

    /**
     * Checks that {@code out} holds an interrupted (or detached) run of these engines with this configuration, which
     * {@link #resume} would continue.
     *
     * @throws org.dmftlab.core.spi.InvalidInputException {@code output/nothing-to-resume} when it holds none,
     *     {@code output/checkpoint-mismatch} naming the first setting of another configuration
     * @since 0.1.0
     */
    public void requireResumable(EngineChoice engines, Path out) {
        OutputFolder.requireResumable(out, Dmftlab.RESUME, configuration(engines.engines()));
    }

    /**
     * Submits the units of a run into {@code out} to the launcher and returns without waiting for those that outlive
     * this process ({@code dmftlab run --detach}; a Slurm job array, say; the {@code local} launcher refuses): call it
     * again, or {@link #run(EngineChoice, Path)}, to collect them, resubmit failed or lost ones and publish the folder
     * once all are saved. A run of this configuration left beside {@code out} is continued.
     *
     * @return the result when every unit was already saved and the folder is published; empty while units run
     * @throws org.dmftlab.core.spi.InvalidInputException as {@link #run(EngineChoice, Path)}
     * @throws org.dmftlab.core.spi.DmftlabException as {@link #run(EngineChoice, Path)}
     * @since 0.1.0
     */
    public Optional<RunResult> submit(EngineChoice engines, Path out) {
        return runInto(engines, out, false, true);
    }

    /**
     * A run into {@code out}: checkpointed; continuing the interrupted run of this configuration when {@code resume}
     * (which must be there) or when a launcher finds one; its units tasks of the launcher when one is asked for (or
     * {@code detach}). Everything is checked before anything runs: the launcher, the run to resume, the pre-flight.
     */
    private Optional<RunResult> runInto(EngineChoice engines, Path out, boolean resume, boolean detach) {
        Objects.requireNonNull(out, "out");
        Set<Engine> chosen = engines.engines();
        boolean launching = launcher.given() || detach;
        LauncherChoice chosenLauncher = launcher.resolve(plugins, out);
        if (resume) {
            requireResumable(engines, out);
        }
        boolean adopt = resume || launching && OutputFolder.resumable(out, "--out", configuration(chosen));
        List<String> shown = prepare(engines);
        List<EngineRun> runs = runner.run(plan, chosen, shown, out, progress,
                new ExperimentRunner.Checkpointing(adopt, runners.resumeCommand(out)),
                launching ? new ExperimentRunner.Launch(chosenLauncher.launcher(), detach, runners.taskOptions())
                        : null);
        return runs.isEmpty() ? Optional.empty() : Optional.of(new RunResult(plan, runs, List.of(), shown, runner,
                out));
    }

    /** The configuration of a run of {@code engines}, with the fingerprint its checkpoint is compared by. */
    private ObjectNode configuration(Set<Engine> engines) {
        return RunReport.configuration(runners.version(), plan, engines);
    }

    /**
     * The {@link #estimate} of the chosen engines, printed to the warnings.
     *
     * @return the warnings shown, to record in {@code run.json}
     */
    private List<String> prepare(EngineChoice engines) {
        Estimate estimate = estimate(engines);
        estimate.print(warnings);
        return new ArrayList<>(estimate.warnings());
    }

    @Override
    public String toString() {
        return "experiment " + name() + " (" + steps() + " steps)";
    }
}
