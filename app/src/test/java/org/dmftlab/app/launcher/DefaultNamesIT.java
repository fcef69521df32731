package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Default output folders (issue 12, defect 9): files without {@code name:} are named from their file names, letters
 * of any script kept, so "my exp.yaml" and "résumé.yaml" no longer both write to {@code runs/experiment}; a file
 * whose default folder holds another file's results is refused, and those results are kept.
 */
class DefaultNamesIT {

    private static final String EXPERIMENT = """
            problem:
              alpha: 2.0
              teacher: {id: linear}
              loss: {id: square}
            optimizer: {id: sgd, learning-rate: 0.1}
            steps: 3
            theory: {mode: exact}
            """;

    @TempDir
    Path scratch;

    @Test
    void filesWithoutANameWriteToTheirOwnFoldersAndNeverReplaceAnotherFilesResults() throws Exception {
        Path mine = Files.writeString(scratch.resolve("my exp.yaml"), EXPERIMENT);
        Path resume = Files.writeString(scratch.resolve("résumé.yaml"), EXPERIMENT);
        Path other = Files.writeString(Files.createDirectory(scratch.resolve("other")).resolve("my exp.yaml"),
                EXPERIMENT.replace("steps: 3", "steps: 4"));

        Launcher.Result first = Launcher.runIn(scratch, "run", mine.toString());
        Launcher.Result second = Launcher.runIn(scratch, "run", resume.toString());
        byte[] before = Files.readAllBytes(scratch.resolve("runs/my-exp/theory.csv"));
        Launcher.Result clash = Launcher.runIn(scratch, "run", other.toString());
        Launcher.Result again = Launcher.runIn(scratch, "run", mine.toString());

        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(Files.isRegularFile(scratch.resolve("runs/résumé/theory.csv")), second::toString);
        assertEquals(2, clash.exitCode(), clash::toString);
        assertEquals(1, clash.err().lines().count(), clash::toString);
        assertTrue(clash.err().startsWith("dmftlab: " + other + ": [output/name-taken] name = my-exp: runs/my-exp"
                + " holds the results of " + mine.toAbsolutePath().normalize() + ", another experiment file with this name"), clash::toString);
        assertArrayEquals(before, Files.readAllBytes(scratch.resolve("runs/my-exp/theory.csv")));
        assertEquals(0, again.exitCode(), "the same file runs again into its folder: " + again);
    }
}
