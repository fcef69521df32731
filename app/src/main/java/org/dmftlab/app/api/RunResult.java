package org.dmftlab.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.output.EngineDivergence;
import org.dmftlab.app.output.EngineRun;
import org.dmftlab.app.output.ObservableComparison;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * The results of one run of an {@link Experiment}: each engine's {@link Series}, their {@link Comparison} when both
 * ran, the warnings, an in-memory {@link #table()} and a {@link #toJson() JSON} form; {@link #write} writes the
 * command line's output folder from them (the same tables, byte for byte, the same figures and {@code run.json}).
 *
 * @since 0.1.0
 */
public final class RunResult {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ExperimentPlan plan;
    private final List<EngineRun> runs;
    private final List<EngineDivergence> diverged;
    private final List<String> warnings;
    private final ExperimentRunner runner;
    private final Path folder;

    /**
     * @param diverged the engines whose divergence the run kept as its result ({@link Experiment#keepingDivergence})
     */
    RunResult(ExperimentPlan plan, List<EngineRun> runs, List<EngineDivergence> diverged, List<String> warnings,
              ExperimentRunner runner, Path folder) {
        this.plan = plan;
        this.runs = List.copyOf(runs);
        this.diverged = List.copyOf(diverged);
        this.warnings = List.copyOf(warnings);
        this.runner = runner;
        this.folder = folder;
    }

    /** The experiment's name. */
    public String name() {
        return plan.name();
    }

    /**
     * Where the engines that diverged blew up, in the order they ran, when the run kept its divergence as a result
     * ({@link Experiment#keepingDivergence()}); those engines have no series. Empty when none diverged.
     *
     * @since 0.1.0
     */
    public List<Divergence> divergence() {
        return diverged.stream().map(engine -> new Divergence(engine.engine().key(), engine.step(),
                engine.observable())).toList();
    }

    /** The theory's series, when it ran. */
    public Optional<Series> theory() {
        return series(Engine.THEORY);
    }

    /** The simulation's series, when it ran. */
    public Optional<Series> simulation() {
        return series(Engine.SIMULATION);
    }

    /** The series of the engines that ran, theory first. */
    public List<Series> series() {
        return runs.stream().map(RunResult::series).toList();
    }

    /**
     * Theory against simulation, one row per observable in {@link Observable} order ({@code comparison.csv});
     * empty unless both ran.
     */
    public List<Comparison> comparison() {
        if (runs.size() < 2) {
            return List.of();
        }
        return ObservableComparison.compare(trajectory(Engine.THEORY), trajectory(Engine.SIMULATION)).stream()
                .map(row -> new Comparison(row.observable(), row.maxAbsDifference(), row.maxDifferenceOverError()))
                .toList();
    }

    /** The warnings of the run (outside the stability region of SPEC §6, an imprecise theory solve), as recorded. */
    public List<String> warnings() {
        return warnings;
    }

    /** The configuration as it ran, every default filled in, in the experiment-file schema (nested maps). */
    public Map<String, Object> configuration() {
        return plan.resolvedConfiguration(ran());
    }

    /** The output folder this run was written to, if it was. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Every engine's series in one table in long form. */
    public ResultTable table() {
        return new ResultTable(series());
    }

    /**
     * The whole run as JSON: {@code name}; {@code configuration} (as {@link #configuration()}); {@code warnings};
     * {@code engines}, per engine that ran its {@code wall-seconds}, {@code steps} T and per observable column
     * ({@code m}, {@code q}, …) the arrays {@code value} and {@code error} over t = 0…T; {@code comparison}, per
     * observable its {@code max-abs-difference} and {@code max-difference-over-error}, when both ran. An unknown
     * number (NaN) is {@code null}.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name());
        root.set("configuration", JSON.valueToTree(configuration()));
        ArrayNode warningList = root.putArray("warnings");
        warnings.forEach(warningList::add);
        ObjectNode engines = root.putObject("engines");
        for (Series engine : series()) {
            ObjectNode block = engines.putObject(engine.engine());
            block.put("wall-seconds", engine.wallSeconds());
            block.put("steps", engine.steps());
            ObjectNode observables = block.putObject("observables");
            for (Observable observable : Observable.values()) {
                ObjectNode column = observables.putObject(observable.column());
                numbers(column.putArray("value"), engine.values(observable));
                numbers(column.putArray("error"), engine.errors(observable));
            }
        }
        ArrayNode comparisons = root.putArray("comparison");
        for (Comparison row : comparison()) {
            ObjectNode entry = comparisons.addObject().put("observable", row.observable().column());
            number(entry, "max-abs-difference", row.maxAbsDifference());
            number(entry, "max-difference-over-error", row.maxDifferenceOverError());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    /**
     * Writes the command line's output folder of this run: {@code theory.csv}, {@code simulation.csv},
     * {@code comparison.csv}, {@code figure.png}, the two-time table and heatmaps when recorded, and
     * {@code run.json}, published as a whole (README, "Reliability": the previous results stay until the new ones
     * are complete; a folder holding other files is refused).
     *
     * @param target the output folder
     * @return the result, knowing its folder
     * @throws org.dmftlab.core.spi.InvalidInputException {@code cli/bad-out}, {@code output/foreign-files} or
     *     {@code output/locked} when the folder cannot be used
     */
    public RunResult write(Path target) {
        runner.write(plan, runs, diverged, warnings, target);
        return new RunResult(plan, runs, diverged, warnings, runner, target);
    }

    @Override
    public String toString() {
        return "run of " + name() + ": " + series();
    }

    private Set<Engine> ran() {
        Set<Engine> engines = EnumSet.noneOf(Engine.class);
        runs.forEach(run -> engines.add(run.engine()));
        return engines;
    }

    private Optional<Series> series(Engine engine) {
        return runs.stream().filter(run -> run.engine() == engine).findFirst().map(RunResult::series);
    }

    private static Series series(EngineRun run) {
        return new Series(run.engine().key(), run.trajectory(), run.wallSeconds());
    }

    private Trajectory trajectory(Engine engine) {
        return runs.stream().filter(run -> run.engine() == engine).findFirst().orElseThrow().trajectory();
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double value : values) {
            if (Double.isNaN(value)) {
                array.addNull();
            } else {
                array.add(value);
            }
        }
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
