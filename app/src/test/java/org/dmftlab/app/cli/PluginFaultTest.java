package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmftlab.app.PluginJars;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of third-party plugin code are contained (issue 12, defect 3): a provider whose id() throws or whose
 * description() returns null, a create() that throws or returns null, a product that throws in the middle of a run
 * (in the theory's worker threads or the simulation's), also as one point of a sweep. Each ends the command with
 * exit 1 and one line naming family, id, module@version, the method and the message; {@code --debug} adds the stack
 * trace. The plugins are modules compiled and jarred by the test and loaded with {@code --plugins}.
 */
class PluginFaultTest {

    private static final String VERSION = "1.2.3";
    private static final String FAULTY = "org.example.faulty@" + VERSION;

    @TempDir
    static Path plugins;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildThePlugins() {
        jar("org.example.noid", List.of("LossProvider with org.example.noid.Plugins.IdThrows"), """
                public static final class IdThrows implements LossProvider {
                    public String id() { throw new IllegalStateException("no id today"); }
                    public String description() { return "never asked"; }
                    public List<Parameter> parameters() { return List.of(); }
                    public Loss create(PluginConfig config) { return null; }
                }
                """);
        jar("org.example.nodescription", List.of("LossProvider with org.example.nodescription.Plugins.Quiet"), """
                public static final class Quiet implements LossProvider {
                    public String id() { return "quiet"; }
                    public String description() { return null; }
                    public List<Parameter> parameters() { return List.of(); }
                    public Loss create(PluginConfig config) { return null; }
                }
                """);
        jar("org.example.faulty", List.of("LossProvider with org.example.faulty.Plugins.CreateThrows,"
                + " org.example.faulty.Plugins.CreateNull, org.example.faulty.Plugins.Exploding",
                "TeacherProvider with org.example.faulty.Plugins.Recursive"), """
                /** Its factory throws. */
                public static final class CreateThrows implements LossProvider {
                    public String id() { return "create-throws"; }
                    public String description() { return "its factory throws"; }
                    public List<Parameter> parameters() { return List.of(); }
                    public Loss create(PluginConfig config) { throw new IllegalArgumentException("cannot build"); }
                }

                /** Its factory returns null. */
                public static final class CreateNull implements LossProvider {
                    public String id() { return "create-null"; }
                    public String description() { return "its factory returns null"; }
                    public List<Parameter> parameters() { return List.of(); }
                    public Loss create(PluginConfig config) { return null; }
                }


                /** A linear teacher whose label recurses without end. */
                public static final class Recursive implements TeacherProvider {
                    public String id() { return "recursive"; }
                    public String description() { return "a teacher whose label overflows the stack"; }
                    public List<Parameter> parameters() { return List.of(); }
                    public Teacher create(PluginConfig config) { return new RecursiveTeacher(); }
                }

                static final class RecursiveTeacher implements Teacher {
                    public Task task() { return Task.REGRESSION; }
                    public double drawNoise(RandomGenerator random) { return 0; }
                    public Quadrature noiseLaw() { return Quadrature.pointMass(0); }
                    public double label(double h0, double noise) { return label(h0, noise) + 1; }
                    public double testError(double rho, double m, double q) { return rho - 2 * m + q; }
                }
                """ + PluginJars.EXPLODING_LOSS);
    }

    @Test
    void aProviderWhoseIdThrowsIsNamedOnOneLine() {
        Outcome outcome = dmftlab("plugins", "--plugins", folder("org.example.noid").toString());

        assertEquals(1, outcome.exitCode(), outcome.err());
        assertEquals("dmftlab: [plugins/fault] loss org.example.noid.Plugins$IdThrows (org.example.noid@" + VERSION
                + ") failed in id(): IllegalStateException: no id today; the fault is in that plugin: fix it or remove"
                + " its jar (--debug prints the stack trace)\n", outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void debugPrintsTheStackTraceAfterTheLine() {
        Outcome outcome = dmftlab("plugins", "--plugins", folder("org.example.noid").toString(), "--debug");

        assertEquals(1, outcome.exitCode(), outcome.err());
        List<String> lines = outcome.err().lines().toList();
        assertTrue(lines.get(0).startsWith("dmftlab: [plugins/fault] loss org.example.noid.Plugins$IdThrows"), lines.get(0));
        assertTrue(outcome.err().contains("Caused by: java.lang.IllegalStateException: no id today"), outcome.err());
        assertTrue(outcome.err().contains("/org.example.noid.Plugins$IdThrows.id("), outcome.err());
    }

    @Test
    void aProviderWithoutADescriptionIsNamed() {
        Outcome outcome = dmftlab("plugins", "--plugins", folder("org.example.nodescription").toString());

        assertOneLine(outcome, "[plugins/fault] loss 'quiet' (org.example.nodescription@" + VERSION + ") failed in"
                + " description(): returned null, not a one-sentence description");
    }

    @Test
    void aFactoryThatThrowsOrReturnsNullIsNamed() {
        assertOneLine(run(dir.resolve("out"), "--set", "problem.loss={id: create-throws}"), "[plugins/fault] loss 'create-throws' ("
                + FAULTY + ") failed in create(): IllegalArgumentException: cannot build");
        assertOneLine(run(dir.resolve("out"), "--set", "problem.loss={id: create-null}"), "[plugins/fault] loss 'create-null' (" + FAULTY
                + ") failed in create(): returned null instead of a loss");
    }

    @Test
    void aProductThatThrowsInTheMiddleOfARunIsNamedAndThePreviousResultsStay() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run(out).exitCode());
        byte[] before = Files.readAllBytes(out.resolve("theory.csv"));

        for (String engine : List.of("theory", "simulation")) {
            Outcome outcome = run(out, "--engine", engine, "--set",
                    "problem.loss={id: exploding}", "--set", "optimizer.batch-fraction=0.5");

            assertOneLine(outcome, "[plugins/fault] loss 'exploding' (" + FAULTY + ") failed in"
                    + " Plugins$ExplodingLoss.firstDerivative: IllegalStateException: boom");
        }
        assertArrayEquals(before, Files.readAllBytes(out.resolve("theory.csv")));
    }

    @Test
    void aStackOverflowInAPluginIsNamed() {
        Outcome outcome = run(dir.resolve("out"), "--engine", "simulation", "--set",
                "problem.teacher={id: recursive}");

        assertOneLine(outcome, "[plugins/fault] teacher 'recursive' (" + FAULTY + ") failed in"
                + " Plugins$RecursiveTeacher.label: StackOverflowError");
    }

    @Test
    void aSweepWritesItsSummaryAndNamesThePointWhosePluginFailed() throws IOException {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path sweep = TestExperiments.write(dir, "s.yaml", "base: a.yaml\ngrid: {problem.loss.id: [square, exploding]}\n");
        Path out = dir.resolve("sweep");

        Outcome outcome = dmftlab("sweep", sweep.toString(), "--out", out.toString(), "--engine", "theory",
                "--plugins", folder("org.example.faulty").toString());

        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: [sweep/failed-points] 1 of 2 points failed (id=exploding)"),
                outcome.err());
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(rows.get(1).startsWith("square,id=square,complete,,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("exploding,id=exploding,failed,[plugins/fault] loss 'exploding' ("
                + FAULTY + ") failed in Plugins$ExplodingLoss.firstDerivative: IllegalStateException: boom;"),
                rows.get(2));
        assertTrue(outcome.out().contains("failed: " + out.resolve("id=exploding")), outcome.out());
    }

    /** {@code dmftlab run} of configuration A with the faulty plugins, into {@code out}. */
    private Outcome run(Path out, String... more) {
        String file = TestExperiments.write(dir, "a.yaml", CONFIG_A).toString();
        List<String> args = new ArrayList<>(List.of("run", file, "--plugins",
                folder("org.example.faulty").toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return dmftlab(args.toArray(String[]::new));
    }

    private static void assertOneLine(Outcome outcome, String message) {
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + message), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertFalse(outcome.err().contains("\tat "), outcome.err());
    }

    private static Path folder(String module) {
        return plugins.resolve(module);
    }

    /**
     * A plugin module in a folder of its own: the class {@code Plugins} holding the given nested classes, and the
     * given {@code provides} lines (service in {@code org.dmftlab.core.spi} with classes).
     */
    private static void jar(String module, List<String> provides, String nested) {
        try {
            Path folder = Files.createDirectories(plugins.resolve(module));
            PluginJars.providers(plugins, module, VERSION, provides, nested, PluginJars.coreOfThisJvm(),
                    folder.resolve(module + ".jar"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
