package org.dmftlab.app.sweep;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.api.Dmftlab;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files: grid expansion, folder names, and validation of every point before anything runs. */
class SweepReaderTest {

    private static final SweepReader READER = new SweepReader(Dmftlab.create(),
            new ExperimentReader(PluginRegistry.discover()));
    private static final UnaryOperator<Set<Engine>> AS_DECLARED = declared -> declared;

    @TempDir
    Path dir;

    @BeforeEach
    void writeBase() {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
    }

    @Test
    void theGridIsTheCartesianProductWithTheLastKeyFastest() throws IOException {
        SweepPlan plan = read("""
                base: a.yaml
                grid:
                  optimizer.learning-rate: [0.05, 0.1]
                  optimizer.batch-fraction: [0.5, 1.0, 0.25]
                """);

        assertEquals("s", plan.name(), "the file name by default");
        assertEquals(List.of("optimizer.learning-rate", "optimizer.batch-fraction"), plan.keys());
        assertEquals(List.of("learning-rate=0.05_batch-fraction=0.5", "learning-rate=0.05_batch-fraction=1.0",
                        "learning-rate=0.05_batch-fraction=0.25", "learning-rate=0.1_batch-fraction=0.5",
                        "learning-rate=0.1_batch-fraction=1.0", "learning-rate=0.1_batch-fraction=0.25"),
                plan.points().stream().map(SweepPoint::folder).toList());
        SweepPoint last = plan.points().get(5);
        assertEquals(List.of(new KeyOverride("optimizer.learning-rate", "0.1"),
                new KeyOverride("optimizer.batch-fraction", "0.25")), last.settings());
        assertEquals(0.1, optimizer(last).get("learning-rate"));
        assertEquals(0.25, optimizer(last).get("batch-fraction"));
        assertEquals(EnumSet.allOf(Engine.class), last.engines(), "both blocks in the base file");
        Path run = dir.resolve("last");
        last.experiment().run(last.engineChoice()).write(run);
        assertEquals(1, new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("threads").asInt(-1),
                "each point runs on one thread");
    }

    @Test
    void aGridMaySetAKeyInsideAScheduleBlock() {
        SweepPlan plan = read("""
                base: a.yaml
                set: {optimizer.learning-rate-schedule: {id: cosine}}
                grid:
                  optimizer.learning-rate-schedule.final: [0.01, 0.05]
                """);

        assertEquals(List.of("final=0.01", "final=0.05"), plan.points().stream().map(SweepPoint::folder).toList());
        assertEquals(Map.of("id", "cosine", "final", 0.05), optimizer(plan.points().get(1))
                .get("learning-rate-schedule"));
    }

    @Test
    void setBlockAndCommandOverridesApplyToEveryPointBeforeTheGrid() {
        SweepPlan plan = READER.read(TestExperiments.write(dir, "s.yaml", """
                        name: fixed
                        base: a.yaml
                        set: {steps: 3, optimizer: {id: heavy-ball, momentum: 0.3}}
                        grid: {optimizer.id: [heavy-ball, nesterov]}
                        """), List.of(KeyOverride.parse("problem.alpha=2")),
                declared -> EnumSet.of(Engine.THEORY));

        assertEquals("fixed", plan.name());
        assertEquals(List.of("id=heavy-ball", "id=nesterov"), plan.points().stream().map(SweepPoint::folder).toList());
        for (SweepPoint point : plan.points()) {
            assertEquals(3, point.experiment().steps());
            assertEquals(2.0, ((Map<?, ?>) point.experiment().configuration().get("problem")).get("alpha"));
            assertEquals(0.3, optimizer(point).get("momentum"));
            assertEquals(EnumSet.of(Engine.THEORY), point.engines());
        }
        assertEquals("nesterov", optimizer(plan.points().get(1)).get("id"));
    }

    @Test
    void keysSharingTheirLastSegmentAreNamedInFull() {
        SweepPlan plan = read("""
                base: a.yaml
                grid: {theory.seed: [1], simulation.seed: [2]}
                """);

        assertEquals("theory.seed=1_simulation.seed=2", plan.points().get(0).folder());
    }

    @Test
    void anInvalidValueOfOnePointNamesTheSweepFileThePointTheKeyAndTheValue() {
        InvalidInputException invalid = invalid("""
                base: a.yaml
                grid:
                  optimizer.learning-rate: [0.1, -0.2]
                """);

        assertEquals("config/out-of-range", invalid.code());
        assertEquals("optimizer.learning-rate", invalid.key());
        assertEquals("-0.2", invalid.value());
        assertTrue(invalid.getMessage().startsWith(dir.resolve("s.yaml") + " (grid point learning-rate=-0.2;"),
                invalid.getMessage());
        assertEquals(1, invalid.getMessage().lines().count());
    }

    @Test
    void malformedSweepFilesAreRefusedWithTheirKey() {
        assertRefused("base: a.yaml\ngrid: {optimizer.learning-rate: [0.1]}\nruns: 3\n", "config/unknown-key", "runs");
        assertRefused("grid: {optimizer.learning-rate: [0.1]}\n", "config/missing-key", "base");
        assertRefused("base: missing.yaml\ngrid: {steps: [1]}\n", "config/unreadable-file", "base");
        assertRefused("base: a.yaml\n", "config/missing-key", "grid");
        assertRefused("base: a.yaml\ngrid: {steps: 3}\n", "config/wrong-type", "grid.steps");
        assertRefused("base: a.yaml\ngrid: {steps: []}\n", "config/wrong-type", "grid.steps");
        assertRefused("base: a.yaml\ngrid: {steps: [2, 2]}\n", "config/duplicate-value", "grid.steps");
        assertRefused("base: a.yaml\ngrid: {optimizer: [{id: sgd}]}\n", "config/wrong-type", "grid.optimizer");
        assertRefused("base: a.yaml\ngrid: {'optimizer..id': [sgd]}\n", "config/bad-key", "grid.optimizer..id");
        assertRefused("base: a.yaml\ngrid: {optimizer.rate: [0.1]}\n", "config/unknown-key", "optimizer.rate");
        assertRefused("base: a.yaml\nname: 'a b'\ngrid: {steps: [1]}\n", "config/out-of-range", "name");
    }

    @Test
    void theSummaryBlockChoosesAnObservableAndAStep() {
        SweepPlan byDefault = read("base: a.yaml\ngrid: {optimizer.learning-rate: [0.1]}\n");
        SweepPlan chosen = read("base: a.yaml\ngrid: {steps: [4, 6]}\nsummary: {observable: m, step: 4}\n");
        SweepPlan last = read("base: a.yaml\ngrid: {steps: [4, 6]}\nsummary: {observable: train_loss, step: last}\n");

        assertEquals(SummaryChoice.DEFAULT, byDefault.summary());
        assertEquals(new SummaryChoice(Observable.OVERLAP, 4), chosen.summary());
        assertEquals(4, chosen.summary().at(6));
        assertEquals(6, last.summary().at(6), "last is each point's T");
        assertEquals("train_loss at the last step", last.summary().label());
    }

    @Test
    void aSummaryOutsideEveryPointsRunIsRefusedBeforeAnythingRuns() {
        assertRefused("base: a.yaml\ngrid: {steps: [4]}\nsummary: {observable: loss}\n", "config/out-of-range",
                "summary.observable");
        assertRefused("base: a.yaml\ngrid: {steps: [4]}\nsummary: {step: first}\n", "config/out-of-range",
                "summary.step");
        assertRefused("base: a.yaml\ngrid: {steps: [4]}\nsummary: {step: -1}\n", "config/out-of-range",
                "summary.step");
        assertRefused("base: a.yaml\ngrid: {steps: [4]}\nsummary: {step: 2.5}\n", "config/out-of-range",
                "summary.step");
        assertRefused("base: a.yaml\ngrid: {steps: [4]}\nsummary: {at: 2}\n", "config/unknown-key", "summary.at");
        assertRefused("base: a.yaml\ngrid: {steps: [4]}\nsummary: test_error\n", "config/wrong-type", "summary");
        InvalidInputException late = invalid("base: a.yaml\ngrid: {steps: [8, 4]}\nsummary: {step: 6}\n");
        assertEquals("summary.step", late.key());
        assertTrue(late.getMessage().contains("6") && late.getMessage().contains("grid point steps=4 has T = 4"),
                late.getMessage());
    }

    private void assertRefused(String text, String code, String key) {
        InvalidInputException invalid = invalid(text);
        assertEquals(code, invalid.code(), invalid.getMessage());
        assertEquals(key, invalid.key(), invalid.getMessage());
        assertTrue(invalid.getMessage().startsWith(dir.resolve("s.yaml").toString()), invalid.getMessage());
    }

    private InvalidInputException invalid(String text) {
        return assertThrows(InvalidInputException.class, () -> read(text));
    }

    private SweepPlan read(String text) {
        return READER.read(TestExperiments.write(dir, "s.yaml", text), List.of(), AS_DECLARED);
    }

    /** The optimizer block of a point's configuration, every parameter filled in. */
    private static Map<?, ?> optimizer(SweepPoint point) {
        return (Map<?, ?>) point.experiment().configuration().get("optimizer");
    }
}
