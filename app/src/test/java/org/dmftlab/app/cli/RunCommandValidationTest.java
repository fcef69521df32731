package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dmftlab.app.InvalidFiles;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of invalid input to {@code dmftlab run} ends with exit code 2 and exactly one line on stderr that names
 * the file, the stable code, the dotted key and the value, without a stack trace, and before anything runs (the
 * output folder is never created).
 */
class RunCommandValidationTest {

    @TempDir
    Path dir;

    /** The shared cases of {@link InvalidFiles}: (what, original text, replacement, code, fragment). */
    static Stream<Arguments> invalidFiles() {
        return InvalidFiles.cases().stream().map(c -> Arguments.of(c.what(), c.original(), c.replacement(), c.code(),
                c.fragment()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidFileExitsWithTwoAndOneLineNamingFileKeyAndValue(String what, String original, String replacement,
                                                                String code, String keyAndValue) {
        assertTrue(CONFIG_A.contains(original), "the test case must edit CONFIG_A: " + original);
        Path file = TestExperiments.write(dir, "bad.yaml", CONFIG_A.replace(original, replacement));

        Outcome outcome = run(file.toString());

        assertInvalid(outcome, code, keyAndValue);
        assertTrue(outcome.err().contains(file.toString() + ": "), "names the file: " + outcome.err());
    }

    @Test
    void overrideIsValidatedAndNamedAsTheSource() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);

        Outcome outcome = run(file.toString(), "--set", "problem.alpha=-2");

        assertInvalid(outcome, "config/out-of-range", "problem.alpha = -2");
        assertTrue(outcome.err().contains(file + " (--set problem.alpha=-2): "), outcome.err());
    }

    @Test
    void overrideOfAPluginParameterIsValidatedByThePlugin() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);

        assertInvalid(run(file.toString(), "--set", "optimizer.learning-rate=oops"), "config/wrong-type",
                "optimizer.learning-rate = oops");
        assertInvalid(run(file.toString(), "--set", "optimizer.momentum=0.9"), "config/unknown-key",
                "optimizer.momentum = 0.9");
    }

    @Test
    void overrideOfANestedScheduleKeyIsValidatedWithItsDottedKey() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);

        Outcome outcome = run(file.toString(), "--set", "optimizer.learning-rate-schedule={id: cosine}", "--set",
                "optimizer.learning-rate-schedule.final=-0.1");

        assertInvalid(outcome, "config/out-of-range", "optimizer.learning-rate-schedule = {id: cosine, final: -0.1}:"
                + " 'sgd' needs learning-rate to be a real > 0 at every step");
        assertTrue(outcome.err().contains(file + " (--set optimizer.learning-rate-schedule.final=-0.1): "),
                "the last override inside the block: " + outcome.err());
        assertInvalid(run(file.toString(), "--set", "optimizer.learning-rate-schedule.final=0.01"),
                "config/missing-key", "optimizer.learning-rate-schedule.id: required");
    }

    @Test
    void overrideInsideASingleValueIsRefused() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);

        assertInvalid(run(file.toString(), "--set", "steps.count=3"), "cli/bad-override", "steps.count = 3");
    }

    @Test
    void malformedOverride() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);

        assertInvalid(run(file.toString(), "--set", "problem.alpha"), "cli/bad-override",
                "--set = problem.alpha: expected KEY=VALUE");
        assertInvalid(run(file.toString(), "--set", "problem..alpha=2"), "cli/bad-override",
                "--set = problem..alpha=2: expected KEY=VALUE with a dotted key");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.yaml");

        Outcome outcome = run(file.toString());

        assertInvalid(outcome, "config/unreadable-file", "no such file");
        assertTrue(outcome.err().startsWith("dmftlab: " + file + ": "), outcome.err());
    }

    @Test
    void badCommandLineOptions() {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);

        assertInvalid(run(file.toString(), "--engine", "fast"), "cli/bad-argument", "expected theory, simulation or both");
        assertInvalid(run(file.toString(), "--threads", "0"), "cli/out-of-range", "--threads = 0");
        assertInvalid(run(file.toString(), "--plugins", dir.resolve("nowhere").toString()), "plugins/bad-folder",
                "--plugins");
    }

    @Test
    void outputFolderThatIsAFile() throws Exception {
        Path file = TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path notAFolder = Files.writeString(dir.resolve("taken"), "x");

        Outcome outcome = dmftlab("run", file.toString(), "--out", notAFolder.toString());

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("[cli/bad-out] --out = " + notAFolder + ": is a file, not a folder"),
                outcome.err());
        assertEquals("x", Files.readString(notAFolder), "the file is left alone");
    }

    private Outcome run(String... arguments) {
        String[] args = Stream.concat(Stream.of("run"), Stream.concat(Stream.of(arguments),
                Stream.of("--out", dir.resolve("out").toString()))).toArray(String[]::new);
        return dmftlab(args);
    }

    private void assertInvalid(Outcome outcome, String code, String fragment) {
        String err = outcome.err();
        assertEquals(2, outcome.exitCode(), err);
        assertEquals("", outcome.out(), "nothing on stdout");
        assertTrue(err.startsWith("dmftlab: "), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains("[" + code + "]"), "code " + code + ": " + err);
        assertTrue(err.contains(fragment), "'" + fragment + "' in: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("\n\tat"), "no stack trace: " + err);
        assertFalse(Files.exists(dir.resolve("out")), "nothing ran");
    }
}
