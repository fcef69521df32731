package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        Path target = dir.resolve("table.csv");
        AtomicFiles.write(target, out -> out.write("first\n".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("second\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals("second\n", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void failureLeavesNeitherTheTargetNorATemporaryFile() throws IOException {
        Path target = dir.resolve("run.json");

        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertFalse(Files.exists(target));
        assertEquals(List.of(), list());
    }

    @Test
    void failureKeepsTheOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("figure.png"), "old");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("renderer broke");
        }));

        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
