package org.dmftlab.app.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.InputKeys;
import org.dmftlab.app.experiment.PluginChoice;
import org.dmftlab.app.output.EngineRun;
import org.dmftlab.app.output.Machine;
import org.dmftlab.app.output.ObservableComparison;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.output.RunReport;
import org.dmftlab.app.output.ShortNumbers;
import org.dmftlab.app.plot.FigureSpec;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.app.plot.TimeScale;
import org.dmftlab.app.plot.TwoTimeFigure;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationError;
import org.dmftlab.core.simulation.SimulationMemory;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheoryResult;

/**
 * Runs a validated experiment with the chosen engines and writes the output folder (DESIGN.md, "Output folder"):
 * the theory first (it refuses unsupported rules and losses at once, before a long simulation), then the
 * simulation; each table as soon as its engine is done, then {@code comparison.csv} when both ran, the figure, the
 * two-time table and heatmaps when the experiment recorded them, and {@code run.json} last. A failing engine ({@link org.dmftlab.core.problem.RunFailedException}, e.g. divergence)
 * propagates and leaves no {@code run.json}.
 */
public final class ExperimentRunner {

    /** Quantile points at which the spectrum is sampled to decide whether Σ is isotropic (for the figure). */
    private static final int SPECTRUM_PROBES = 256;

    private final TheoryEngine theoryEngine;
    private final SimulationEngine simulationEngine;
    private final FigureWriter figureWriter;
    private final PrintWriter log;
    private final String version;

    /**
     * @param theoryEngine     the DMFT engine
     * @param simulationEngine the simulation engine
     * @param figureWriter     renders {@code figure.png}
     * @param log              one summary line per engine and one for the folder
     * @param version          the dmftlab version, for {@code run.json}
     */
    public ExperimentRunner(TheoryEngine theoryEngine, SimulationEngine simulationEngine, FigureWriter figureWriter,
                            PrintWriter log, String version) {
        this.theoryEngine = theoryEngine;
        this.simulationEngine = simulationEngine;
        this.figureWriter = figureWriter;
        this.log = log;
        this.version = version;
    }

    /**
     * Runs the engines and writes every output file.
     *
     * @param plan     the validated experiment
     * @param engines  the engines to run (at least one)
     * @param warnings warnings already shown, recorded in {@code run.json} with the theory's {@link PrecisionWarning}
     * @param output   the output folder
     * @param progress receives the engines' progress
     * @return the engines' results, in the order they ran
     */
    public List<EngineRun> run(ExperimentPlan plan, Set<Engine> engines, List<String> warnings, OutputFolder output,
                               Progress progress) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine to run");
        }
        output.prepare();
        List<EngineRun> runs = new ArrayList<>();
        List<String> recorded = new ArrayList<>(warnings);
        for (Engine engine : Engine.values()) {
            if (engines.contains(engine)) {
                EngineRun run = run(engine, plan, progress, recorded);
                output.write(run);
                log.printf(Locale.ROOT, "%s: %d steps in %.1f s -> %s%n", engine.key(), plan.experiment().steps(),
                        run.wallSeconds(), output.path().resolve(run.tableName()));
                log.flush();
                runs.add(run);
            }
        }
        Trajectory theory = trajectory(runs, Engine.THEORY);
        Trajectory simulation = trajectory(runs, Engine.SIMULATION);
        if (theory != null && simulation != null) {
            output.writeComparison(ObservableComparison.compare(theory, simulation));
        }
        output.writeFigure(new FigureSpec(title(plan), theory, simulation,
                FigureSpec.standardPanels(anisotropic(plan.experiment().problem().covariance())),
                TimeScale.of(plan.figure(), plan.experiment().schedule())), figureWriter);
        TwoTimeFigure.of(title(plan), theory, simulation).ifPresent(output::writeTwoTime);
        output.writeReport(RunReport.json(version, plan, runs, plan.threads(), recorded,
                Machine.current()));
        log.println("wrote " + output.path());
        log.flush();
        return runs;
    }

    /**
     * The memory the simulation of a plan needs, checked before anything runs ({@link SimulationEngine#memory}).
     *
     * @param engines the engines that will run; empty when the simulation is not among them
     * @throws InvalidInputException {@link SimulationError#TOO_LARGE} when not even one seed of the simulation fits
     *     in the heap, naming the experiment file, {@code simulation.dimension}, {@code simulation.seeds} and the
     *     heap
     */
    public Optional<SimulationMemory> simulationMemory(ExperimentPlan plan, Set<Engine> engines) {
        if (!engines.contains(Engine.SIMULATION)) {
            return Optional.empty();
        }
        SimulationMemory memory;
        try {
            memory = simulationEngine.memory(plan.experiment(), plan.simulation());
        } catch (RefusedInputException refused) {
            throw InputKeys.keyed(refused, plan.plugins()).withSource(plan.file().toString());
        }
        if (!memory.fits()) {
            String dimension = InputKeys.of(InputPart.SIMULATION_DIMENSION);
            throw new InvalidInputException(SimulationError.TOO_LARGE, dimension, memory.dimension(),
                    memory.need("simulation.seeds", "simulation.precision: single", dimension,
                            "-Xmx in DMFTLAB_JAVA_OPTS")).withSource(plan.file().toString());
        }
        return Optional.of(memory);
    }

    /**
     * Runs one engine. A refusal of the input (for example an optimizer outside the theory's linear family) names the
     * experiment file and its key ({@link InputKeys}), for a plugin block the plugin's id:
     * {@code optimizer.id = sign-sgd}. A theory solve less precise than the threshold of SPEC §4.5 prints its
     * {@link PrecisionWarning} at once and adds it to {@code warnings}.
     */
    private EngineRun run(Engine engine, ExperimentPlan plan, Progress progress, List<String> warnings) {
        long start = System.nanoTime();
        try {
            if (engine == Engine.THEORY) {
                TheoryResult result = theoryEngine.run(plan.experiment(), plan.theory(), progress);
                double seconds = (System.nanoTime() - start) / 1e9;
                PrecisionWarning.of(result, plan.theory()).ifPresent(warning -> {
                    log.println("dmftlab: warning: " + warning);
                    warnings.add(warning);
                });
                return new EngineRun(engine, result.trajectory(), seconds, result.quadrature());
            }
            Trajectory trajectory = simulationEngine.run(plan.experiment(), plan.simulation(), progress);
            return new EngineRun(engine, trajectory, (System.nanoTime() - start) / 1e9);
        } catch (RefusedInputException refused) {
            throw InputKeys.keyed(refused, plan.plugins()).withSource(plan.file().toString());
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
