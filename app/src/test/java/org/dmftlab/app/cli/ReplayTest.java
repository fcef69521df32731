package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmftlab run --replay}: the recorded configuration, byte-identical tables, missing and changed plugins. */
class ReplayTest {

    @TempDir
    Path dir;

    private Path first;

    @BeforeEach
    void runOnce() {
        first = dir.resolve("first");
        // Non-default plugin parameters and seeds, given as overrides: the replay must not need them again.
        Outcome outcome = dmftlab("run", TestExperiments.write(dir, "a.yaml", CONFIG_A).toString(), "--out",
                first.toString(), "--threads", "2", "--set", "optimizer.batch-fraction=0.5",
                "--set", "simulation.seed=11", "--set", "theory.seed=12");
        assertEquals(0, outcome.exitCode(), outcome.err());
    }

    @Test
    void aReplayReproducesEveryTableByteForByteWithAnotherThreadCount() throws IOException {
        Path again = dir.resolve("again");

        Outcome outcome = dmftlab("run", "--replay", first.resolve("run.json").toString(), "--out", again.toString(),
                "--threads", "1");

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err(), "same plugin versions: no warning");
        for (String table : new String[] {"theory.csv", "simulation.csv", "comparison.csv"}) {
            assertArrayEquals(Files.readAllBytes(first.resolve(table)), Files.readAllBytes(again.resolve(table)),
                    table);
        }
    }

    @Test
    void aReplayRunsOnlyTheEnginesThatRan() throws IOException {
        Path theoryOnly = dir.resolve("theory-only");
        assertEquals(0, dmftlab("run", "--replay", first.resolve("run.json").toString(), "--out",
                theoryOnly.toString()).exitCode());
        Path second = dir.resolve("second");
        assertEquals(0, dmftlab("run", dir.resolve("a.yaml").toString(), "--engine", "theory", "--out",
                second.toString()).exitCode());

        assertEquals(0, dmftlab("run", "--replay", second.resolve("run.json").toString(), "--out",
                dir.resolve("third").toString()).exitCode());

        assertTrue(Files.exists(dir.resolve("third").resolve("theory.csv")));
        assertFalse(Files.exists(dir.resolve("third").resolve("simulation.csv")));
    }

    @Test
    void aMissingPluginIsNamedWithExitTwo() throws IOException {
        Path record = rewrite("\"id\" : \"square\"", "\"id\" : \"quartic\"");

        Outcome outcome = dmftlab("run", "--replay", record.toString(), "--out", dir.resolve("x").toString());

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + record + ": [replay/missing-plugin] problem.loss.id ="
                + " quartic: "), outcome.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void anotherPluginVersionIsAOneLineWarning() throws IOException {
        Path record = rewrite("\"module\" : \"org.dmftlab.optimizers@", "\"module\" : \"org.dmftlab.optimizers@0.0.1-");
        Path again = dir.resolve("again");

        Outcome outcome = dmftlab("run", "--replay", record.toString(), "--out", again.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: warning: the run used org.dmftlab.optimizers@0.0.1-"),
                outcome.err());
        assertArrayEquals(Files.readAllBytes(first.resolve("theory.csv")), Files.readAllBytes(again.resolve("theory.csv")));
    }

    @Test
    void aReplayTakesNoExperimentFileOverrideOrEngine() {
        String record = first.resolve("run.json").toString();

        Outcome withSet = dmftlab("run", "--replay", record, "--set", "steps=2");
        Outcome withFile = dmftlab("run", dir.resolve("a.yaml").toString(), "--replay", record);
        Outcome notARecord = dmftlab("run", "--replay", dir.resolve("a.yaml").toString());

        assertEquals(2, withSet.exitCode());
        assertTrue(withSet.err().contains("[cli/conflicting-options] --replay"), withSet.err());
        assertEquals(2, withFile.exitCode());
        assertEquals(2, notARecord.exitCode());
        assertTrue(notARecord.err().contains("[replay/unreadable]"), notARecord.err());
    }

    @Test
    void aScheduledRunRecordsItsSchedulesAndIsReplayedByteForByte() throws IOException {
        Path scheduled = dir.resolve("scheduled");
        assertEquals(0, dmftlab("run", dir.resolve("a.yaml").toString(), "--out", scheduled.toString(),
                "--set", "optimizer.learning-rate-schedule={id: warmup, steps: 2, then: {id: cosine, final: 0.02}}",
                "--set", "optimizer.batch-fraction-schedule={id: step, milestones: [3], factor: 0.5}").exitCode());
        String record = Files.readString(scheduled.resolve("run.json"));
        JsonNode optimizer = new ObjectMapper().readTree(record).path("experiment").path("optimizer");
        assertEquals("{\"id\":\"warmup\",\"steps\":2,\"then\":{\"id\":\"cosine\",\"final\":0.02}}",
                optimizer.path("learning-rate-schedule").toString());
        assertEquals("{\"id\":\"step\",\"milestones\":[3],\"factor\":0.5}",
                optimizer.path("batch-fraction-schedule").toString());
        assertTrue(record.contains("\"key\" : \"optimizer.learning-rate-schedule.then\""), record);

        Path again = dir.resolve("scheduled-again");
        Outcome replay = dmftlab("run", "--replay", scheduled.resolve("run.json").toString(), "--out",
                again.toString());
        Path missing = Files.writeString(dir.resolve("missing.json"), record.replace("\"id\" : \"cosine\"",
                "\"id\" : \"cosinus\""));
        Outcome withoutThePlugin = dmftlab("run", "--replay", missing.toString(), "--out",
                dir.resolve("x").toString());

        assertEquals(0, replay.exitCode(), replay.err());
        for (String table : new String[] {"theory.csv", "simulation.csv"}) {
            assertArrayEquals(Files.readAllBytes(scheduled.resolve(table)), Files.readAllBytes(again.resolve(table)),
                    table);
        }
        assertEquals(2, withoutThePlugin.exitCode());
        assertTrue(withoutThePlugin.err().contains("[replay/missing-plugin] optimizer.learning-rate-schedule.then.id"
                + " = cosinus: the run used the schedule plugin 'cosinus'"), withoutThePlugin.err());
    }

    private Path rewrite(String from, String to) throws IOException {
        String text = Files.readString(first.resolve("run.json"));
        assertTrue(text.contains(from), from);
        return Files.writeString(dir.resolve("edited.json"), text.replace(from, to));
    }
}
