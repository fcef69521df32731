package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever is done to a valid experiment file, sweep file or {@code --set} value, {@code dmftlab} ends
 * with exit 0, 1 or 2, and on failure with exactly one line on stderr, {@code dmftlab: …}, never a stack trace
 * (issue 12). Each case is one seed of a {@link SplittableRandom} that picks and applies mutations (a value
 * replaced by a troublemaker or a plausible value, a key removed or added, the text cut short, a character inserted,
 * a line repeated, or {@code --set}s); the case's name is its seed and a failure shows the mutated input, so any
 * failure is reproduced by its seed alone. The cases are fixed (seeds 0…N−1), so the test is deterministic. The
 * timeout stops a case that hangs; it is not a speed goal.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InputMutationTest {

    /** A small, valid experiment with both engines (quick to run when a mutation leaves it valid). */
    private static final String EXPERIMENT = """
            name: mutant
            problem:
              alpha: 2.0
              ridge: 0.1
              teacher: {id: sign, flip: 0.1}
              loss: {id: logistic}
              covariance: {id: power-law, exponent: 1.0}
              init: {overlap: 0.2, variance: 1.0}
            optimizer: {id: heavy-ball, learning-rate: 0.2, momentum: 0.5, batch-fraction: 0.5}
            steps: 3
            theory: {paths: 400, seed: 3, species: 4, response-paths: 40}
            simulation: {dimension: 20, seeds: 2, seed: 5}
            figure: {time-axis: linear}
            """;
    private static final String SWEEP = """
            base: base.yaml
            set: {steps: 2}
            grid:
              optimizer.learning-rate: [0.1, 0.2]
              optimizer.batch-fraction: [0.5]
            """;
    /** Values that have broken parsers and engines elsewhere. */
    private static final List<String> TROUBLE = List.of("-1", "0", "1", "1e308", "-1e308", "1e-320", ".nan", ".inf",
            "-.inf", "NaN", "2147483647", "2147483648", "9223372036854775808", "''", "null", "~", "true", "[1, 2]",
            "{a: 1}", "[]", "{}", "abc", "α実", "\"\\u0000\"", "\"\\t\"", "1.5", "0x10", "1_000", "!!binary aGk=",
            "&a 1", "*a", "'" + "9".repeat(5000) + "'", "3 # comment", "\"", "[", "{", ": :", "- - -", "%YAML 1.1");
    /** Values that may well be valid where they land, so that mutated files also run. */
    private static final List<String> PLAUSIBLE = List.of("0.3", "2", "4", "0.05", "1.0", "0.9", "sgd", "square",
            "exact", "monte-carlo", "single", "log", "step");
    private static final List<String> KEYS = List.of("name", "steps", "problem.alpha", "problem.ridge",
            "problem.teacher.id", "problem.teacher.flip", "problem.loss", "problem.loss.id", "problem.covariance.id",
            "problem.covariance.exponent", "problem.init.overlap", "problem.init.variance", "optimizer.id",
            "optimizer.learning-rate", "optimizer.momentum", "optimizer.batch-fraction", "theory", "theory.paths",
            "theory.seed", "theory.species", "theory.response-paths", "theory.mode", "theory.precision",
            "simulation.dimension",
            "simulation.seeds", "simulation.seed", "simulation.precision", "figure.time-axis", "colour",
            "problem.alpha.x", "optimizer.schedule");
    private static final String INSERTED = ":{}[],&*!|>'\"%@`#\t\n -?";
    private static final Pattern SCALAR = Pattern.compile("(?<=: )[^{}\\[\\],\\n]+|(?<=\\[|, )[^\\],\\n]+");
    private static final int CASES = 48;
    /** How many cases ended with exit 0, 1 and 2: the mutations must reach both valid runs and refusals. */
    private static final AtomicIntegerArray EXITS = new AtomicIntegerArray(3);

    @TempDir
    Path dir;

    @AfterAll
    static void theMutationsReachValidRunsAndRefusals() {
        assertTrue(EXITS.get(0) >= 5 && EXITS.get(2) >= 5, "exits 0, 1, 2: " + EXITS);
    }

    static IntStream seeds() {
        return IntStream.range(0, CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMutatedExperimentEndsWithExitZeroOneOrTwoAndAtMostOneLine(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = mutate(EXPERIMENT, random);
        List<String> args = new ArrayList<>(List.of("run", TestExperiments.write(dir, "mutant.yaml", text).toString(),
                "--out", dir.resolve("out").toString(), "--threads", "1"));
        args.addAll(sets(random));

        assertWellBehaved(dmftlab(args.toArray(String[]::new)), text, args);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMutatedSweepEndsWithExitZeroOneOrTwoAndAtMostOneLine(int seed) {
        SplittableRandom random = new SplittableRandom(1_000_000L + seed);
        TestExperiments.write(dir, "base.yaml", random.nextInt(4) == 0 ? mutate(EXPERIMENT, random) : EXPERIMENT);
        String text = mutate(SWEEP, random);
        List<String> args = new ArrayList<>(List.of("sweep", TestExperiments.write(dir, "s.yaml", text).toString(),
                "--out", dir.resolve("out").toString(), "--threads", "1"));
        args.addAll(sets(random));

        assertWellBehaved(dmftlab(args.toArray(String[]::new)), text, args);
    }

    /** None to two mutations of the text. */
    private static String mutate(String text, SplittableRandom random) {
        String mutated = text;
        for (int n = random.nextInt(3); n > 0; n--) {
            mutated = switch (random.nextInt(6)) {
                case 0, 1 -> replaceScalar(mutated, random);
                case 2 -> removeLine(mutated, random);
                case 3 -> mutated.substring(0, random.nextInt(mutated.length() + 1));
                case 4 -> insert(mutated, random);
                default -> repeatLine(mutated, random);
            };
        }
        return mutated;
    }

    private static String replaceScalar(String text, SplittableRandom random) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = SCALAR.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + value(random) + text.substring(span[1]);
    }

    private static String removeLine(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.isEmpty()) {
            lines.remove(random.nextInt(lines.size()));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String repeatLine(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.isEmpty()) {
            int i = random.nextInt(lines.size());
            lines.add(i, lines.get(i));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String insert(String text, SplittableRandom random) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + INSERTED.charAt(random.nextInt(INSERTED.length())) + text.substring(at);
    }

    /** None to two {@code --set KEY=VALUE}, keys and values from the lists. */
    private static List<String> sets(SplittableRandom random) {
        List<String> sets = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            sets.add("--set");
            sets.add(pick(KEYS, random) + "=" + value(random));
        }
        return sets;
    }

    /** A troublemaker or, as often, a plausible value. */
    private static String value(SplittableRandom random) {
        return pick(random.nextBoolean() ? TROUBLE : PLAUSIBLE, random);
    }

    private static String pick(List<String> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    private static void assertWellBehaved(Outcome outcome, String text, List<String> args) {
        String context = "dmftlab " + String.join(" ", args) + "\n--- file\n" + text + "--- stderr\n" + outcome.err();
        assertTrue(List.of(0, 1, 2).contains(outcome.exitCode()), "exit " + outcome.exitCode() + ": " + context);
        EXITS.incrementAndGet(outcome.exitCode());
        assertFalse(outcome.err().contains("\tat "), "a stack trace: " + context);
        assertFalse(outcome.err().contains("[run/internal-error]"), "a bug of dmftlab: " + context);
        if (outcome.exitCode() != 0) {
            assertEquals(1, outcome.err().lines().filter(line -> line.startsWith("dmftlab: ")
                    && !line.startsWith("dmftlab: warning: ") && !line.startsWith("dmftlab: estimate: ")).count(),
                    "one error line: " + context);
            assertTrue(outcome.err().lines().allMatch(line -> line.startsWith("dmftlab: ")),
                    "nothing but dmftlab's lines: " + context);
        }
    }
}
