package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parser limits (issue 12, defect 8): a huge file, or a huge key or value in a file, a sweep or a {@code --set},
 * is refused with exit 2 and one line naming the file (and key) before it is parsed. The timeout only stops a test
 * that hangs (a 50 MB scalar used to keep the parser busy for hours); it is not a speed goal.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InputLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aFiftyMegabyteScalarIsRefusedBeforeItIsParsed() throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (Writer writer = Files.newBufferedWriter(file)) {
            for (int i = 0; i < 50 << 10; i++) {
                writer.write("x".repeat(1024));
            }
        }

        Outcome outcome = dmftlab("run", file.toString(), "--out", dir.resolve("out").toString());

        assertRefused(outcome, "dmftlab: " + file + ": [config/too-large] the file has 52428800 bytes; experiment"
                + " and sweep files are read up to 262144 bytes");
    }

    @Test
    void aLongValueInAFileIsRefusedNamingItsKey() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A.replace("id: square", "id: " + "q".repeat(5000)));

        Outcome outcome = dmftlab("run", file.toString(), "--out", dir.resolve("out").toString());

        assertRefused(outcome, "dmftlab: " + file + ": [config/too-large] problem.loss.id = " + "q".repeat(40)
                + "…: a key or value of 5000 characters; at most 4096 are read");
    }

    @Test
    void aLongSetValueIsRefusedNamingTheOverride() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);
        String value = "1".repeat(10_000);

        Outcome outcome = dmftlab("run", file.toString(), "--out", dir.resolve("out").toString(),
                "--set", "name=" + value);

        assertRefused(outcome, "dmftlab: " + file + " (--set name=" + value + "): [config/too-large] name = ");
    }

    @Test
    void aLargeSweepFileIsRefused() {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path sweep = TestExperiments.write(dir, "s.yaml", "base: a.yaml\ngrid: {steps: [" + "5, ".repeat(100_000)
                + "6]}\n");

        Outcome outcome = dmftlab("sweep", sweep.toString(), "--out", dir.resolve("out").toString());

        assertRefused(outcome, "dmftlab: " + sweep + ": [config/too-large] the file has ");
    }

    @Test
    void aLongValueInASweepIsRefusedNamingItsKey() {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path sweep = TestExperiments.write(dir, "s.yaml", "base: a.yaml\ngrid: {optimizer.id: [sgd, "
                + "z".repeat(4097) + "]}\n");

        Outcome outcome = dmftlab("sweep", sweep.toString(), "--out", dir.resolve("out").toString());

        assertRefused(outcome, "dmftlab: " + sweep + ": [config/too-large] grid.optimizer.id[1] = ");
    }

    private void assertRefused(Outcome outcome, String start) {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith(start), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing ran");
    }
}
