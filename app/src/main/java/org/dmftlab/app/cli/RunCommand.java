package org.dmftlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dmftlab.app.api.Dmftlab;
import org.dmftlab.app.api.EngineChoice;
import org.dmftlab.app.api.Experiment;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.app.output.PublishedRun;
import org.dmftlab.core.spi.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dmftlab run}: reads and validates an experiment file with its overrides (nothing runs before the whole
 * input is valid), warns outside the stability region of SPEC §6, runs the engines and writes the output folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an experiment: DMFT theory and simulation, side by side.",
                "The whole input (file, overrides, options) is validated before anything runs."},
        footer = {"",
                "Output, in DIR (written to a staging folder beside DIR, then put in",
                "place as a whole: DIR holds the previous results until the run is",
                "complete, and keeps them if it fails or is interrupted):",
                "  theory.csv      one row per step t = 0..T: step,m,q,M,Q,train_loss,",
                "  simulation.csv  test_loss,test_error, then the error of each: _mc (the",
                "                  theory's Monte-Carlo error) or _se (standard error over",
                "                  seeds); NaN marks an unknown value",
                "  comparison.csv  when both ran, per observable: max |theory - simulation|",
                "                  and its max over the combined error sqrt(se^2 + mc^2)",
                "  figure.png      one panel per observable",
                "  two-time.csv    with figure.two-time, one row per pair s <= t: t,s, then",
                "                  theory_C,theory_C_mc,theory_R,theory_R_mc (the theory's",
                "                  C(t,s) = w^t.w^s/d and response R(t,s)), simulation_C,",
                "                  simulation_C_se; every step for T <= 200, else every",
                "                  ceil(T/200)-th step and T",
                "  two-time.png    their heatmaps: C of both engines, their difference, R",
                "  run.json        the configuration with every default, plugin versions,",
                "                  seeds, timings, machine, warnings, the theory's quadrature",
                "                  error (a spectrum with more than K steps), the SHA-256 of",
                "                  every file above",
                "",
                "A theory solve whose error at T is above 1%% of an observable's largest",
                "value warns after it ran, naming theory.paths or theory.species and how",
                "far to raise it (SPEC 4.6).",
                "",
                "Defaults of absent keys:",
                "  figure: {time-axis: linear, time-unit: step, two-time: T <= 200}",
                "          (time-axis log: from the first update on a log axis; time-unit",
                "          eta-t: against the gradient-flow time sum_{s<t} eta_s, eta t without",
                "          a schedule; two-time: write two-time.csv and two-time.png);",
                "  optimizer schedules: {id: constant} (learning-rate-schedule,",
                "          batch-fraction-schedule, momentum-schedule: see dmftlab plugins);",
                "  name: the file name; problem.ridge: 0; problem.covariance: {id: identity};",
                "  problem.init: {overlap: 0, variance: 1};",
                "  theory: {paths: 50000, seed: 1, species: 32, mode: auto, groups: 8",
                "           (independent groups of paths: their spread is the Monte-Carlo",
                "           error, each needs >= 50 paths; each is a checkpointed unit),",
                "           response-paths: paths, capped so the responses hold 2^27 values (they",
                "           carry Gamma's lags >= 32; every path carries the shorter lags),",
                "           precision: single (how the paths' histories are stored, single or",
                "           double; sums are in double either way)};",
                "  simulation: {dimension: 2000, seeds: 8, seed: 1, precision: single}",
                "              (precision: how X is stored, single or double; sums are",
                "              in double either way).",
                "",
                "Examples:",
                "  dmftlab run examples/paper-figure.yaml",
                "  dmftlab run examples/sgd-batch.yaml --engine theory \\",
                "      --set optimizer.batch-fraction=0.5 --out runs/b05",
                "  dmftlab run examples/paper-figure.yaml --threads 1 \\",
                "      --set simulation.dimension=500",
                "  dmftlab run examples/cosine-warmup.yaml --set figure.time-unit=eta-t \\",
                "      --set optimizer.learning-rate-schedule.then.final=0.1",
                "  dmftlab run examples/two-time.yaml",
                "  dmftlab run --replay runs/paper-figure/run.json --out runs/again",
                "  dmftlab run --resume runs/paper-figure",
                "  dmftlab run examples/logistic-anisotropic.yaml --set theory.groups=40 \\",
                "      --launcher slurm --set launcher.time-limit=60",
                "",
                "Launchers: with --launcher ID (local, slurm, or a plugin's), a launcher:",
                "block in the file, or --set launcher.KEY=VALUE, every unit is a task of",
                "the launcher (dmftlab run --unit NAME --staging STAGING), saved into the",
                "staging folder; once all are saved they are merged into tables",
                "byte-identical to a run in this process. --detach returns after the",
                "submission; the same command run again collects the units (README, On a",
                "cluster).",
                "",
                "Checkpoints: every finished unit of the run (each of the theory's",
                "theory.groups groups, each simulation seed) is saved in the staging",
                "folder, and a unit in progress saves its state between two steps every",
                "checkpoint.interval (default 10m; for example --set",
                "checkpoint.interval=30s; 0 or off for never; not part of what a resume",
                "must match). Ctrl-C or kill",
                "lets the units in progress save their state at their next step (at most",
                "10 s), keeps everything saved and prints the command that resumes it;",
                "after kill -9 a unit in flight loses only the steps since its last save;",
                "dmftlab run --resume DIR computes the missing units, continues the saved",
                "states and publishes tables byte-identical to an uninterrupted run.",
                "",
                "Exit codes: 0 success; 1 failure at run time, for example divergence (the",
                "step and the observable are named); 2 invalid input (the file, key and",
                "value are named); 130 or 143 interrupted (Ctrl-C, kill)."})
final class RunCommand implements Callable<Integer> {

    /** The choice of {@code --engine}. */
    enum EngineOption {
        THEORY, SIMULATION, BOTH;

        /** The API's choice of the same name. */
        EngineChoice choice() {
            return EngineChoice.valueOf(name());
        }

        /** The engines to run; with no option, the engines whose block the file has (both if it has neither). */
        static Set<Engine> engines(EngineOption option, Set<Engine> declared) {
            if (option == null) {
                return declared.isEmpty() ? EnumSet.allOf(Engine.class) : EnumSet.copyOf(declared);
            }
            return switch (option) {
                case THEORY -> EnumSet.of(Engine.THEORY);
                case SIMULATION -> EnumSet.of(Engine.SIMULATION);
                case BOTH -> EnumSet.allOf(Engine.class);
            };
        }
    }

    /** Reads {@code --engine} in any case and lists the choices in lower case when it is wrong. */
    static final class EngineConverter implements CommandLine.ITypeConverter<EngineOption> {
        @Override
        public EngineOption convert(String value) {
            try {
                return EngineOption.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.TypeConversionException("expected theory, simulation or both");
            }
        }
    }

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT.yaml",
            description = "The experiment file (YAML; see README, section Experiment files), for example"
                    + " examples/paper-figure.yaml. Required unless --replay is given.")
    private Path file;

    @Option(names = "--replay", paramLabel = "RUN.json",
            description = "Re-run exactly the configuration recorded by an earlier run (every plugin parameter,"
                    + " seeds, sizes, engines); the tables come out byte-identical. Refused when an input file"
                    + " changed since. Not combined with EXPERIMENT.yaml, --set or --engine. For example"
                    + " --replay runs/a/run.json")
    private Path replay;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run (Ctrl-C, kill, kill -9, a lost node) whose output folder is"
                    + " DIR (its --out): the units it saved are kept, those saved part-way go on from their step,"
                    + " the others are computed, and DIR receives tables"
                    + " byte-identical to an uninterrupted run. Alone, it repeats the recorded configuration; with"
                    + " EXPERIMENT.yaml (and --set, --engine) that configuration must be the recorded one, else it is"
                    + " refused naming the first setting that differs. For example --resume runs/paper-figure")
    private Path resume;

    @Mixin
    private LauncherOption launcher;

    @Option(names = "--detach",
            description = "With a launcher whose tasks outlive this process (slurm): return once every unit is"
                    + " submitted. Run the same command again to follow, collect and publish them; units that failed"
                    + " or were lost are submitted again. The local launcher refuses it. For example --launcher slurm"
                    + " --detach")
    private boolean detach;

    @Option(names = "--unit", paramLabel = "NAME",
            description = "Compute one unit of a run (theory-G: the theory's group G, or its last unit the coarser"
                    + " quadrature's march; simulation-S: seed S) into the run's staging folder given by --staging,"
                    + " and nothing else: the task a launcher runs. For example --unit theory-3 --staging"
                    + " runs/.x.staging-4242")
    private String unit;

    @Option(names = "--staging", paramLabel = "STAGING",
            description = "With --unit: the staging folder of the run the unit belongs to (its configuration is read"
                    + " from STAGING/units/checkpoint.json).")
    private Path staging;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: runs/<name> in the current directory, <name> being the file's"
                    + " 'name:' key, else its file name; refused when it holds the results of another file of that"
                    + " name), for example --out runs/try1. An earlier run there is replaced when this one is complete;"
                    + " a folder with other files is refused, and so is a folder another dmftlab process writes.")
    private Path out;

    @Option(names = "--engine", paramLabel = "ENGINE", converter = EngineConverter.class,
            description = "theory, simulation or both (default: both when the file has both a theory: and a"
                    + " simulation: block, else the one it has; both when it has neither).")
    private EngineOption engine;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one key of the file before validation (repeatable, later ones win; dotted key,"
                    + " value in YAML). For example --set steps=20 or --set 'optimizer={id: nesterov}'")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private PluginsOption plugins;

    @Mixin
    private ThreadsOption threads;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threadCount = threads.count();
        overrides.forEach(KeyOverride::parse); // a malformed --set is refused before the plugins are loaded
        // A client of the Java API, made with this command's parts (Main.lab): the file is read, validated and run by
        // the same code as an experiment of the API.
        Dmftlab lab = main.lab(plugins.folder(), stdout).withWarnings(stderr)
                .withProgress(TerminalProgress.forTerminal(stderr)).withThreads(threadCount);
        if (unit != null) {
            return runUnit(lab);
        }
        String[] launcherKeys = overrides.stream().filter(override -> LauncherChoice.isLauncherKey(
                KeyOverride.parse(override))).toArray(String[]::new);
        boolean experimentKeys = launcherKeys.length < overrides.size();
        Experiment experiment;
        if (replay != null) {
            if (file != null || engine != null || experimentKeys || resume != null) {
                throw new InvalidInputException(CliError.CONFLICTING_OPTIONS, "--replay", replay, "repeats the recorded"
                        + " configuration exactly; give no EXPERIMENT.yaml, --set, --engine or --resume with it");
            }
            experiment = lab.replay(replay, launcherKeys);
        } else if (file == null && resume != null) {
            if (engine != null || experimentKeys) {
                throw new InvalidInputException(CliError.CONFLICTING_OPTIONS, "--resume", resume, "alone repeats the"
                        + " configuration of the interrupted run; give --set or --engine only with its"
                        + " EXPERIMENT.yaml");
            }
            experiment = lab.interrupted(resume, launcherKeys);
        } else if (file == null) {
            throw new InvalidInputException(CliError.MISSING_ARGUMENT, "EXPERIMENT.yaml", null,
                    "give an experiment file, for example dmftlab run examples/paper-figure.yaml, or --replay"
                            + " DIR/run.json");
        } else {
            experiment = lab.load(file, overrides.toArray(String[]::new));
        }
        if (resume != null && out != null) {
            throw new InvalidInputException(CliError.CONFLICTING_OPTIONS, "--out", out, "--resume DIR publishes to"
                    + " DIR, the output folder of the interrupted run; give one of them");
        }
        EngineChoice engines = engine == null ? experiment.engines() : engine.choice();
        Path target = resume != null ? resume : out != null ? out : defaultOut(experiment);
        if (launcher.given()) {
            experiment = experiment.withLauncher(launcher.id());
        }
        if (detach) {
            if (resume != null) {
                experiment.requireResumable(engines, resume);
            }
            experiment.submit(engines, target);
        } else if (resume != null) {
            experiment.resume(engines, resume);
        } else {
            experiment.run(engines, target);
        }
        return 0;
    }

    /** {@code --unit NAME --staging STAGING}: one unit of a run, the task of a launcher. */
    private int runUnit(Dmftlab lab) {
        if (staging == null) {
            throw new InvalidInputException(CliError.MISSING_ARGUMENT, "--staging", null, "--unit needs the staging"
                    + " folder of its run, for example --unit theory-3 --staging runs/.x.staging-4242");
        }
        if (file != null || replay != null || resume != null || out != null || engine != null || !overrides.isEmpty()
                || detach || launcher.given()) {
            throw new InvalidInputException(CliError.CONFLICTING_OPTIONS, "--unit", unit, "computes a unit of the run"
                    + " recorded in --staging; give only --staging, --threads and --plugins with it");
        }
        lab.runUnit(staging, unit);
        return 0;
    }

    /**
     * {@code runs/NAME}, unless it holds the results of another experiment file of the same name, which a run would
     * replace without a word (two files named {@code a.yaml} in two folders, or two files with the same
     * {@code name:}).
     *
     * @throws InvalidInputException {@code output/name-taken} naming the other file
     */
    private static Path defaultOut(Experiment experiment) {
        Path folder = Path.of("runs", experiment.name());
        Path given = experiment.file().orElseThrow();
        Path file = given.toAbsolutePath().normalize();
        PublishedRun.experimentFile(folder).filter(other -> !other.equals(file)).ifPresent(other -> {
            throw new InvalidInputException(OutputError.NAME_TAKEN, "name", experiment.name(), folder + " holds the"
                    + " results of " + other + ", another experiment file with this name; give this file another"
                    + " name: or run it with --out DIR").withSource(given.toString());
        });
        return folder;
    }
}
