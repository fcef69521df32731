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

/**
 * {@code --replay} of a run whose covariance is read from a file ({@code spectrum-file}): the record holds the
 * experiment file as an absolute path and the input file's SHA-256, so the replay finds the file from anywhere and
 * refuses to run when it changed.
 */
class ReplayInputsTest {

    @TempDir
    Path dir;

    private Path spectrum;
    private Path experiment;
    private Path first;

    @BeforeEach
    void runOnce() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("experiments"));
        spectrum = Files.writeString(folder.resolve("spectrum.csv"), "eigenvalue\n0.5\n1.5\n");
        experiment = TestExperiments.write(folder, "s.yaml", CONFIG_A.replace("covariance: {id: identity}",
                "covariance: {id: spectrum-file, path: spectrum.csv}"));
        first = dir.resolve("first");
        // The experiment file as a path relative to the working directory, as a person would type it.
        String typed = Path.of("").toAbsolutePath().relativize(experiment).toString();
        Outcome outcome = dmftlab("run", typed, "--engine", "theory", "--out", first.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
    }

    @Test
    void theRecordHoldsAbsolutePathsAndTheHashOfTheInput() throws IOException {
        JsonNode record = new ObjectMapper().readTree(first.resolve("run.json").toFile());

        assertEquals(experiment.toAbsolutePath().normalize().toString(), record.get("experiment-file").asText());
        JsonNode input = record.at("/inputs/problem.covariance.path");
        assertEquals(spectrum.toAbsolutePath().normalize().toString(), input.get("path").asText());
        assertTrue(input.get("sha256").asText().matches("[0-9a-f]{64}"), input.toString());
        assertEquals("spectrum.csv", record.at("/experiment/problem/covariance/path").asText(),
                "the configuration keeps the path as written");
    }

    @Test
    void aReplayFromAnotherFolderResolvesTheSpectrumFile() throws IOException {
        Path moved = Files.createDirectories(dir.resolve("elsewhere").resolve("deeper"));
        Path record = Files.copy(first.resolve("run.json"), moved.resolve("run.json"));
        Path again = dir.resolve("again");

        Outcome outcome = dmftlab("run", "--replay", record.toString(), "--out", again.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertArrayEquals(Files.readAllBytes(first.resolve("theory.csv")),
                Files.readAllBytes(again.resolve("theory.csv")));
    }

    @Test
    void aChangedInputFileIsRefusedWithExitTwo() throws IOException {
        Files.writeString(spectrum, "eigenvalue\n0.5\n2.5\n");

        Outcome outcome = dmftlab("run", "--replay", first.resolve("run.json").toString(), "--out",
                dir.resolve("x").toString());

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("[replay/changed-input] problem.covariance.path = "
                + spectrum.toAbsolutePath().normalize() + ": the file changed since the run: its SHA-256 was "),
                outcome.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aMissingInputFileIsRefusedWithExitTwo() throws IOException {
        Files.delete(spectrum);

        Outcome outcome = dmftlab("run", "--replay", first.resolve("run.json").toString(), "--out",
                dir.resolve("x").toString());

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("[replay/changed-input] problem.covariance.path = "
                + spectrum.toAbsolutePath().normalize() + ": the file changed since the run: it no longer exists"),
                outcome.err());
    }
}
