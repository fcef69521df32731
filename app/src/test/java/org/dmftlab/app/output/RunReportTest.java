package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.app.experiment.Sha256;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.QuadratureError;
import org.dmftlab.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheResolvedConfigurationPluginsTimingsAndMachine() throws Exception {
        Path file = TestExperiments.write(dir, "a.yaml", TestExperiments.CONFIG_A);
        ExperimentPlan plan = new ExperimentReader(PluginRegistry.discover())
                .read(file, List.of(KeyOverride.parse("problem.alpha=2")), 3);
        List<EngineRun> runs = List.of(new EngineRun(Engine.SIMULATION, new Trajectory(5), 1.25));

        String json = RunReport.json("9.9", plan, runs, List.of(), 3, List.of("careful"),
                Map.of("simulation.csv", "ab12"), new Machine("17", "Linux", 2));
        JsonNode report = new ObjectMapper().readTree(json);

        assertEquals("9.9", report.get("dmftlab").asText());
        assertEquals(file.toAbsolutePath().normalize().toString(), report.get("experiment-file").asText());
        assertEquals("problem.alpha=2", report.get("overrides").get(0).asText());
        JsonNode experiment = report.get("experiment");
        assertEquals(2.0, experiment.at("/problem/alpha").asDouble());
        assertEquals(0.0, experiment.at("/optimizer/temperature").asDouble(), "defaults are filled in");
        assertEquals(5, experiment.at("/simulation/seed").asLong());
        assertTrue(experiment.path("theory").isMissingNode(), "only the engines that ran");
        JsonNode optimizer = report.get("plugins").get(3);
        assertEquals("optimizer", optimizer.get("family").asText());
        assertEquals("sgd", optimizer.get("id").asText());
        assertTrue(optimizer.get("module").asText().startsWith("org.dmftlab.optimizers@"), optimizer.toString());
        assertEquals("simulation.csv", report.at("/engines/0/table").asText());
        assertEquals(1.25, report.at("/engines/0/wall-seconds").asDouble());
        assertEquals(3, report.get("threads").asInt());
        assertEquals("careful", report.at("/warnings/0").asText());
        assertEquals(2, report.at("/machine/cores").asInt());
        assertEquals("ab12", report.at("/files/simulation.csv").asText());
        assertEquals(0, report.get("diverged").size(), "nothing diverged");
    }

    @Test
    void recordsTheEnginesThatDivergedAndReadsThemBack() throws Exception {
        Path file = TestExperiments.write(dir, "a.yaml", TestExperiments.CONFIG_A);
        ExperimentPlan plan = new ExperimentReader(PluginRegistry.discover()).read(file, List.of(), 1);
        List<EngineRun> runs = List.of(new EngineRun(Engine.THEORY, new Trajectory(5), 2.5));
        List<EngineDivergence> diverged = List.of(new EngineDivergence(Engine.SIMULATION, 3, Observable.TRAIN_LOSS));
        Path theory = Files.writeString(dir.resolve("theory.csv"), "t\n");

        String json = RunReport.json("9.9", plan, runs, diverged, 1, List.of(), Map.of("theory.csv",
                Sha256.of(theory)), new Machine("17", "Linux", 2));
        Files.writeString(dir.resolve(OutputFolder.REPORT), json);
        JsonNode report = new ObjectMapper().readTree(json);

        assertEquals("simulation", report.at("/diverged/0/engine").asText());
        assertEquals(3, report.at("/diverged/0/step").asInt());
        assertEquals("train_loss", report.at("/diverged/0/observable").asText());
        assertTrue(report.at("/experiment/simulation").isObject() && report.at("/experiment/theory").isObject(),
                "the configuration of both engines, the one that diverged included");
        assertEquals(diverged, PublishedRun.read(dir).orElseThrow().diverged());
    }

    @Test
    void aRunWhoseEveryEngineDivergedIsPublishedWithoutFilesButNotOneWithAnUnreadableRecord() throws Exception {
        Path file = TestExperiments.write(dir, "a.yaml", TestExperiments.CONFIG_A);
        ExperimentPlan plan = new ExperimentReader(PluginRegistry.discover()).read(file, List.of(), 1);
        String json = RunReport.json("9.9", plan, List.of(), List.of(new EngineDivergence(Engine.THEORY, 7,
                Observable.NORM)), 1, List.of(), Map.of(), new Machine("17", "Linux", 2));
        Path report = Files.writeString(dir.resolve(OutputFolder.REPORT), json);

        assertEquals(7, PublishedRun.read(dir).orElseThrow().diverged().get(0).step());
        Files.writeString(report, json.replace("\"q\"", "\"loss\""));
        assertTrue(PublishedRun.read(dir).isEmpty(), "an unknown observable");
        Files.writeString(report, json.replace("\"step\" : 7", "\"step\" : \"7\""));
        assertTrue(PublishedRun.read(dir).isEmpty(), "a step that is not a number");
        Files.writeString(report, json.replace("\"engine\" : \"theory\"", "\"engine\" : \"dmft\""));
        assertTrue(PublishedRun.read(dir).isEmpty(), "an unknown engine");
        Files.writeString(report, json.replaceAll("(?s)\"diverged\" : \\[.*?]", "\"diverged\" : [ ]"));
        assertTrue(PublishedRun.read(dir).isEmpty(), "no file and no divergence: not a run");
    }

    @Test
    void recordsTheTheorysQuadratureErrorPerObservable() throws Exception {
        Path file = TestExperiments.write(dir, "a.yaml", TestExperiments.CONFIG_A);
        ExperimentPlan plan = new ExperimentReader(PluginRegistry.discover()).read(file, List.of(), 1);
        Map<Observable, Double> bounds = new EnumMap<>(Observable.class);
        for (Observable observable : Observable.values()) {
            bounds.put(observable, 1e-6 * (observable.ordinal() + 1));
        }
        bounds.put(Observable.TEST_ERROR, Double.NaN);
        List<EngineRun> runs = List.of(new EngineRun(Engine.THEORY, new Trajectory(5), 2.5,
                Optional.of(new QuadratureError(32, 16, bounds))));

        JsonNode report = new ObjectMapper().readTree(RunReport.json("9.9", plan, runs, List.of(), 1, List.of(),
                Map.of(), new Machine("17", "Linux", 2)));

        JsonNode quadrature = report.at("/engines/0/quadrature-error");
        assertEquals(32, quadrature.get("species").asInt());
        assertEquals(16, quadrature.get("coarser-species").asInt());
        assertEquals(1e-6, quadrature.at("/bounds/m").asDouble());
        assertEquals(2e-6, quadrature.at("/bounds/q").asDouble());
        assertTrue(quadrature.at("/bounds/test_error").isNull(), "unknown is null");
    }

    @Test
    void leavesTheQuadratureErrorOutWhenThereIsNone() throws Exception {
        Path file = TestExperiments.write(dir, "a.yaml", TestExperiments.CONFIG_A);
        ExperimentPlan plan = new ExperimentReader(PluginRegistry.discover()).read(file, List.of(), 1);
        List<EngineRun> runs = List.of(new EngineRun(Engine.THEORY, new Trajectory(5), 2.5));

        JsonNode report = new ObjectMapper().readTree(RunReport.json("9.9", plan, runs, List.of(), 1, List.of(),
                Map.of(), new Machine("17", "Linux", 2)));

        assertTrue(report.at("/engines/0/quadrature-error").isMissingNode());
    }
}
