package org.dmftlab.app.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.dmftlab.app.api.Dmftlab;
import org.dmftlab.app.api.Experiment;
import org.dmftlab.app.errors.SweepError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.experiment.RunName;
import org.dmftlab.app.experiment.YamlLimits;
import org.dmftlab.app.launch.LauncherChoice;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.ErrorCode;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * Reads a sweep file and validates it completely, every grid point included (what its engines would refuse and
 * whether they fit in the heap too), before anything runs. The format
 * (YAML):
 * <pre>
 * name: sweep-batch                 # optional; default: from the file name (RunName)
 * base: sgd-batch.yaml              # the experiment file, relative to the sweep file
 * set: {simulation.dimension: 500}  # optional; dotted keys with one value each, applied to every point
 * grid:                             # dotted keys exactly like --set; each a non-empty list of values
 *   optimizer.learning-rate: [0.05, 0.1, 0.2]
 *   optimizer.batch-fraction: [0.25, 0.5, 1.0]
 * launcher: {id: slurm}             # optional: where the points run ({@link LauncherChoice})
 * summary: {observable: test_error, step: last}   # optional: what the summary figure shows ({@link SummaryChoice})
 * </pre>
 * The points are the Cartesian product of the lists (the last key varies fastest). Values are scalars (numbers or
 * text, so plugin ids such as {@code optimizer.id: [heavy-ball, nesterov]} work). A point's experiment is the base
 * file, then the file's {@code set} block, then the command's {@code --set} overrides, then the point's values. Its folder is named
 * {@code key=value_key=value…} with the last segment of each key (the whole key when two keys share a last segment).
 * Errors are {@link InvalidInputException}s naming the sweep file, the key and the value.
 */
public final class SweepReader {

    private static final Set<String> KEYS = Set.of("name", "base", "set", "grid", LauncherChoice.KEY, "summary");
    /** Characters of a value kept in a folder name; others become '_'. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._+-]");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    private final Dmftlab lab;
    private final ExperimentReader experiments;

    /**
     * @param lab         loads each point's experiment ({@link Dmftlab#load}) and estimates its run
     *                    ({@link Experiment#estimate}); its warnings go nowhere, since the sweep prints them with the
     *                    point's folder before any point runs
     * @param experiments reads the same experiment for the time axis of its figures, which the API does not give
     */
    public SweepReader(Dmftlab lab, ExperimentReader experiments) {
        this.lab = lab.withThreads(1);
        this.experiments = experiments;
    }

    /**
     * Reads and validates a sweep file.
     *
     * @param file      the sweep file
     * @param overrides {@code --set} overrides applied to every point before its grid values
     * @param engines   the engines a point runs, given the engine blocks its experiment declares
     * @throws InvalidInputException on any invalid input, with the sweep file (and point) as source
     */
    public SweepPlan read(Path file, List<KeyOverride> overrides, UnaryOperator<Set<Engine>> engines) {
        String source = file.toString();
        JsonNode root;
        try {
            root = yaml.readTree(YamlLimits.read(file));
        } catch (InvalidInputException tooLarge) {
            throw tooLarge.withSource(source);
        } catch (JacksonException broken) {
            throw invalid(source, ConfigError.YAML_SYNTAX, null, null, "not valid YAML: "
                    + broken.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException unreadable) {
            throw invalid(source, ConfigError.UNREADABLE_FILE, null, null, "cannot read it: " + unreadable);
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, ConfigError.WRONG_TYPE, null, null, "a sweep file is a mapping with keys base, grid"
                    + " and optionally name");
        }
        try {
            YamlLimits.checkTree(root);
        } catch (InvalidInputException tooLong) {
            throw tooLong.withSource(source);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw invalid(source, ConfigError.UNKNOWN_KEY, key, root.get(key).toString(),
                        "unknown key; allowed here: base, grid, launcher, name, set, summary");
            }
        }
        String name = name(root.get("name"), file, source);
        Path base = base(root.get("base"), file, source);
        List<String> keys = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        grid(root.get("grid"), source, keys, values);
        List<String> labels = labels(keys);
        List<KeyOverride> fixed = fixed(root.get("set"), source);
        fixed.addAll(overrides);

        List<SweepPoint> points = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        for (List<String> combination : product(values)) {
            List<KeyOverride> settings = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                settings.add(new KeyOverride(keys.get(k), combination.get(k)));
                parts.add(labels.get(k) + "=" + UNSAFE.matcher(combination.get(k)).replaceAll("_"));
            }
            String folder = String.join("_", parts);
            if (!folders.add(folder)) {
                throw invalid(source, SweepError.DUPLICATE_POINT, "grid", folder, "two grid points would share this"
                        + " folder; make the values differ by more than punctuation");
            }
            List<KeyOverride> all = new ArrayList<>(fixed);
            all.addAll(settings);
            try {
                ExperimentPlan plan = experiments.read(base, all, 1);
                Experiment experiment = lab.load(base, all.stream().map(KeyOverride::toString).toArray(String[]::new));
                Set<Engine> pointEngines = engines.apply(plan.declared());
                points.add(new SweepPoint(settings, folder, experiment, plan.timeScale(), pointEngines,
                        experiment.estimate(SweepPoint.choice(pointEngines))));
            } catch (InvalidInputException invalid) {
                throw invalid.withSource(source + " (grid point " + folder + "; base " + invalid.source() + ")");
            }
        }
        SummaryChoice summary;
        try {
            summary = SummaryChoice.read(root.get("summary"), points.stream()
                    .map(point -> point.experiment().steps()).toList(), points.stream().map(SweepPoint::folder)
                    .toList());
        } catch (InvalidInputException invalid) {
            throw invalid.withSource(source);
        }
        return new SweepPlan(name, file, keys, points, LauncherChoice.block(root.get(LauncherChoice.KEY), source),
                summary);
    }

    private static String name(JsonNode given, Path file, String source) {
        if (given != null && !given.isTextual()) {
            throw invalid(source, ConfigError.WRONG_TYPE, "name", given.toString(), "a text value, usable as a"
                    + " folder name");
        }
        try {
            return RunName.of(given == null ? null : given.asText(), file, "sweep");
        } catch (InvalidInputException invalid) {
            throw invalid.withSource(source);
        }
    }

    private static Path base(JsonNode given, Path file, String source) {
        if (given == null || !given.isTextual() || given.asText().isBlank()) {
            throw invalid(source, given == null ? ConfigError.MISSING_KEY : ConfigError.WRONG_TYPE, "base",
                    given == null ? null : given.toString(), "required: the experiment file of every point, relative"
                            + " to this sweep file, e.g. base: sgd-batch.yaml");
        }
        Path base;
        try {
            base = file.toAbsolutePath().getParent().resolve(given.asText()).normalize();
        } catch (InvalidPathException notAPath) {
            throw invalid(source, ConfigError.WRONG_TYPE, "base", given.asText(), "not a path ("
                    + notAPath.getReason() + "); give the experiment file, e.g. base: sgd-batch.yaml");
        }
        if (!Files.isRegularFile(base)) {
            throw invalid(source, ConfigError.UNREADABLE_FILE, "base", given.asText(), "no such file (looked for "
                    + base + ")");
        }
        return base;
    }

    /** The {@code set} block as overrides (a block value, e.g. a plugin block, is passed in flow form). */
    private static List<KeyOverride> fixed(JsonNode set, String source) {
        List<KeyOverride> fixed = new ArrayList<>();
        if (set == null) {
            return fixed;
        }
        if (!set.isObject()) {
            throw invalid(source, ConfigError.WRONG_TYPE, "set", set.toString(), "expected a block of dotted keys with"
                    + " one value each, e.g. set: {simulation.dimension: 500}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = set.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkKey(field.getKey(), "set." + field.getKey(), source);
            JsonNode value = field.getValue();
            fixed.add(new KeyOverride(field.getKey(), value.isValueNode() ? value.asText() : value.toString()));
        }
        return fixed;
    }

    private static void checkKey(String key, String where, String source) {
        try {
            KeyOverride.parse(key + "=");
        } catch (InvalidInputException malformed) {
            throw invalid(source, ConfigError.BAD_KEY, where, null, "expected a dotted key of the experiment file"
                    + " (as for --set), e.g. optimizer.learning-rate");
        }
    }

    /** Fills {@code keys} and their {@code values} (as YAML text) from the {@code grid} block. */
    private static void grid(JsonNode grid, String source, List<String> keys, List<List<String>> values) {
        if (grid == null || !grid.isObject() || grid.isEmpty()) {
            throw invalid(source, grid == null ? ConfigError.MISSING_KEY : ConfigError.WRONG_TYPE, "grid",
                    grid == null ? null : grid.toString(), "required: a block of dotted keys (as for --set), each"
                            + " with a list of values, e.g. grid: {optimizer.learning-rate: [0.05, 0.1]}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = grid.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = "grid." + field.getKey();
            checkKey(field.getKey(), key, source);
            JsonNode list = field.getValue();
            if (!list.isArray() || list.isEmpty()) {
                throw invalid(source, ConfigError.WRONG_TYPE, key, list.toString(),
                        "expected a non-empty list of values, e.g. [0.05, 0.1, 0.2]");
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode value : list) {
                if (!value.isValueNode() || value.isNull()) {
                    throw invalid(source, ConfigError.WRONG_TYPE, key, value.toString(),
                            "each value must be a single number or text (a plugin id, say)");
                }
                if (texts.contains(value.asText())) {
                    throw invalid(source, ConfigError.DUPLICATE_VALUE, key, value.asText(), "appears twice; keep one");
                }
                texts.add(value.asText());
            }
            keys.add(field.getKey());
            values.add(texts);
        }
    }

    /** The last segment of each key, or the whole key when that segment is not unique. */
    private static List<String> labels(List<String> keys) {
        List<String> last = keys.stream().map(key -> key.substring(key.lastIndexOf('.') + 1)).toList();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            String segment = last.get(k);
            labels.add(last.stream().filter(segment::equals).count() > 1 ? keys.get(k) : segment);
        }
        return labels;
    }

    /** The Cartesian product of the lists, the last one varying fastest. */
    static List<List<String>> product(List<List<String>> lists) {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (List<String> list : lists) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : list) {
                    List<String> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static InvalidInputException invalid(String source, ErrorCode code, String key, String value,
                                                 String detail) {
        return new InvalidInputException(code, key, value, detail).withSource(source);
    }
}
