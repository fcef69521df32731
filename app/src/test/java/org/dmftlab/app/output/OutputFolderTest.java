package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dmftlab.app.experiment.Sha256;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.spi.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder as a transaction (issue 12, defects 1 and 2): nothing reaches the target before
 * {@link OutputFolder#publish}; a transaction closed without publishing leaves the previous results as they were; a
 * second writer is refused naming the holder's process id; what a killed writer left (its lock, its staging folder,
 * a folder moved aside in the middle of a publish) is cleared by the next writer.
 */
class OutputFolderTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final StringWriter notes = new StringWriter();

    @Test
    void nothingReachesTheTargetBeforeThePublishAndThenEverythingDoes() throws IOException {
        Path target = previousRun();
        byte[] before = Files.readAllBytes(target.resolve("theory.csv"));

        try (OutputFolder output = open(target)) {
            output.writeReport("{\"new\": true}\n");
            assertArrayEquals(before, Files.readAllBytes(target.resolve("theory.csv")), "unchanged until the publish");
            assertEquals("{}\n", Files.readString(target.resolve(OutputFolder.REPORT)));
            output.publish();
        }

        assertEquals(Set.of(OutputFolder.REPORT), names(target), "the whole folder replaced: no stale theory.csv");
        assertEquals(Set.of(target.getFileName().toString()), names(dir), "no staging folder, lock or old folder");
    }

    @Test
    void aTransactionClosedWithoutPublishingLeavesThePreviousResults() throws IOException {
        Path target = previousRun();
        byte[] before = Files.readAllBytes(target.resolve("theory.csv"));

        try (OutputFolder output = open(target)) {
            output.writeReport("{\"new\": true}\n");
            // a failing engine: no publish
        }

        assertEquals(Set.of("theory.csv", OutputFolder.REPORT), names(target));
        assertArrayEquals(before, Files.readAllBytes(target.resolve("theory.csv")));
        assertEquals(Set.of(target.getFileName().toString()), names(dir), "the staging folder is removed");
    }

    @Test
    void theFilesAreRecordedWithTheirSha256() throws IOException {
        Path target = dir.resolve("run");
        try (OutputFolder output = open(target)) {
            output.writeComparison(List.of());
            output.publish();
            assertEquals(Sha256.of(target.resolve(OutputFolder.COMPARISON)),
                    output.files().get(OutputFolder.COMPARISON));
        }
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHoldersProcessId() {
        Path target = dir.resolve("run");
        try (OutputFolder first = open(target)) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> open(target));

            assertEquals(2, refused.exitCode());
            assertEquals("output/locked", refused.code());
            assertTrue(refused.getMessage().contains("is being written by process " + PID + " on " + Machine.host()
                    + " (since "),
                    refused.getMessage());
        }
        open(target).close();
    }

    @Test
    void aStaleLockOfAProcessThatEndedIsClearedWithANote() throws IOException {
        Path target = dir.resolve("run");
        Files.writeString(FolderLock.fileOf(target), "pid 999999 since 2026-01-01T00:00:00Z\n");

        try (OutputFolder output = open(target)) {
            output.publish();
        }

        assertTrue(notes.toString().contains("cleared the stale lock of process 999999"), notes.toString());
        assertFalse(Files.exists(FolderLock.fileOf(target)), "released at the end");
    }

    @Test
    void theNextWriterRemovesTheStagingFolderOfAKilledOne() throws IOException {
        Path target = previousRun();
        Path staging = Files.createDirectory(dir.resolve(".run.staging-999999"));
        Files.writeString(staging.resolve("theory.csv"), "partial");

        open(target).close();

        assertFalse(Files.exists(staging));
        assertTrue(notes.toString().contains("removed the unfinished output of process 999999"), notes.toString());
        assertEquals(Set.of("theory.csv", OutputFolder.REPORT), names(target));
    }

    @Test
    void previousResultsMovedAsideByAWriterKilledInItsPublishAreRestored() throws IOException {
        Path target = previousRun();
        Path aside = dir.resolve(".run.old-999999");
        Files.move(target, aside);

        open(target).close();

        assertEquals(Set.of("theory.csv", OutputFolder.REPORT), names(target));
        assertFalse(Files.exists(aside));
        assertTrue(notes.toString().contains("restored the previous results"), notes.toString());
    }

    @Test
    void aFolderWithOtherFilesIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path target = previousRun();
        Files.writeString(target.resolve("notes.txt"), "mine");
        Files.createDirectory(target.resolve(".git"));

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> open(target));

        assertEquals("output/foreign-files", refused.code());
        assertTrue(refused.getMessage().contains("(.git/, notes.txt)"), refused.getMessage());
        assertEquals(Set.of(target.getFileName().toString()), names(dir), "no lock, no staging folder");
    }

    @Test
    void aFileIsRefusedAsTarget() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertEquals("cli/bad-out", assertThrows(InvalidInputException.class, () -> open(file)).code());
    }

    @Test
    void anInterruptedTransactionIsNeverPublishedAndSaysTheTargetKeepsItsResults() throws IOException {
        Path target = previousRun();
        StringWriter err = new StringWriter();
        try (OutputFolder output = open(target)) {
            output.writeReport("{}\n");

            OutputFolder.abandonAll(new PrintWriter(err, true));

            assertEquals("dmftlab: interrupted: " + target.toAbsolutePath() + " keeps its previous results\n",
                    err.toString());
            RunFailedException refused = assertThrows(RunFailedException.class, output::publish);
            assertEquals("run/interrupted", refused.code());
            assertFalse(Files.exists(FolderLock.fileOf(target)), "the lock is released at once");
        }
        assertEquals(Set.of("theory.csv", OutputFolder.REPORT), names(target));
    }

    /** A target holding an earlier run: theory.csv and run.json. */
    private Path previousRun() throws IOException {
        Path target = Files.createDirectory(dir.resolve("run"));
        Files.writeString(target.resolve("theory.csv"), "step,m\n0,0.2\n", StandardCharsets.UTF_8);
        Files.writeString(target.resolve(OutputFolder.REPORT), "{}\n", StandardCharsets.UTF_8);
        return target;
    }

    private OutputFolder open(Path target) {
        return OutputFolder.open(target, "--out", new PrintWriter(notes, true));
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
