package org.dmftlab.app.api;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dmftlab.app.ErrorCatalogue;
import org.dmftlab.app.InvalidFiles;
import org.dmftlab.app.cli.Main;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.PluginProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation error an experiment file can get, the Java API gets too, with the same code and the same message
 * (only the source differs: the file's name, or {@code experiment built in code}). Each case is an invalid file run
 * by {@code dmftlab run} (in-process) and the same content given key by key to an {@link ExperimentBuilder}; the
 * cases are the command line's validation cases ({@link InvalidFiles}) and more below. The catalogue test makes the
 * list complete: every code of every catalogue ({@link ErrorCatalogue}) is reached by a case, or is listed here as
 * one no experiment can get (with why), or as one only the file's text can get; a new code fails this test until it
 * is one of the three.
 */
class ValidationParityTest {

    /** Codes only the text of a file can get: the API builds no text. */
    private static final Map<String, String> TEXT_ONLY = Map.of(
            "config/yaml-syntax", "the text is not YAML",
            "config/duplicate-key", "a key written twice in the text of a block",
            "config/unreadable-file", "the experiment file is missing or not UTF-8 text");

    /** Codes no experiment gets: they are about the command line, the plugins installed, sweeps, output or runs. */
    private static final Map<String, String> NOT_FROM_AN_EXPERIMENT = Map.ofEntries(
            Map.entry("cli/bad-argument", "a command-line option"),
            Map.entry("cli/bad-out", "the --out option (the API's output folder: the same OutputFolder code)"),
            Map.entry("cli/bad-override", "a malformed --set (the API's set(key, …): badKeysAreRefusedAsByTheCli)"),
            Map.entry("cli/conflicting-options", "command-line options"),
            Map.entry("cli/missing-argument", "command-line arguments"),
            Map.entry("cli/out-of-range", "--threads"),
            Map.entry("config/bad-key", "a sweep's grid keys"),
            Map.entry("config/duplicate-value", "a sweep's grid values"),
            Map.entry("plugins/bad-folder", "the --plugins folder"),
            Map.entry("plugins/broken-provider", "the installed plugins"),
            Map.entry("plugins/duplicate-id", "the installed plugins (the API's inline ids: ExperimentApiTest)"),
            Map.entry("plugins/empty-family", "the installed plugins"),
            Map.entry("plugins/malformed-id", "the installed plugins"),
            Map.entry("plugins/fault", "plugin code failing at run time"),
            Map.entry("replay/changed-input", "--replay"),
            Map.entry("replay/missing-plugin", "--replay"),
            Map.entry("replay/unreadable", "--replay"),
            Map.entry("sweep/duplicate-point", "sweeps"),
            Map.entry("sweep/failed-points", "sweeps"),
            Map.entry("sweep/interrupted", "sweeps"),
            Map.entry("launcher/cannot-detach", "launchers"),
            Map.entry("launcher/interrupted", "sweep launchers"),
            Map.entry("launcher/refused", "sweep launchers"),
            Map.entry("launcher/scheduler-failed", "sweep launchers"),
            Map.entry("launcher/unavailable", "sweep launchers"),
            Map.entry("output/foreign-files", "the output folder"),
            Map.entry("output/nothing-to-resume", "run --resume"),
            Map.entry("output/checkpoint-mismatch", "run --resume"),
            Map.entry("units/failed", "a run whose units are the tasks of a launcher"),
            Map.entry("output/locked", "the output folder"),
            Map.entry("output/name-taken", "the command line's default output folder"),
            Map.entry("output/publish-failed", "the output folder"),
            Map.entry("output/read-failed", "the output folder"),
            Map.entry("output/write-failed", "the output folder"),
            Map.entry("run/diverged", "a run that fails while it runs"),
            Map.entry("run/internal-error", "a bug of dmftlab"),
            Map.entry("run/interrupted", "Ctrl-C or kill"),
            Map.entry("run/out-of-memory", "the JVM"));

    /**
     * Plugins that break their contract, or that the theory refuses, as a third party's might: installed for the file,
     * passed to the API.
     */
    private static final List<Plugin<?>> BROKEN_PLUGINS = List.of(
            new Plugin<>(PluginFamily.LOSS, InlinePlugins.loss("kinked", new BrokenPlugins.Kinked())),
            new Plugin<>(PluginFamily.COVARIANCE, InlinePlugins.covariance("negative", u -> -1.0)),
            new Plugin<>(PluginFamily.COVARIANCE, InlinePlugins.covariance("indefinite", new BrokenPlugins.Indefinite())),
            new Plugin<>(PluginFamily.COVARIANCE, InlinePlugins.covariance("no-signal", new BrokenPlugins.NoSignal())),
            new Plugin<>(PluginFamily.OPTIMIZER, InlinePlugins.optimizer("hot", new BrokenPlugins.NegativeTemperature())));

    private static final TypeReference<LinkedHashMap<String, Object>> LINKED_MAP =
            new TypeReference<>() { };
    private static final ObjectMapper STRICT_YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    @TempDir
    static Path dir;

    /** The spectrum files the cases name, in {@link #dir}. */
    @BeforeAll
    static void spectra() throws IOException {
        Files.writeString(dir.resolve("empty.csv"), "");
        Files.writeString(dir.resolve("header.csv"), "value\n1\n");
        Files.writeString(dir.resolve("value.csv"), "eigenvalue\nlarge\n");
        Files.writeString(dir.resolve("row.csv"), "eigenvalue,teacher-power\n1\n");
        Files.write(dir.resolve("latin1.csv"), new byte[] {'e', (byte) 0xe9, '\n'});
    }

    /**
     * One experiment with one mistake.
     *
     * @param what what is wrong
     * @param text the experiment file
     * @param code the error code both must get
     */
    record Case(String what, String text, String code) {
        @Override
        public String toString() {
            return what + " (" + code + ")";
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (InvalidFiles.Case file : InvalidFiles.cases()) {
            cases.add(new Case(file.what(), file.text(), file.code()));
        }
        String simulationOnly = CONFIG_A.replace("theory: {paths: 2000, seed: 3}\n", "");
        cases.addAll(List.of(
                new Case("a value over the size limit", CONFIG_A.replace("name: config-a", "name: " + "a".repeat(5000)),
                        "config/too-large"),
                new Case("a nonlinear rule for the theory", CONFIG_A.replace("{id: sgd,", "{id: sign-sgd,"),
                        "theory/nonlinear-rule"),
                new Case("exact mode where it is unavailable", CONFIG_A.replace("batch-fraction: 1.0}",
                        "batch-fraction: 0.5}").replace("seed: 3}", "seed: 3, mode: exact}"),
                        "theory/exact-unavailable"),
                new Case("too few paths", CONFIG_A.replace("paths: 2000, seed: 3}",
                        "paths: 100, seed: 3, mode: monte-carlo}"), "theory/too-few-paths"),
                new Case("a theory too large for the heap", CONFIG_A.replace("paths: 2000", "paths: 2000000000")
                        .replace("seed: 3}", "seed: 3, mode: monte-carlo}"), "theory/too-large"),
                new Case("a simulation too large for the heap", CONFIG_A.replace("dimension: 100", "dimension: 3000000"),
                        "simulation/too-large"),
                new Case("a spectrum file that is missing", spectrum("missing.csv"), "config/missing-file"),
                new Case("an empty spectrum file", spectrum("empty.csv"), "spectrum/no-rows"),
                new Case("a spectrum without its column", spectrum("header.csv"), "spectrum/bad-header"),
                new Case("a spectrum value that is no number", spectrum("value.csv"), "spectrum/bad-value"),
                new Case("a spectrum row without a cell", spectrum("row.csv"), "spectrum/bad-row"),
                new Case("a spectrum that is not UTF-8", spectrum("latin1.csv"), "spectrum/unreadable"),
                new Case("a teacher without power in the data", CONFIG_A.replace("{id: identity}",
                        "{id: no-signal}"), "theory/degenerate-teacher"),
                new Case("a loss whose derivative jumps, for the theory", CONFIG_A.replace("{id: square}",
                        "{id: kinked}"), "theory/unsupported-loss"),
                new Case("a covariance with a negative eigenvalue", simulationOnly.replace("{id: identity}",
                        "{id: negative}"), "covariance/invalid-spectrum"),
                new Case("a dense covariance that is not positive definite", simulationOnly.replace("{id: identity}",
                        "{id: indefinite}"), "covariance/not-positive-definite"),
                new Case("an update rule with a negative temperature", CONFIG_A.replace(
                        "{id: sgd, learning-rate: 0.1, batch-fraction: 1.0}", "{id: hot}"), "optimizer/invalid-rule")));
        return cases;
    }

    private static String spectrum(String file) {
        return CONFIG_A.replace("{id: identity}", "{id: spectrum-file, path: " + file + "}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theApiGetsTheCodeAndMessageOfTheFile(Case given) throws IOException {
        String file = fromFile(given);
        assertEquals(given.code(), code(file), file);
        Map<String, Object> tree;
        try {
            tree = STRICT_YAML.convertValue(STRICT_YAML.readTree(given.text()), LINKED_MAP);
        } catch (JacksonException notYaml) {
            assertTrue(TEXT_ONLY.containsKey(given.code()), "only the text can get " + given.code());
            return;
        }
        ExperimentBuilder builder = new ExperimentBuilder(lab()).baseDirectory(dir);
        BROKEN_PLUGINS.forEach(plugin -> plugin.addTo(builder));
        tree.forEach(builder::set);

        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> builder.build().run());

        assertEquals("experiment built in code", invalid.source());
        assertEquals(withoutSource(file), withoutSource(invalid.getMessage()));
    }

    @Test
    void everyCodeOfTheCatalogueIsReachedOrSaysWhyNot() {
        Set<String> reached = new TreeSet<>();
        cases().stream().map(Case::code).filter(code -> !TEXT_ONLY.containsKey(code)).forEach(reached::add);
        List<String> problems = new ArrayList<>();
        for (String code : ErrorCatalogue.codes()) {
            int homes = (reached.contains(code) ? 1 : 0) + (TEXT_ONLY.containsKey(code) ? 1 : 0)
                    + (NOT_FROM_AN_EXPERIMENT.containsKey(code) ? 1 : 0);
            if (homes != 1) {
                problems.add(code + (homes == 0 ? ": add a case that reaches it from a file, or say why none can"
                        : ": reached by a case and also listed as unreachable"));
            }
        }
        Stream.concat(TEXT_ONLY.keySet().stream(), NOT_FROM_AN_EXPERIMENT.keySet().stream())
                .filter(code -> !ErrorCatalogue.codes().contains(code))
                .forEach(code -> problems.add(code + " is listed here but no catalogue has it"));
        assertEquals(List.of(), problems);
    }

    @Test
    void badKeysAreRefusedAsByTheCli() {
        InvalidInputException malformed = assertThrows(InvalidInputException.class,
                () -> new ExperimentBuilder(lab()).set("problem..alpha", 2));
        assertEquals("cli/bad-override", malformed.code());
        InvalidInputException insideAValue = assertThrows(InvalidInputException.class,
                () -> new ExperimentBuilder(lab()).steps(3).set("steps.count", 3).build());
        assertEquals("cli/bad-override", insideAValue.code());
    }

    /** {@code dmftlab run} on the case's file, with the broken plugins installed: its one line on stderr. */
    private static String fromFile(Case given) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "case", ".yaml"), given.text());
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"run", file.toString(), "--out", dir.resolve("out").toString(),
                        "--threads", "1"}, new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(err, true),
                ValidationParityTest::withBrokenPlugins);
        assertEquals(2, exit, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        return err.toString().strip();
    }

    private static Dmftlab lab() {
        return Dmftlab.create().withWarnings(new PrintWriter(OutputStream.nullOutputStream())).withThreads(1);
    }

    /** The command line's parts with the discovered plugins plus {@link #BROKEN_PLUGINS}. */
    private static Module withBrokenPlugins(Module standard) {
        PluginRegistry.Builder plugins = PluginRegistry.builder();
        PluginRegistry discovered = PluginRegistry.discover();
        for (PluginFamily<?> family : PluginFamily.all()) {
            copy(discovered, family, plugins);
        }
        BROKEN_PLUGINS.forEach(plugin -> plugin.addTo(plugins));
        PluginRegistry registry = plugins.build();
        return Modules.override(standard).with(binder -> binder.bind(PluginRegistry.class).toInstance(registry));
    }

    private static <T extends PluginProvider<?>> void copy(PluginRegistry from, PluginFamily<T> family,
                                                           PluginRegistry.Builder to) {
        for (PluginDescriptor<T> descriptor : from.all(family)) {
            to.add(family, descriptor.provider(), descriptor.origin());
        }
    }

    /** {@code [code] key = value: detail}: the message after its source. */
    private static String withoutSource(String message) {
        return message.substring(message.indexOf(": [") + 2);
    }

    private static String code(String line) {
        return line.substring(line.indexOf(": [") + 3, line.indexOf("] "));
    }

    /** A provider of a family. */
    private record Plugin<T extends PluginProvider<?>>(PluginFamily<T> family, T provider) {

        void addTo(PluginRegistry.Builder registry) {
            registry.add(family, provider);
        }

        void addTo(ExperimentBuilder builder) {
            builder.plugin(family, provider);
        }
    }
}
