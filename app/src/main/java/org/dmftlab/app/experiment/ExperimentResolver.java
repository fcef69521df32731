package org.dmftlab.app.experiment;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dmftlab.app.experiment.ExperimentDocument.CheckpointBlock;
import org.dmftlab.app.experiment.ExperimentDocument.FigureBlock;
import org.dmftlab.app.experiment.ExperimentDocument.InitBlock;
import org.dmftlab.app.experiment.ExperimentDocument.ProblemBlock;
import org.dmftlab.app.experiment.ExperimentDocument.SimulationBlock;
import org.dmftlab.app.experiment.ExperimentDocument.TheoryBlock;
import org.dmftlab.app.plot.FigureOptions;
import org.dmftlab.app.plot.TimeAxis;
import org.dmftlab.app.plot.TimeUnit;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginContext;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;

/**
 * Validates an {@link ExperimentDocument} completely and builds its {@link ExperimentPlan}: required keys,
 * ranges, plugin ids and plugin parameters (through {@link PluginRegistry#find} and {@link PluginConfig#of},
 * relative paths against the experiment file's folder). The first violation is thrown as an
 * {@link InvalidInputException} with the full dotted key.
 *
 * <p>Required: {@code problem.alpha} (&gt; 0), {@code problem.teacher}, {@code problem.loss}, {@code optimizer}
 * and {@code steps} (≥ 1). Defaults for everything else:
 * <ul>
 *   <li>{@code name}: from the file name ({@link RunName}); {@code problem.ridge}: 0;
 *       {@code problem.covariance}: {@code {id: identity}}; {@code problem.init}: overlap 0, variance 1;</li>
 *   <li>{@code theory}: paths {@value #PATHS}, seed 1, species {@value #SPECIES}, mode auto, groups
 *       {@link TheorySettings#DEFAULT_GROUPS}, precision {@link TheorySettings#DEFAULT_PRECISION}, response-paths =
 *       paths as long as the per-path responses G (SPEC §4.2, T(T+1)/2 values per path) hold at most
 *       {@value #RESPONSE_VALUES} values (1 GiB in double precision, 512 MiB in single), else as many paths as
 *       fit;</li>
 *   <li>{@code simulation}: dimension {@value #DIMENSION}, seeds {@value #SEEDS}, seed 1, precision
 *       {@link SimulationSettings#DEFAULT_PRECISION} ({@code single});</li>
 *   <li>{@code figure}: time-axis linear ({@code log} suits trajectories that relax over decades of steps),
 *       time-unit step ({@code eta-t}: the gradient-flow time Σ_{s&lt;t} η_s of SPEC §2.2, on either axis),
 *       two-time true for T ≤ 200 (the two-time functions of SPEC §3.1 in {@code two-time.csv} and
 *       {@code two-time.png}), else false;</li>
 *   <li>{@code checkpoint}: interval {@value #CHECKPOINT_INTERVAL} (how often a unit in progress saves its state;
 *       {@link #checkpointInterval}).</li>
 * </ul>
 */
final class ExperimentResolver {

    static final int PATHS = 50_000;
    static final int SPECIES = 32;
    /** 2²⁷: the most response values the default response paths hold together. */
    static final int RESPONSE_VALUES = 1 << 27;
    static final int DIMENSION = 2000;
    /**
     * The default {@code checkpoint.interval}: a save writes about a unit's working memory (a theory group's response
     * and Cholesky triangles, a seed's iterates), seconds at most next to ten minutes of computing, and a run killed
     * without warning ({@code kill -9}, a node lost) loses at most that much of each unit in flight.
     */
    static final String CHECKPOINT_INTERVAL = "10m";
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(s|m|h)");
    static final int SEEDS = 8;
    static final long SEED = 1;
    /** The name of an experiment without a name and without a file name to take one from. */
    static final String UNNAMED = "experiment";

    private static final Range AT_LEAST_ONE = Range.atLeast(1);

    private final PluginRegistry registry;
    private final Path baseDirectory;

    /**
     * @param registry      the plugins known to this run
     * @param baseDirectory the experiment file's folder, against which plugin paths are resolved
     */
    ExperimentResolver(PluginRegistry registry, Path baseDirectory) {
        this.registry = registry;
        this.baseDirectory = baseDirectory;
    }

    /**
     * @param document  the bound file, overrides applied
     * @param file      the experiment file (its name is the default experiment name), null for one built in code
     * @param overrides the overrides that were applied, for the record
     * @param declared  the engines whose block the file has
     * @param threads   worker threads for both engines
     */
    ExperimentPlan resolve(ExperimentDocument document, Path file, List<KeyOverride> overrides, Set<Engine> declared,
                           int threads) {
        List<PluginChoice> plugins = new ArrayList<>();
        String name = RunName.of(document.name(), file == null ? Path.of(UNNAMED) : file, UNNAMED);
        ProblemBlock problemBlock = required(document.problem(), "problem",
                "a block with alpha, ridge, teacher, loss, covariance, init");
        double alpha = real(problemBlock.alpha(), "problem.alpha", null, Range.positive());
        double ridge = real(problemBlock.ridge(), "problem.ridge", 0.0, Range.nonNegative());
        int steps = integer(required(document.steps(), "steps", "the number of updates T"), "steps", AT_LEAST_ONE);
        PluginContext context = registry.context(baseDirectory, steps);
        Teacher teacher = plugin(PluginFamily.TEACHER, "problem.teacher", problemBlock.teacher(), null, context,
                plugins);
        Loss loss = plugin(PluginFamily.LOSS, "problem.loss", problemBlock.loss(), null, context, plugins);
        Covariance covariance = plugin(PluginFamily.COVARIANCE, "problem.covariance", problemBlock.covariance(),
                Map.of("id", "identity"), context, plugins);
        InitBlock init = problemBlock.init() == null ? new InitBlock(null, null) : problemBlock.init();
        double overlap = real(init.overlap(), "problem.init.overlap", 0.0, Range.anyReal());
        double variance = real(init.variance(), "problem.init.variance", 1.0, Range.nonNegative());
        UpdateRule rule = plugin(PluginFamily.OPTIMIZER, "optimizer", document.optimizer(), null, context, plugins);

        FigureOptions figure = figure(document.figure(), steps);
        Experiment experiment;
        try {
            experiment = new Experiment(new Problem(alpha, ridge, teacher, loss, covariance, overlap, variance), rule,
                    steps);
        } catch (RefusedInputException refused) {
            throw InputKeys.keyed(refused, plugins);
        }
        return new ExperimentPlan(name, file, overrides, figure.twoTime() ? experiment.withTwoTimeFunctions()
                : experiment, plugins, theory(document.theory(), steps, threads),
                simulation(document.simulation(), experiment.problem(), threads), declared, figure,
                checkpointInterval(document.checkpoint() == null ? null : document.checkpoint().interval()));
    }

    private static TheorySettings theory(TheoryBlock block, int steps, int threads) {
        TheoryBlock given = block == null ? new TheoryBlock(null, null, null, null, null, null, null) : block;
        int paths = integer(given.paths() == null ? PATHS : given.paths(), "theory.paths", AT_LEAST_ONE);
        int species = integer(given.species() == null ? SPECIES : given.species(), "theory.species", AT_LEAST_ONE);
        int groups = integer(given.groups() == null ? TheorySettings.DEFAULT_GROUPS : given.groups(), "theory.groups",
                Range.atLeast(TheoryEngine.MIN_GROUPS));
        int responsePaths = given.responsePaths() == null ? defaultResponsePaths(paths, steps, groups)
                : integer(given.responsePaths(), "theory.response-paths", AT_LEAST_ONE);
        if (responsePaths > paths) {
            throw new InvalidInputException(ConfigError.INVALID_COMBINATION, "theory.response-paths", responsePaths,
                    "must be at most theory.paths = " + paths + " (the responses are carried by a sub-population)");
        }
        long seed = given.seed() == null ? SEED : given.seed();
        Precision precision = choice(given.precision(), "theory.precision",
                Precision.values(), ExperimentResolver::precisionKey, TheorySettings.DEFAULT_PRECISION);
        return new TheorySettings(paths, seed, species, responsePaths, mode(given.mode()), threads, groups,
                precision);
    }

    /**
     * All paths carry responses while their T(T+1)/2 values each fit in {@link #RESPONSE_VALUES}, and never fewer than
     * the solve needs (one per group; the memory estimate judges those).
     */
    static int defaultResponsePaths(int paths, int steps, int groups) {
        long valuesPerPath = (long) steps * (steps + 1) / 2;
        long affordable = RESPONSE_VALUES / valuesPerPath;
        return (int) Math.min(paths, Math.max(groups, affordable));
    }

    private static TheorySettings.Mode mode(String given) {
        return choice(given, "theory.mode", TheorySettings.Mode.values(), ExperimentResolver::modeKey,
                TheorySettings.Mode.AUTO);
    }

    private static FigureOptions figure(FigureBlock block, int steps) {
        FigureBlock given = block == null ? new FigureBlock(null, null, null) : block;
        return new FigureOptions(
                choice(given.timeAxis(), "figure.time-axis", TimeAxis.values(), TimeAxis::key, TimeAxis.LINEAR),
                choice(given.timeUnit(), "figure.time-unit", TimeUnit.values(), TimeUnit::key, TimeUnit.STEP),
                given.twoTime() == null ? FigureOptions.twoTimeByDefault(steps) : given.twoTime());
    }

    /** The choice spelled {@code given}, or the fallback when absent. */
    private static <E> E choice(String given, String key, E[] choices, Function<E, String> spelling, E fallback) {
        if (given == null) {
            return fallback;
        }
        for (E choice : choices) {
            if (spelling.apply(choice).equals(given)) {
                return choice;
            }
        }
        throw new InvalidInputException(ConfigError.OUT_OF_RANGE, key, given, "must be one of "
                + Arrays.stream(choices).map(spelling).collect(Collectors.joining(", ")));
    }

    /**
     * {@code checkpoint.interval}: {@code Ns}, {@code Nm} or {@code Nh} (N may have decimals), or {@code 0} or
     * {@code off} for none (YAML reads a bare {@code off} as false, which is accepted too); absent, the default
     * {@value #CHECKPOINT_INTERVAL}.
     */
    static Duration checkpointInterval(String given) {
        String text = given == null ? CHECKPOINT_INTERVAL : given.trim();
        if (text.equals("0") || text.equals("off") || text.equals("false")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(text);
        if (matcher.matches()) {
            BigDecimal seconds = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(switch (matcher.group(2)) {
                case "h" -> 3600;
                case "m" -> 60;
                default -> 1;
            }));
            if (seconds.signum() > 0 && seconds.compareTo(BigDecimal.valueOf(366L * 24 * 3600)) <= 0) {
                return Duration.ofNanos(seconds.movePointRight(9).longValue());
            }
        }
        throw new InvalidInputException(ConfigError.OUT_OF_RANGE, "checkpoint.interval", given, "must be a duration"
                + " such as 30s, 10m or 1h (how often a unit in progress saves its state), or 0 or off for none");
    }

    /** The experiment-file spelling of a checkpoint interval: {@code off}, or seconds, minutes or hours. */
    static String checkpointIntervalKey(Duration interval) {
        if (interval.isZero()) {
            return "off";
        }
        long seconds = interval.getSeconds();
        if (interval.getNano() == 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (interval.getNano() == 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return BigDecimal.valueOf(interval.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
    }

    /** The experiment-file spelling of a mode: {@code auto}, {@code exact}, {@code monte-carlo}. */
    static String modeKey(TheorySettings.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static SimulationSettings simulation(SimulationBlock block, Problem problem, int threads) {
        SimulationBlock given = block == null ? new SimulationBlock(null, null, null, null) : block;
        int dimension = integer(given.dimension() == null ? DIMENSION : given.dimension(), "simulation.dimension",
                AT_LEAST_ONE);
        if (problem.samples(dimension) < 1) {
            throw new InvalidInputException(ConfigError.INVALID_COMBINATION, "simulation.dimension", dimension,
                    "gives n = round(alpha d) = 0 samples with problem.alpha = " + problem.alpha()
                            + "; raise the dimension");
        }
        int seeds = integer(given.seeds() == null ? SEEDS : given.seeds(), "simulation.seeds", AT_LEAST_ONE);
        long seed = given.seed() == null ? SEED : given.seed();
        return new SimulationSettings(dimension, seeds, seed, threads, precision(given.precision()));
    }

    private static Precision precision(String given) {
        if (given == null) {
            return SimulationSettings.DEFAULT_PRECISION;
        }
        for (Precision precision : Precision.values()) {
            if (precisionKey(precision).equals(given)) {
                return precision;
            }
        }
        throw new InvalidInputException(ConfigError.OUT_OF_RANGE, "simulation.precision", given,
                "must be single or double (how the data matrix X is stored; sums are in double either way)");
    }

    /** The experiment-file spelling of a precision: {@code single} or {@code double}. */
    static String precisionKey(Precision precision) {
        return precision.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Builds the product of a plugin block {@code {id: …, <parameters>}}; errors get the block's key as prefix.
     *
     * @param fallback the block used when the key is absent, or null when it is required
     * @param context  the experiment's folder, horizon and schedules
     * @param chosen   receives the plugin chosen and then the schedules nested in it, for the record of the run
     */
    private <P> P plugin(PluginFamily<? extends PluginProvider<P>> family, String key, Map<String, Object> block,
                         Map<String, Object> fallback, PluginContext context, List<PluginChoice> chosen) {
        Map<String, Object> given = block == null ? fallback : block;
        required(given, key, "a " + family + " block {id: <" + family + " id>, <parameter>: <value>, …}");
        PluginDescriptor<? extends PluginProvider<P>> descriptor;
        PluginConfig config;
        P product;
        try {
            String id = PluginConfig.blockId(given, family.name());
            descriptor = registry.find(family, id);
            Map<String, Object> parameters = new LinkedHashMap<>(given);
            parameters.remove("id");
            config = PluginConfig.of(id, descriptor.parameters(), parameters, context);
            product = registry.create(descriptor, config);
        } catch (InvalidInputException invalid) {
            throw invalid.withKeyPrefix(key);
        }
        record(key, descriptor, config, chosen);
        return product;
    }

    /**
     * Adds a chosen plugin, with the files its PATH parameters name, and then, under {@code key.<parameter>}, each
     * schedule nested in its parameters (found again in the registry, by the id its config carries).
     */
    private void record(String key, PluginDescriptor<?> descriptor, PluginConfig config, List<PluginChoice> chosen) {
        List<InputFile> inputs = new ArrayList<>();
        for (Parameter parameter : descriptor.parameters()) {
            if (parameter.type() == Parameter.Type.PATH) {
                try {
                    inputs.add(InputFile.of(parameter.name(), config.path(parameter.name())).under(key));
                } catch (InvalidInputException unreadable) {
                    throw unreadable.withKeyPrefix(key);
                }
            }
        }
        chosen.add(new PluginChoice(key, descriptor, config, inputs));
        config.nested().forEach((parameter, nested) -> record(key + "." + parameter,
                registry.find(PluginFamily.SCHEDULE, nested.pluginId()), nested, chosen));
    }

    private static <V> V required(V value, String key, String what) {
        if (value == null) {
            throw new InvalidInputException(ConfigError.MISSING_KEY, key, null, "required: " + what);
        }
        return value;
    }

    /** A real value, or the fallback when absent (null fallback: required); must lie in {@code allowed}. */
    private static double real(Double given, String key, Double fallback, Range allowed) {
        double value = given == null ? required(fallback, key, ("a real " + describe(allowed)).trim()) : given;
        if (!allowed.contains(value)) {
            throw new InvalidInputException(ConfigError.OUT_OF_RANGE, key, value, ("must be a finite real "
                    + describe(allowed)).trim());
        }
        return value;
    }

    private static int integer(int value, String key, Range allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidInputException(ConfigError.OUT_OF_RANGE, key, value, "must be an integer "
                    + describe(allowed));
        }
        return value;
    }

    /** {@code > 0}, {@code in [0, 1]}, or nothing for any real. */
    private static String describe(Range range) {
        String text = range.toString();
        if (text.equals(Range.anyReal().toString())) {
            return "";
        }
        return text.startsWith("(") || text.startsWith("[") ? "in " + text : text;
    }
}
