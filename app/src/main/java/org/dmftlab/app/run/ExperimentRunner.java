package org.dmftlab.app.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.output.EngineRun;
import org.dmftlab.app.output.Machine;
import org.dmftlab.app.output.ObservableComparison;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.output.RunReport;
import org.dmftlab.app.plot.FigureSpec;
import org.dmftlab.app.plot.TimeAxis;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.theory.TheoryEngine;

/**
 * Runs a validated experiment with the chosen engines and writes the output folder (DESIGN.md, "Output folder"):
 * the theory first (it refuses unsupported rules and losses at once, before a long simulation), then the
 * simulation; each table as soon as its engine is done, then {@code comparison.csv} when both ran, the figure, and
 * {@code run.json} last. A failing engine ({@link org.dmftlab.core.problem.RunFailedException}, e.g. divergence)
 * propagates and leaves no {@code run.json}.
 */
public final class ExperimentRunner {

    /** Quantile points at which the spectrum is sampled to decide whether Σ is isotropic (for the figure). */
    private static final int SPECTRUM_PROBES = 256;

    private final TheoryEngine theoryEngine;
    private final SimulationEngine simulationEngine;
    private final Progress progress;
    private final PrintWriter log;
    private final String version;

    /**
     * @param theoryEngine     the DMFT engine
     * @param simulationEngine the simulation engine
     * @param progress         receives the engines' progress
     * @param log              one summary line per engine and one for the folder
     * @param version          the dmftlab version, for {@code run.json}
     */
    public ExperimentRunner(TheoryEngine theoryEngine, SimulationEngine simulationEngine, Progress progress,
                            PrintWriter log, String version) {
        this.theoryEngine = theoryEngine;
        this.simulationEngine = simulationEngine;
        this.progress = progress;
        this.log = log;
        this.version = version;
    }

    /**
     * Runs the engines and writes every output file.
     *
     * @param plan     the validated experiment
     * @param engines  the engines to run (at least one)
     * @param warnings warnings already shown, recorded in {@code run.json}
     * @param output   the output folder
     * @return the engines' results, in the order they ran
     */
    public List<EngineRun> run(ExperimentPlan plan, Set<Engine> engines, List<String> warnings, OutputFolder output) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine to run");
        }
        output.prepare();
        List<EngineRun> runs = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            if (engines.contains(engine)) {
                EngineRun run = run(engine, plan);
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
                FigureSpec.standardPanels(anisotropic(plan.experiment().problem().covariance())), TimeAxis.LINEAR));
        output.writeReport(RunReport.json(version, plan, runs, plan.threads(), warnings,
                Machine.current()));
        log.println("wrote " + output.path());
        log.flush();
        return runs;
    }

    /** Runs one engine; a refusal of the input (e.g. a loss the theory cannot handle) names the experiment file. */
    private EngineRun run(Engine engine, ExperimentPlan plan) {
        long start = System.nanoTime();
        try {
            Trajectory trajectory = engine == Engine.THEORY
                    ? theoryEngine.run(plan.experiment(), plan.theory(), progress)
                    : simulationEngine.run(plan.experiment(), plan.simulation(), progress);
            return new EngineRun(engine, trajectory, (System.nanoTime() - start) / 1e9);
        } catch (InvalidInputException refused) {
            throw refused.source() == null ? refused.withSource(plan.file().toString()) : refused;
        }
    }

    private static Trajectory trajectory(List<EngineRun> runs, Engine engine) {
        return runs.stream().filter(run -> run.engine() == engine).map(EngineRun::trajectory).findFirst()
                .orElse(null);
    }

    /** {@code name: teacher linear, loss square, covariance identity, optimizer sgd, α = 3.0, λ = 0.5}. */
    private static String title(ExperimentPlan plan) {
        String plugins = plan.plugins().stream()
                .map(choice -> choice.descriptor().family().name() + " " + choice.descriptor().id())
                .collect(Collectors.joining(", "));
        return plan.name() + ": " + plugins + ", α = " + plan.experiment().problem().alpha() + ", λ = "
                + plan.experiment().problem().ridge();
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
