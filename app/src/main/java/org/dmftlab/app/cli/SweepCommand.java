package org.dmftlab.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.app.sweep.SweepPlan;
import org.dmftlab.app.sweep.SweepPoint;
import org.dmftlab.app.sweep.SweepReader;
import org.dmftlab.app.sweep.SweepRunner;
import org.dmftlab.core.registry.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dmftlab sweep}: runs one experiment over a grid of parameter values (see {@link SweepReader} for the file),
 * every point validated before any runs, points in parallel, resumable, with a summary table and plot.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Run an experiment over a grid of parameter values.",
                "Points run in parallel. Every grid point is validated before anything",
                "runs. Re-running the same command skips the points already complete",
                "(their run.json matches and their files are whole)."},
        footer = {"",
                "Sweep file (YAML):",
                "  name: sweep-batch        # optional; default: the file name",
                "  base: sgd-batch.yaml     # experiment file, relative to the sweep file",
                "  set:                     # optional: keys set for every point",
                "    simulation.dimension: 500",
                "  grid:                    # dotted keys as for --set, lists of values",
                "    optimizer.learning-rate: [0.05, 0.1, 0.2]",
                "    optimizer.batch-fraction: [0.25, 0.5, 1.0]",
                "  launcher: {id: local, retries: 1}   # optional: where the points run",
                "  summary: {observable: test_error, step: last}   # optional: what",
                "                           # summary.png shows (step: last or 0..T)",
                "Values may be text too, for example optimizer.id: [sgd, nesterov].",
                "",
                "Each point is a task of the launcher (--launcher, else the file's",
                "launcher: block, else local: threads of this process; slurm: Slurm",
                "job arrays, see README, On a cluster). Its parameters are set with",
                "--set launcher.KEY=VALUE and validated before anything runs; 'dmftlab",
                "plugins' lists every launcher with its parameters. A task that ends",
                "without its point's run.json is run again up to launcher.retries times.",
                "",
                "Output, in DIR (a second sweep into DIR is refused while this one runs):",
                "  <key>=<value>_.../  one folder per point, as written by 'dmftlab run'",
                "                      (published whole; complete when its files match",
                "                      the SHA-256 its run.json records). A point whose",
                "                      run diverged is published too, as its result: its",
                "                      run.json lists under diverged the engine, step and",
                "                      observable, and that engine has no table; its task",
                "                      succeeds, so it is never run again",
                "  summary.csv         one row per point, rewritten as points finish:",
                "                      the grid values, folder, status (complete,",
                "                      diverged, failed or pending), reason (why it failed",
                "                      or diverged), diverged_at (the step), then in this",
                "                      order, for theory then simulation:",
                "                      <engine>_<observable>_at_<step> (the summary block's",
                "                      choice, when its step is not last),",
                "                      <engine>_final_<observable> (t = T) for m, q, M, Q,",
                "                      train_loss, test_loss, test_error;",
                "                      <engine>_best_<observable> (minimum over t) for",
                "                      train_loss, test_loss, test_error; and when both",
                "                      engines ran, distance_<observable>, then",
                "                      max_abs_difference_<observable> (comparison.csv);",
                "                      NaN where a point has no value",
                "  summary.png         the summary block's observable at its step (default",
                "                      summary: {observable: test_error, step: last}):",
                "                      with two grid keys a phase diagram, one heatmap per",
                "                      engine, values written in the cells (up to 8",
                "                      columns), a diverged point marked with its step; else",
                "                      against the first grid key, one curve per value of",
                "                      the other keys, a cross marking a failed or diverged",
                "                      point. A diverged point does not fail the sweep",
                "  trajectories.png    with one grid key: every point's trajectories in one",
                "                      figure, on each point's own time axis (figure.time-unit",
                "                      eta-t: against eta t, where runs at small learning rates",
                "                      collapse onto gradient flow)",
                "",
                "Examples:",
                "  dmftlab sweep examples/sweep-batch.yaml",
                "  dmftlab sweep examples/sweep-batch.yaml --threads 2 --out runs/sb \\",
                "      --set steps=20",
                "  dmftlab sweep examples/sweep-batch.yaml --set launcher.retries=1",
                "  dmftlab sweep examples/sweep-batch.yaml --launcher slurm \\",
                "      --set launcher.partition=short --set launcher.time-limit=30",
                "  dmftlab sweep examples/gradient-flow.yaml",
                "  dmftlab sweep examples/phase-diagram.yaml",
                "",
                "Exit codes: 0 success, diverged points included; 1 a point failed at run",
                "time (the others and the summary are still written); 2 invalid input",
                "(file, key and value named)."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "SWEEP.yaml",
            description = "The sweep file, for example examples/sweep-batch.yaml.")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: runs/<name>, <name> being the sweep's 'name:' key or file name),"
                    + " for example --out runs/sweep1. Complete points already there are kept.")
    private Path out;

    @Option(names = "--engine", paramLabel = "ENGINE", converter = RunCommand.EngineConverter.class,
            description = "theory, simulation or both, for every point (default: as for 'dmftlab run', from the"
                    + " base file's blocks).")
    private RunCommand.EngineOption engine;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one key of the base experiment for every point, after the file's set: block and"
                    + " before the grid values"
                    + " (repeatable), for example --set steps=20; or one parameter of the launcher, for example"
                    + " --set launcher.retries=1.")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--point", paramLabel = "FOLDER",
            description = "Run only the grid point with this folder name, and no summary: the task a launcher runs"
                    + " for one point, for example --point learning-rate=0.1_batch-fraction=0.5.")
    private String point;

    @Option(names = "--detach",
            description = "Return once every point is submitted, leaving them to the launcher's scheduler (slurm; the"
                    + " local launcher refuses it). Run the same command again, with or without --detach, to see how"
                    + " many are left, resubmit failed ones and, once none runs, write the summary.")
    private boolean detach;

    @Mixin
    private LauncherOption launcher;

    @Mixin
    private PluginsOption plugins;

    @Mixin
    private ThreadsOption threads;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threadCount = threads.count();
        List<KeyOverride> parsed = overrides.stream().map(KeyOverride::parse).toList();
        List<KeyOverride> experiment = parsed.stream().filter(override -> !LauncherChoice.isLauncherKey(override))
                .toList();
        Injector injector = main.injector(plugins.folder(), stdout);
        SweepPlan plan = injector.getInstance(SweepReader.class).read(file, experiment,
                declared -> RunCommand.EngineOption.engines(engine, declared));
        Path folder = out != null ? out : Path.of("runs", plan.name());
        if (point != null) {
            injector.getInstance(SweepRunner.class).runPoint(plan, folder, point);
            return 0;
        }
        LauncherChoice chosen = launcher.choose(injector.getInstance(PluginRegistry.class), plan.launcher(), file,
                parsed);
        for (SweepPoint point : plan.points()) {
            point.estimate().notes().forEach(note -> stderr.println("dmftlab: " + point.folder() + ": " + note));
            point.estimate().warnings()
                    .forEach(warning -> stderr.println("dmftlab: warning: " + point.folder() + ": " + warning));
        }
        stderr.flush();
        injector.getInstance(SweepRunner.class).run(plan, folder, threadCount, TerminalProgress.forTerminal(stderr),
                chosen.launcher(), taskOptions(experiment), detach);
        return 0;
    }

    /** The options every point's task repeats, with absolute paths: the engine, the overrides, the plugins. */
    private List<String> taskOptions(List<KeyOverride> experiment) {
        List<String> options = new ArrayList<>();
        if (engine != null) {
            options.addAll(List.of("--engine", engine.name().toLowerCase(Locale.ROOT)));
        }
        experiment.forEach(override -> options.addAll(List.of("--set", override.toString())));
        if (plugins.folder() != null) {
            options.addAll(List.of("--plugins", plugins.folder().toAbsolutePath().normalize().toString()));
        }
        return options;
    }
}
