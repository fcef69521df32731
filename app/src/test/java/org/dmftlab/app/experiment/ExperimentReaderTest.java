package org.dmftlab.app.experiment;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.output.RunReport;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.theory.TheorySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Defaults, overrides and the resolved configuration of experiment files. */
class ExperimentReaderTest {

    private static final ExperimentReader READER = new ExperimentReader(PluginRegistry.discover());

    /** Only the required keys. */
    private static final String MINIMAL = """
            problem:
              alpha: 2
              teacher: {id: sign}
              loss: {id: logistic}
            optimizer: {id: heavy-ball}
            steps: 30
            """;

    @TempDir
    Path dir;

    @Test
    void absentKeysTakeTheDocumentedDefaults() {
        ExperimentPlan plan = read(TestExperiments.write(dir, "minimal-run.yaml", MINIMAL));

        assertEquals("minimal-run", plan.name(), "name defaults to the file name");
        assertEquals(0.0, plan.experiment().problem().ridge());
        assertEquals(0.0, plan.experiment().problem().initOverlap());
        assertEquals(1.0, plan.experiment().problem().initVariance());
        assertEquals(new TheorySettings(50_000, 1, 32, 50_000, TheorySettings.Mode.AUTO, 2), plan.theory());
        assertEquals(2000, plan.simulation().dimension());
        assertEquals(8, plan.simulation().seeds());
        assertEquals(1, plan.simulation().seed());
        assertEquals(Precision.SINGLE, plan.simulation().precision());
        assertEquals(Set.of(), plan.declared());
        assertEquals(List.of("problem.teacher", "problem.loss", "problem.covariance", "optimizer",
                "optimizer.learning-rate-schedule", "optimizer.batch-fraction-schedule", "optimizer.momentum-schedule"),
                plan.plugins().stream().map(PluginChoice::key).toList());
        assertEquals("constant", plan.plugins().get(4).descriptor().id(), "absent schedules are constant");
        assertEquals("identity", plan.plugins().get(2).descriptor().id());
    }

    @Test
    void twoTimeFunctionsAreRecordedByDefaultUpToTwoHundredSteps() {
        Path file = TestExperiments.write(dir, "minimal-run.yaml", MINIMAL);

        ExperimentPlan short200 = READER.read(file, List.of(KeyOverride.parse("steps=200")), 1);
        ExperimentPlan long201 = READER.read(file, List.of(KeyOverride.parse("steps=201")), 1);
        ExperimentPlan asked = READER.read(file, List.of(KeyOverride.parse("steps=201"),
                KeyOverride.parse("figure.two-time=true")), 1);
        ExperimentPlan declined = READER.read(file, List.of(KeyOverride.parse("figure.two-time=false")), 1);

        assertTrue(short200.figure().twoTime() && short200.experiment().twoTimeGrid().isPresent());
        assertEquals(201, short200.experiment().twoTimeGrid().orElseThrow().size(), "every step up to T = 200");
        assertFalse(long201.figure().twoTime() || long201.experiment().twoTimeGrid().isPresent());
        assertEquals(List.of(0, 2, 4), IntStream.range(0, 3).map(asked.experiment().twoTimeGrid().orElseThrow()::step)
                .boxed().toList(), "stride 2 beyond T = 200");
        assertFalse(declined.experiment().twoTimeGrid().isPresent());
    }

    @Test
    void twoTimeMustBeTrueOrFalse() {
        Path file = TestExperiments.write(dir, "minimal-run.yaml", MINIMAL);

        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> READER.read(file, List.of(KeyOverride.parse("figure.two-time=often")), 1));

        assertTrue(error.getMessage().contains("figure.two-time") && error.getMessage().contains("often")
                && error.getMessage().contains("true or false"), error.getMessage());
    }

    @Test
    void defaultResponsePathsKeepTheResponsesWithinTheMemoryBudget() {
        assertEquals(50_000, ExperimentResolver.defaultResponsePaths(50_000, 50, 8));
        int atTwoHundred = ExperimentResolver.defaultResponsePaths(50_000, 200, 8);
        assertTrue(atTwoHundred < 50_000, "capped at T = 200");
        double gib = (double) atTwoHundred * 200 * 201 / 2 * Double.BYTES / (1 << 30);
        assertTrue(gib <= 1 && gib > 0.99, "fills about 1 GiB: " + gib);
        assertEquals(1, ExperimentResolver.defaultResponsePaths(1, 10_000, 8));
    }

    @Test
    void emptyEngineBlockDeclaresTheEngineWithDefaults() {
        ExperimentPlan plan = read(TestExperiments.write(dir, "t.yaml", MINIMAL + "theory:\n"));

        assertEquals(Set.of(Engine.THEORY), plan.declared());
        assertEquals(50_000, plan.theory().paths());
    }

    @Test
    void overridesReplaceValuesAndLaterOnesWin() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);

        ExperimentPlan plan = READER.read(file, List.of(KeyOverride.parse("problem.alpha=2"),
                KeyOverride.parse("steps=7"), KeyOverride.parse("problem.alpha=2.5")), 1);

        assertEquals(2.5, plan.experiment().problem().alpha());
        assertEquals(7, plan.experiment().steps());
        assertEquals(List.of("problem.alpha=2", "steps=7", "problem.alpha=2.5"),
                plan.overrides().stream().map(KeyOverride::toString).toList());
    }

    @Test
    void overrideCreatesMissingBlocks() {
        ExperimentPlan plan = READER.read(TestExperiments.write(dir, "m.yaml", MINIMAL),
                List.of(KeyOverride.parse("simulation.dimension=300"), KeyOverride.parse("problem.init.overlap=0.5")), 1);

        assertEquals(Set.of(Engine.SIMULATION), plan.declared());
        assertEquals(300, plan.simulation().dimension());
        assertEquals(0.5, plan.experiment().problem().initOverlap());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"SIMULATION", "THEORY"})
    void precisionIsSingleOrDouble(Engine engine) {
        String block = engine == Engine.THEORY ? "theory" : "simulation";
        Path file = TestExperiments.write(dir, "m.yaml", MINIMAL);
        ExperimentPlan plan = READER.read(file, List.of(KeyOverride.parse(block + ".precision=double")), 1);
        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> READER.read(file, List.of(KeyOverride.parse(block + ".precision=half")), 1));

        assertEquals("DOUBLE", engine == Engine.THEORY ? plan.theory().precision().name()
                : plan.simulation().precision().name());
        assertEquals("double", block(plan.resolvedConfiguration(EnumSet.of(engine)), block).get("precision"));
        assertEquals(block + ".precision", invalid.key());
        assertEquals("half", invalid.value());
        assertEquals("config/out-of-range", invalid.code());
    }

    @Test
    void overrideWithAFlowBlockReplacesAPlugin() {
        ExperimentPlan plan = READER.read(TestExperiments.write(dir, "a.yaml", CONFIG_A),
                List.of(KeyOverride.parse("optimizer={id: nesterov, momentum: 0.9}")), 1);

        Map<String, Object> optimizer = block(plan.resolvedConfiguration(EnumSet.noneOf(Engine.class)), "optimizer");
        assertEquals("nesterov", optimizer.get("id"));
        assertEquals(0.9, optimizer.get("momentum"));
        assertEquals(0.1, optimizer.get("learning-rate"), "the plugin's default");
    }

    @Test
    void overrideValueIsParsedAsYaml() {
        ExperimentPlan plan = READER.read(TestExperiments.write(dir, "a.yaml", CONFIG_A),
                List.of(KeyOverride.parse("theory.mode=monte-carlo"), KeyOverride.parse("name=other")), 1);

        assertEquals(TheorySettings.Mode.MONTE_CARLO, plan.theory().mode());
        assertEquals("other", plan.name());
    }

    @Test
    void theCheckpointIntervalIsADurationThatIsNotPartOfTheFingerprint() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Map<String, String> spelled = new LinkedHashMap<>();
        spelled.put("30s", "30s");
        spelled.put("0.5s", "0.5s");
        spelled.put("90m", "90m");
        spelled.put("120m", "2h");
        spelled.put("0", "off");
        spelled.put("off", "off");
        spelled.put("1.5h", "90m");
        String fingerprint = null;
        for (Map.Entry<String, String> entry : spelled.entrySet()) {
            ExperimentPlan plan = READER.read(file, List.of(KeyOverride.parse("checkpoint.interval=" + entry.getKey())),
                    1);
            assertEquals(Map.of("interval", entry.getValue()),
                    block(plan.resolvedConfiguration(EnumSet.of(Engine.THEORY)), "checkpoint"), entry.getKey());
            String now = RunReport.configuration("test", plan, EnumSet.of(Engine.THEORY))
                    .path(RunReport.FINGERPRINT).asText();
            assertTrue(fingerprint == null || fingerprint.equals(now), "the interval changes no fingerprint");
            fingerprint = now;
        }
        assertEquals(Duration.ofMillis(500), READER.read(file,
                List.of(KeyOverride.parse("checkpoint.interval=0.5s")), 1).checkpointInterval());
        ExperimentPlan otherPaths = READER.read(file, List.of(KeyOverride.parse("theory.paths=4000")), 1);
        assertNotEquals(fingerprint, RunReport.configuration("test", otherPaths, EnumSet.of(Engine.THEORY))
                .path(RunReport.FINGERPRINT).asText(), "a computed setting does change it");
    }

    @Test
    void resolvedConfigurationHasEveryDefaultAndOnlyTheEnginesThatRan() {
        ExperimentPlan plan = read(TestExperiments.write(dir, "a.yaml", CONFIG_A));

        Map<String, Object> resolved = plan.resolvedConfiguration(EnumSet.of(Engine.THEORY));

        assertEquals(List.of("name", "problem", "optimizer", "steps", "theory", "figure", "checkpoint"),
                List.copyOf(resolved.keySet()));
        assertEquals(Map.of("interval", "10m"), block(resolved, "checkpoint"));
        assertEquals(Map.of("time-axis", "linear", "time-unit", "step", "two-time", true), block(resolved, "figure"));
        assertEquals(Map.of("id", "sgd", "learning-rate", 0.1, "learning-rate-schedule", Map.of("id", "constant"),
                "batch-fraction", 1.0, "batch-fraction-schedule", Map.of("id", "constant"), "temperature", 0.0),
                block(resolved, "optimizer"));
        assertEquals(Map.of("paths", 2000, "seed", 3L, "species", 32, "response-paths", 2000, "mode", "auto",
                "groups", 8, "precision", "single"),
                block(resolved, "theory"));
        assertEquals(Map.of("overlap", 0.2, "variance", 1.0), block(block(resolved, "problem"), "init"));
    }

    @Test
    void pluginPathsAreRelativeToTheExperimentFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(folder.resolve("spectrum.csv"), "eigenvalue\n0.5\n1.5\n");
        String withSpectrum = MINIMAL.replace("loss: {id: logistic}",
                "loss: {id: logistic}\n  covariance: {id: spectrum-file, path: spectrum.csv}");

        ExperimentPlan plan = read(TestExperiments.write(folder, "s.yaml", withSpectrum));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> read(TestExperiments.write(dir, "s.yaml", withSpectrum)));

        assertEquals(1.5, plan.experiment().problem().covariance().eigenvalueQuantile(1.0));
        assertEquals("problem.covariance.path", missing.key());
    }

    @Test
    void errorsNameTheFile() {
        Path file = TestExperiments.write(dir, "bad.yaml", CONFIG_A.replace("alpha: 3.0", "alpha: -3"));

        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> read(file));

        assertEquals(file.toString(), invalid.source());
        assertEquals("problem.alpha", invalid.key());
        assertEquals("config/out-of-range", invalid.code());
    }

    private static ExperimentPlan read(Path file) {
        return READER.read(file, List.of(), 2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
