package org.dmftlab.app.api;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.output.EngineRun;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.app.run.Preflight;
import org.dmftlab.app.run.StabilityWarning;
import org.dmftlab.core.problem.Progress;

/**
 * A validated experiment, ready to run: everything an experiment file says (problem, plugins with their parameters,
 * steps, each engine's settings, the figure), checked completely, defaults filled in. Built by
 * {@link ExperimentBuilder#build()} or read from a file by {@link Dmftlab#load}. Immutable; run it as often as you
 * like (the same seeds give the same numbers).
 *
 * <p>Each run first checks what the engines it uses would refuse and whether they fit in the heap (the command
 * line's pre-flight: {@code theory/too-large}, {@code theory/nonlinear-rule}, …, thrown as an
 * {@link org.dmftlab.core.spi.InvalidInputException} before anything runs), warns outside the stability region of
 * SPEC §6, then runs the theory before the simulation.
 *
 * @since 0.1.0
 */
public final class Experiment {

    private final ExperimentPlan plan;
    private final ExperimentRunner runner;
    private final PrintWriter warnings;
    private final Progress progress;

    Experiment(ExperimentPlan plan, ExperimentRunner runner, PrintWriter warnings, Progress progress) {
        this.plan = plan;
        this.runner = runner;
        this.warnings = warnings;
        this.progress = progress;
    }

    /** The experiment's name, which names its default output folder ({@code runs/NAME} on the command line). */
    public String name() {
        return plan.name();
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
        return plan.resolvedConfiguration(engines().engines());
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
     *     and the observable, or {@code plugins/fault} for a fault of plugin code
     */
    public RunResult run(EngineChoice engines) {
        Set<Engine> chosen = engines.engines();
        List<String> shown = prepare(chosen);
        List<EngineRun> runs = runner.compute(plan, chosen, shown, progress);
        return new RunResult(plan, runs, shown, runner, null);
    }

    /**
     * Runs the chosen engines and writes the command line's output folder as they finish, published as a whole at
     * the end ({@link RunResult#write}); a failed run leaves the folder as it was.
     *
     * @throws org.dmftlab.core.spi.InvalidInputException as {@link #run(EngineChoice)}, and when the folder cannot be
     *     used ({@code cli/bad-out}, {@code output/foreign-files}, {@code output/locked})
     * @throws org.dmftlab.core.spi.DmftlabException as {@link #run(EngineChoice)}
     */
    public RunResult run(EngineChoice engines, Path out) {
        Objects.requireNonNull(out, "out");
        Set<Engine> chosen = engines.engines();
        List<String> shown = prepare(chosen);
        List<EngineRun> runs = runner.run(plan, chosen, shown, out, progress);
        return new RunResult(plan, runs, shown, runner, out);
    }

    /**
     * The pre-flight of the chosen engines and the warnings shown before they run (with the notes on a large or
     * long run), in the command line's words.
     */
    private List<String> prepare(Set<Engine> engines) {
        Preflight preflight = runner.preflight(plan, engines);
        List<String> shown = new ArrayList<>();
        StabilityWarning.of(plan.experiment()).ifPresent(shown::add);
        shown.forEach(warning -> warnings.println("dmftlab: warning: " + warning));
        preflight.notes().forEach(note -> warnings.println("dmftlab: " + note));
        warnings.flush();
        return shown;
    }

    /** The validated plan, for the command line ({@code org.dmftlab.app.cli}). */
    ExperimentPlan plan() {
        return plan;
    }

    @Override
    public String toString() {
        return "experiment " + name() + " (" + steps() + " steps)";
    }
}
