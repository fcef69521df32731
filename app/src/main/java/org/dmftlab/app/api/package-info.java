/**
 * The Java API of dmftlab: compose an experiment in code, run the DMFT theory and the finite-size simulation, and get
 * typed results, their comparison, and the command line's output folder. The command lines {@code dmftlab run} and
 * {@code dmftlab sweep} are clients of this package, so an experiment built here and the same experiment written as a YAML file are validated
 * by the same code (the same error codes and messages) and give byte-identical tables.
 *
 * <h2>The parts</h2>
 * <ul>
 *   <li>{@link org.dmftlab.app.api.Dmftlab}: the entry point: the installed plugins (plus a folder of plugin jars),
 *       where messages go, the threads;</li>
 *   <li>{@link org.dmftlab.app.api.ExperimentBuilder}: an experiment key by key, in the schema of experiment files
 *       (README, "Experiment files"); plugins by id with parameters, or as objects written in code (a
 *       {@link org.dmftlab.core.spi.Schedule} lambda, {@link org.dmftlab.app.api.Losses#smooth}, any provider);</li>
 *   <li>{@link org.dmftlab.app.api.Experiment}: validated, ready to run with the theory, the simulation or both
 *       ({@link org.dmftlab.app.api.EngineChoice}), in memory or into an output folder;</li>
 *   <li>{@link org.dmftlab.app.api.RunResult}: per engine a {@link org.dmftlab.app.api.Series} (every observable
 *       of SPEC §3 per step, with its error), the {@link org.dmftlab.app.api.Comparison}, a
 *       {@link org.dmftlab.app.api.ResultTable} in long form, the whole run as JSON, and
 *       {@link org.dmftlab.app.api.RunResult#write} for the output folder ({@code theory.csv},
 *       {@code simulation.csv}, {@code comparison.csv}, {@code figure.png}, {@code run.json});</li>
 *   <li>{@link org.dmftlab.app.api.Estimate}: the pre-flight of a run before it starts
 *       ({@link org.dmftlab.app.api.Experiment#estimate}): peak memory, the heap budget, notes on a large or long
 *       run, the warnings; {@link org.dmftlab.app.api.Divergence}: where a run of
 *       {@link org.dmftlab.app.api.Experiment#keepingDivergence} blew up, kept as its result.</li>
 * </ul>
 *
 * <h2>The command line, option by option</h2>
 * {@code dmftlab run} parses its options and calls this package, nothing else:
 * <ul>
 *   <li>{@code EXPERIMENT.yaml --set KEY=VALUE}: {@link org.dmftlab.app.api.Dmftlab#load}
 *       ({@code --set launcher.KEY=VALUE} included); {@code --plugins DIR}, {@code --threads N}:
 *       {@link org.dmftlab.app.api.Dmftlab#create(java.nio.file.Path)},
 *       {@link org.dmftlab.app.api.Dmftlab#withThreads};</li>
 *   <li>{@code --engine}, {@code --out DIR}: {@link org.dmftlab.app.api.Experiment#run(org.dmftlab.app.api.EngineChoice,
 *       java.nio.file.Path)}, which saves every finished unit as it goes;</li>
 *   <li>{@code --replay RUN.json}: {@link org.dmftlab.app.api.Dmftlab#replay}; {@code --resume DIR}:
 *       {@link org.dmftlab.app.api.Experiment#resume}, of {@link org.dmftlab.app.api.Dmftlab#interrupted} when no
 *       file is given;</li>
 *   <li>{@code --launcher ID}: {@link org.dmftlab.app.api.Experiment#withLauncher}; {@code --detach}:
 *       {@link org.dmftlab.app.api.Experiment#submit}; {@code --unit NAME --staging STAGING} (a launcher's task):
 *       {@link org.dmftlab.app.api.Dmftlab#runUnit}.</li>
 * </ul>
 * What stays on the command line: parsing, the default folder {@code runs/NAME}, the progress bar on the terminal,
 * exit codes, and installing the shutdown hook, which calls {@link org.dmftlab.app.api.Dmftlab#stopInProgress}
 * (units in progress save their state; folders being written keep their earlier results).
 *
 * <p>{@code dmftlab sweep} loads each grid point with {@link org.dmftlab.app.api.Dmftlab#load} (the grid's values as
 * overrides), prints each point's {@link org.dmftlab.app.api.Experiment#estimate} with its folder and runs as many
 * points at once as their peak memory allows, and runs each point, here or as a launcher's task, as
 * {@code experiment.keepingDivergence().run(engines).write(folder)}: a point that diverges is a result, marked in the
 * summary and the phase diagram. The grid, the summary and the figures are the sweep's own.
 *
 * <p>Invalid input throws {@link org.dmftlab.core.spi.InvalidInputException} (its {@code code()}, {@code key()},
 * {@code value()} as the command line prints them); a failed run throws
 * {@link org.dmftlab.core.spi.DmftlabException} ({@code run/diverged}, {@code plugins/fault}, …).
 *
 * <h2>A complete example</h2>
 * SGD on the square loss with a custom learning-rate schedule and an inline loss, both engines, then a loop over the
 * learning rate that stops as soon as the final test error stops improving, and the best run's output folder:
 * <pre>{@code
 * import java.nio.file.Path;
 * import java.util.Map;
 * import org.dmftlab.app.api.*;
 * import org.dmftlab.core.problem.Observable;
 *
 * Dmftlab lab = Dmftlab.create().withThreads(2);
 * ExperimentBuilder builder = lab.experiment("lr-scan")
 *         .alpha(3).ridge(0.5)
 *         .teacher("linear", Map.of("noise", 0.0))
 *         .loss("half-square", Losses.smooth((y, r) -> 0.5 * (r - y) * (r - y), (y, r) -> r - y, (y, r) -> 1))
 *         .schedule("halving", (base, t, steps) -> t < steps / 2 ? base : base / 2)
 *         .optimizer("sgd", Map.of("learning-rate", 0.1, "batch-fraction", 0.5,
 *                 "learning-rate-schedule", Map.of("id", "halving")))
 *         .steps(40)
 *         .theory(Map.of("paths", 4000, "seed", 1))
 *         .simulation(Map.of("dimension", 400, "seeds", 4, "seed", 1));
 *
 * double bestRate = 0, bestError = Double.POSITIVE_INFINITY;
 * for (double rate = 0.05; rate < 1; rate *= 1.5) {
 *     RunResult run = builder.set("optimizer.learning-rate", rate).build().run(EngineChoice.THEORY);
 *     double error = run.theory().orElseThrow().last(Observable.TEST_ERROR);
 *     if (error >= bestError) {
 *         break;                                         // our own stopping rule
 *     }
 *     bestRate = rate;
 *     bestError = error;
 * }
 * RunResult checked = builder.set("optimizer.learning-rate", bestRate).build()
 *         .run(EngineChoice.BOTH, Path.of("runs/lr-scan"));   // theory.csv, simulation.csv, figure.png, ...
 * checked.comparison().forEach(System.out::println);
 * System.out.println(checked.toJson());
 *
 * // a phase diagram: where does SGD blow up? a divergence is a result, not a failure
 * for (double fraction : new double[] {0.25, 0.5, 1}) {
 *     for (double rate : new double[] {0.1, 0.3, 0.5}) {
 *         Experiment point = builder.set("optimizer.learning-rate", rate)
 *                 .set("optimizer.batch-fraction", fraction).build();
 *         Estimate estimate = point.estimate(EngineChoice.THEORY);   // memory, time, warnings; before it runs
 *         RunResult run = point.keepingDivergence().run(EngineChoice.THEORY);
 *         System.out.println(fraction + " " + rate + " " + (run.divergence().isEmpty()
 *                 ? run.theory().orElseThrow().last(Observable.TEST_ERROR) : run.divergence().get(0)));
 *     }
 * }
 * }</pre>
 *
 * <p>Plugins of the module path are found with {@link java.util.ServiceLoader} as for the command line; on the class
 * path (JShell, a notebook) too. See {@code examples/java-api/} for a Maven project and a JShell script.
 *
 * @since 0.1.0
 */
package org.dmftlab.app.api;
