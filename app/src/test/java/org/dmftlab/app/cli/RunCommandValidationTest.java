package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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

    /** (what, original text in CONFIG_A, replacement, expected code, expected "key = value" or key or fragment). */
    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("unknown top-level key", "steps: 5", "steps: 5\ncolour: blue", "config/unknown-key", "colour = blue"),
                Arguments.of("unknown nested key", "ridge: 0.5", "ridge: 0.5\n  lambda: 1", "config/unknown-key", "problem.lambda = 1"),
                Arguments.of("text for a real", "alpha: 3.0", "alpha: three", "config/wrong-type", "problem.alpha = three"),
                Arguments.of("decimal for an integer", "steps: 5", "steps: 5.5", "config/wrong-type", "steps = 5.5"),
                Arguments.of("list for an integer", "steps: 5", "steps: [5]", "config/wrong-type", "steps = [5]"),
                Arguments.of("alpha not positive", "alpha: 3.0", "alpha: 0", "config/out-of-range", "problem.alpha = 0"),
                Arguments.of("negative ridge", "ridge: 0.5", "ridge: -1", "config/out-of-range", "problem.ridge = -1"),
                Arguments.of("negative init variance", "variance: 1.0", "variance: -0.5", "config/out-of-range", "problem.init.variance = -0.5"),
                Arguments.of("zero steps", "steps: 5", "steps: 0", "config/out-of-range", "steps = 0"),
                Arguments.of("zero paths", "paths: 2000", "paths: 0", "config/out-of-range", "theory.paths = 0"),
                Arguments.of("zero dimension", "dimension: 100", "dimension: 0", "config/out-of-range", "simulation.dimension = 0"),
                Arguments.of("zero seeds", "seeds: 2", "seeds: 0", "config/out-of-range", "simulation.seeds = 0"),
                Arguments.of("unknown theory mode", "seed: 3}", "seed: 3, mode: fast}", "config/out-of-range", "theory.mode = fast"),
                Arguments.of("more response paths than paths", "seed: 3}", "seed: 3, response-paths: 5000}",
                        "config/invalid-combination", "theory.response-paths = 5000"),
                Arguments.of("bad name", "name: config-a", "name: ../up", "config/out-of-range", "name = ../up"),
                Arguments.of("unknown plugin id", "{id: square}", "{id: cubic}", "plugins/unknown-id", "problem.loss.id = cubic"),
                Arguments.of("unknown plugin parameter", "learning-rate: 0.1", "step-size: 0.1", "config/unknown-key", "optimizer.step-size = 0.1"),
                Arguments.of("plugin parameter out of range", "batch-fraction: 1.0", "batch-fraction: 1.5",
                        "config/out-of-range", "optimizer.batch-fraction = 1.5"),
                Arguments.of("plugin parameter of the wrong type", "noise: 0.0", "noise: loud", "config/wrong-type",
                        "problem.teacher.noise = loud"),
                Arguments.of("plugin block as a single value", "loss: {id: square}", "loss: square", "config/wrong-type",
                        "problem.loss = square"),
                Arguments.of("missing required key", "  alpha: 3.0\n", "", "config/missing-key", "problem.alpha: required"),
                Arguments.of("missing required block", "optimizer: {id: sgd, learning-rate: 0.1, batch-fraction: 1.0}\n", "",
                        "config/missing-key", "optimizer: required"),
                Arguments.of("missing plugin id", "{id: sgd, ", "{", "config/missing-key", "optimizer.id: required"),
                Arguments.of("unknown schedule id", "batch-fraction: 1.0}", "learning-rate-schedule: {id: cosin}}",
                        "plugins/unknown-id", "optimizer.learning-rate-schedule.id = cosin: no schedule plugin has this"
                                + " id; known: constant, step, cosine, inverse-time, warmup"),
                Arguments.of("schedule as a single value", "batch-fraction: 1.0}", "learning-rate-schedule: cosine}",
                        "config/wrong-type", "optimizer.learning-rate-schedule = cosine: 'sgd' expects a schedule block"),
                Arguments.of("schedule without id", "batch-fraction: 1.0}", "learning-rate-schedule: {final: 0.1}}",
                        "config/missing-key", "optimizer.learning-rate-schedule.id: required"),
                Arguments.of("unknown schedule parameter", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: cosine, end: 0.1}}", "config/unknown-key",
                        "optimizer.learning-rate-schedule.end = 0.1: 'cosine' has no parameter 'end'; known keys: final"),
                Arguments.of("nested schedule parameter out of range", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: warmup, then: {id: step, factor: -2}}}", "config/out-of-range",
                        "optimizer.learning-rate-schedule.then.factor = -2: 'step' allows a real > 0"),
                Arguments.of("milestones not a list", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: step, milestones: 3}}", "config/wrong-type",
                        "optimizer.learning-rate-schedule.milestones = 3: 'step' expects a list of integers >= 1"),
                Arguments.of("milestones not increasing", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: step, milestones: [4, 2]}}", "config/invalid-combination",
                        "optimizer.learning-rate-schedule.milestones = [4, 2]: 'step': milestones must be strictly"
                                + " increasing"),
                Arguments.of("schedule leaving the range", "batch-fraction: 1.0}",
                        "batch-fraction: 0.5, batch-fraction-schedule: {id: step, milestones: [3], factor: 4}}",
                        "config/out-of-range", "optimizer.batch-fraction-schedule = {id: step, milestones: [3],"
                                + " factor: 4.0}: 'sgd' needs batch-fraction to be a real in (0, 1] at every step, but"
                                + " with batch-fraction = 0.5 this schedule gives 2.0 at step 3 of 5"),
                Arguments.of("unknown time unit", "steps: 5", "steps: 5\nfigure: {time-unit: seconds}",
                        "config/out-of-range", "figure.time-unit = seconds: must be one of step, eta-t"),
                Arguments.of("YAML syntax error", "alpha: 3.0", "alpha: [3.0", "config/yaml-syntax", "line "),
                Arguments.of("duplicate key", "steps: 5", "steps: 5\nsteps: 6", "config/duplicate-key", "'steps'"));
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
