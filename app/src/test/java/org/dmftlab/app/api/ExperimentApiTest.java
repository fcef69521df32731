package org.dmftlab.app.api;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.core.problem.DivergedException;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.spi.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API against the command line: an experiment built in code gives byte for byte the tables of the same
 * experiment written as a file and run by {@code dmftlab run}; objects written in code (a loss, a schedule, a
 * covariance) take the place of plugins; results come back typed, as a table and as JSON.
 */
class ExperimentApiTest {

    /** The tables of a run: each must be byte-identical between the file and the code. */
    private static final List<String> TABLES = List.of("theory.csv", "simulation.csv", "comparison.csv",
            "two-time.csv");

    @TempDir
    static Path dir;

    private static Dmftlab lab;

    @BeforeAll
    static void quietLab() {
        lab = Dmftlab.create().withThreads(2).withWarnings(new PrintWriter(new StringWriter()));
    }

    /** CONFIG_A of {@link TestExperiments}, key by key. */
    private static ExperimentBuilder configA() {
        return lab.experiment("config-a")
                .alpha(3.0).ridge(0.5)
                .teacher("linear", Map.of("noise", 0.0))
                .loss("square")
                .covariance("identity")
                .init(0.2, 1.0)
                .optimizer("sgd", Map.of("learning-rate", 0.1, "batch-fraction", 1.0))
                .steps(5)
                .theory(Map.of("paths", 2000, "seed", 3))
                .simulation(Map.of("dimension", 100, "seeds", 2, "seed", 5));
    }

    @Test
    void anExperimentBuiltInCodeGivesTheTablesOfTheSameFileByteForByte() throws IOException {
        Path file = TestExperiments.write(dir, "config-a.yaml", CONFIG_A);
        Path fromFile = dir.resolve("from-file");
        TestExperiments.Outcome cli = TestExperiments.dmftlab("run", file.toString(), "--out", fromFile.toString(),
                "--threads", "2");
        assertEquals(0, cli.exitCode(), cli.err());

        Path fromCode = dir.resolve("from-code");
        RunResult result = configA().build().run(EngineChoice.BOTH, fromCode);
        Path writtenLater = dir.resolve("written-later");
        configA().build().run().write(writtenLater);

        for (String table : TABLES) {
            byte[] expected = Files.readAllBytes(fromFile.resolve(table));
            assertArrayEquals(expected, Files.readAllBytes(fromCode.resolve(table)), table + " of run(engines, out)");
            assertArrayEquals(expected, Files.readAllBytes(writtenLater.resolve(table)), table + " of run().write");
        }
        assertTrue(Files.isRegularFile(fromCode.resolve("figure.png")));
        assertTrue(Files.isRegularFile(fromCode.resolve("run.json")));
        assertEquals(Path.of(fromCode.toString()), result.folder().orElseThrow());
    }

    @Test
    void aFileLoadedWithOverridesIsTheCommandLinesExperiment() throws IOException {
        Path file = TestExperiments.write(dir, "loaded.yaml", CONFIG_A);
        Path fromCli = dir.resolve("loaded-cli");
        assertEquals(0, TestExperiments.dmftlab("run", file.toString(), "--out", fromCli.toString(), "--set",
                "steps=3", "--engine", "theory").exitCode());

        Path fromApi = dir.resolve("loaded-api");
        lab.load(file, "steps=3").run(EngineChoice.THEORY, fromApi);

        assertArrayEquals(Files.readAllBytes(fromCli.resolve("theory.csv")),
                Files.readAllBytes(fromApi.resolve("theory.csv")));
    }

    /**
     * Every way into {@code dmftlab run} is a call of the API: a replay, a run whose units are tasks of a launcher
     * and a refused {@code --detach} give through the API what they give on the command line.
     */
    @Test
    void replayLauncherAndDetachAreTheCommandLinesThroughTheApi() throws IOException {
        Path file = TestExperiments.write(dir, "ways.yaml", CONFIG_A);
        Path plain = dir.resolve("ways-cli");
        assertEquals(0, TestExperiments.dmftlab("run", file.toString(), "--out", plain.toString(), "--set", "steps=3")
                .exitCode());
        Path replayed = dir.resolve("ways-replay-cli");
        assertEquals(0, TestExperiments.dmftlab("run", "--replay", plain.resolve("run.json").toString(), "--out",
                replayed.toString()).exitCode());

        Path launched = dir.resolve("ways-launched-api");
        lab.load(file, "steps=3", "launcher.retries=0").withLauncher("local").run(EngineChoice.BOTH, launched);
        Path replayedInCode = dir.resolve("ways-replay-api");
        Experiment replay = lab.replay(plain.resolve("run.json"));
        replay.run(replay.engines(), replayedInCode);

        for (String table : List.of("theory.csv", "simulation.csv", "comparison.csv")) {
            byte[] expected = Files.readAllBytes(plain.resolve(table));
            assertArrayEquals(expected, Files.readAllBytes(replayed.resolve(table)), table + " of --replay");
            assertArrayEquals(expected, Files.readAllBytes(launched.resolve(table)), table + " with a launcher");
            assertArrayEquals(expected, Files.readAllBytes(replayedInCode.resolve(table)), table + " of replay()");
        }
        InvalidInputException detached = assertThrows(InvalidInputException.class,
                () -> lab.load(file, "steps=3").submit(EngineChoice.BOTH, dir.resolve("ways-detached")));
        TestExperiments.Outcome cli = TestExperiments.dmftlab("run", file.toString(), "--set", "steps=3", "--out",
                dir.resolve("ways-detached").toString(), "--detach");
        assertEquals(cli.err().strip(), "dmftlab: " + detached.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lab.replay(plain.resolve("run.json"), "steps=4"),
                "a replay changes nothing but its launcher");
    }

    @Test
    void aKeptDivergenceIsTheResultAndTheEstimateIsWhatTheCommandLinePrints() throws IOException {
        Path file = TestExperiments.write(dir, "unstable.yaml", CONFIG_A);
        String[] unstable = {"optimizer.learning-rate=1.0", "steps=60"};
        TestExperiments.Outcome cli = TestExperiments.dmftlab("run", file.toString(), "--out",
                dir.resolve("unstable-cli").toString(), "--set", unstable[0], "--set", unstable[1]);
        assertEquals(1, cli.exitCode(), cli.err());
        StringWriter shown = new StringWriter();
        Experiment experiment = lab.withWarnings(new PrintWriter(shown)).load(file, unstable);

        Estimate estimate = experiment.estimate(EngineChoice.BOTH);
        StringWriter printed = new StringWriter();
        estimate.print(new PrintWriter(printed));
        DivergedException failed = assertThrows(DivergedException.class, experiment::run);
        RunResult kept = experiment.keepingDivergence().run();
        Path out = dir.resolve("unstable-api");
        kept.write(out);

        assertEquals(1, estimate.warnings().size(), estimate.toString());
        assertTrue(estimate.warnings().get(0).startsWith("learning rate 1 is above the full-batch stability limit"),
                estimate.toString());
        assertTrue(estimate.peakBytes() > 0 && estimate.peakBytes() <= estimate.heapBudgetBytes(), estimate.toString());
        assertTrue(cli.err().startsWith(printed.toString()), "the command line prints the estimate first: " + cli.err());
        assertEquals(printed.toString().repeat(2), shown.toString(), "each run prints it to the warnings");
        Divergence first = kept.divergence().get(0);
        assertEquals(new Divergence("theory", failed.step(), failed.observable()), first,
                "where the failing run stopped");
        assertTrue(kept.theory().isEmpty(), "the engine that diverged has no series");
        assertEquals(kept.divergence().size() == 2, kept.simulation().isEmpty(), kept.divergence().toString());
        JsonNode report = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("theory", report.path("diverged").path(0).path("engine").asText(), report.toString());
        assertEquals(first.step(), report.path("diverged").path(0).path("step").asInt(), report.toString());
        assertFalse(Files.exists(out.resolve("theory.csv")));
        assertEquals(kept.warnings(), List.of(estimate.warnings().get(0)), "recorded with the run");
    }

    @Test
    void typedResultsTableAndJsonHoldTheNumbersOfTheTables() throws IOException {
        RunResult result = configA().build().run();

        Series theory = result.theory().orElseThrow();
        Series simulation = result.simulation().orElseThrow();
        assertEquals(5, theory.steps());
        assertEquals(0.2, theory.value(Observable.OVERLAP, 0), 1e-15, "m(0) = m0");
        assertEquals(List.of(theory.engine(), simulation.engine()), List.of("theory", "simulation"));
        assertEquals(Observable.values().length, result.comparison().size());

        ResultTable table = result.table();
        assertEquals(2 * 6 * Observable.values().length, table.rows().size());
        ResultTable.Row row = table.stream().filter(r -> r.engine().equals("simulation") && r.step() == 4
                && r.observable() == Observable.TRAIN_LOSS).findFirst().orElseThrow();
        assertEquals(simulation.value(Observable.TRAIN_LOSS, 4), row.value());
        assertEquals(simulation.error(Observable.TRAIN_LOSS, 4), row.error());

        JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertEquals("config-a", json.path("name").asText());
        assertEquals(0.5, json.path("configuration").path("problem").path("ridge").asDouble());
        JsonNode q = json.path("engines").path("theory").path("observables").path("q");
        for (int t = 0; t <= 5; t++) {
            assertEquals(theory.value(Observable.NORM, t), q.path("value").get(t).asDouble());
            double error = theory.error(Observable.NORM, t);
            assertEquals(Double.isNaN(error), q.path("error").get(t).isNull());
        }
        assertEquals(result.comparison().get(0).maxAbsDifference(),
                json.path("comparison").get(0).path("max-abs-difference").asDouble());
    }

    @Test
    void inlineLossAndScheduleGiveTheNumbersOfThePluginsTheyRewrite() throws IOException {
        Path plugins = dir.resolve("plugins-run");
        Path inline = dir.resolve("inline-run");
        ExperimentBuilder standard = configA().optimizer("sgd", Map.of("learning-rate", 0.1, "batch-fraction", 1.0,
                "learning-rate-schedule", Map.of("id", "step", "milestones", List.of(3), "factor", 0.5)));
        standard.build().run(EngineChoice.SIMULATION, plugins);
        configA()
                .loss("half-square", Losses.smooth((y, r) -> 0.5 * (y - r) * (y - r), (y, r) -> r - y, (y, r) -> 1))
                .schedule("halve-at-3", (base, t, steps) -> t < 3 ? base : base * 0.5)
                .optimizer("sgd", Map.of("learning-rate", 0.1, "batch-fraction", 1.0,
                        "learning-rate-schedule", Map.of("id", "halve-at-3")))
                .build().run(EngineChoice.SIMULATION, inline);

        assertArrayEquals(Files.readAllBytes(plugins.resolve("simulation.csv")),
                Files.readAllBytes(inline.resolve("simulation.csv")));
        String report = Files.readString(inline.resolve("run.json"));
        assertTrue(report.contains("\"id\" : \"half-square\"") && report.contains("\"id\" : \"halve-at-3\""), report);
    }

    @Test
    void aProviderPassedInCodeHasItsParametersValidatedLikeAnInstalledOne() {
        ExperimentBuilder builder = configA().plugin(org.dmftlab.core.registry.PluginFamily.LOSS,
                        new ScaledSquare())
                .loss("scaled-square", Map.of("scale", -1.0));

        InvalidInputException invalid = assertThrows(InvalidInputException.class, builder::build);

        assertEquals("config/out-of-range", invalid.code());
        assertEquals("problem.loss.scale", invalid.key());
    }

    @Test
    void objectsThatBreakTheContractAreRefusedWithTheCodesOfPlugins() {
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> configA().covariance("negative", u -> -1.0).build().run(EngineChoice.SIMULATION));
        assertEquals("covariance/invalid-spectrum", negative.code());
        assertEquals("problem.covariance.id = negative", negative.key() + " = " + negative.value());

        InvalidInputException kinked = assertThrows(InvalidInputException.class, () -> configA()
                .loss("kinked", new BrokenPlugins.Kinked()).build().run(EngineChoice.THEORY));
        assertEquals("theory/unsupported-loss", kinked.code());
    }

    @Test
    void invalidInputNamesTheKeyAndSaysItWasBuiltInCode() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> lab.experiment("no-alpha").loss("square").teacher("linear")
                        .optimizer("sgd", Map.of("learning-rate", 0.1)).steps(3).build());

        assertEquals("config/missing-key", missing.code());
        assertEquals("problem.alpha", missing.key());
        assertTrue(missing.getMessage().startsWith("experiment built in code: [config/missing-key] problem.alpha:"),
                missing.getMessage());
    }

    @Test
    void anInlinePluginMayNotTakeTheIdOfAnInstalledOne() {
        InvalidInputException duplicate = assertThrows(InvalidInputException.class,
                () -> configA().loss("square", new BrokenPlugins.Kinked()).build());

        assertEquals("plugins/duplicate-id", duplicate.code());
        assertFalse(Stream.of(dir.toFile().list()).anyMatch(name -> name.startsWith(".")), "nothing left behind");
    }

    /** (scale/2)(r − y)², with a declared parameter {@code scale} > 0. */
    public static final class ScaledSquare implements org.dmftlab.core.spi.LossProvider {
        @Override
        public String id() {
            return "scaled-square";
        }

        @Override
        public String description() {
            return "square loss scaled: scale (y - r)^2 / 2";
        }

        @Override
        public List<org.dmftlab.core.spi.Parameter> parameters() {
            return List.of(org.dmftlab.core.spi.Parameter.real("scale", 1, org.dmftlab.core.spi.Range.positive(),
                    "the factor"));
        }

        @Override
        public org.dmftlab.core.spi.Loss create(org.dmftlab.core.spi.PluginConfig config) {
            double scale = config.real("scale");
            return Losses.smooth((y, r) -> scale * 0.5 * (r - y) * (r - y), (y, r) -> scale * (r - y),
                    (y, r) -> scale);
        }
    }
}
