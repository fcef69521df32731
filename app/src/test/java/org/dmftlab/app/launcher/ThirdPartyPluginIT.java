package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmftlab.app.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin as a user would ship it: a module with one {@code LossProvider}, compiled at test time
 * against the distribution's core jar and jarred, then loaded with {@code ./dmftlab plugins --plugins DIR}, also
 * next to a stray copy of core (DESIGN: it must not shadow the real one); a {@code ScheduleProvider} the same way,
 * used in a standard optimizer's schedule block; a {@code LauncherProvider} (a lambda) that runs a sweep's points.
 * And the failures a person can cause with {@code --plugins}: a duplicate id and a missing folder (exit 2, one line,
 * no stack trace).
 */
class ThirdPartyPluginIT {

    private static final String VERSION = "1.2.3";

    @TempDir
    Path scratch;

    @Test
    void aDroppedInPluginIsListedWithItsModule() throws Exception {
        Path folder = Files.createDirectory(scratch.resolve("plugins"));
        pluginJar("org.example.quartic", "quartic", folder);
        Launcher.Result result = Launcher.run(scratch, "plugins", "--plugins", folder.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("loss +quartic +org\\.example\\.quartic@" + VERSION)),
                result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("loss +square +org\\.dmftlab\\.losses@.+")),
                result::toString);
    }

    @Test
    void aStrayCopyOfCoreInTheFolderDoesNotHideAnyPlugin() throws Exception {
        Path folder = Files.createDirectory(scratch.resolve("plugins"));
        pluginJar("org.example.quartic", "quartic", folder);
        Files.copy(Launcher.coreJar(), folder.resolve("dmftlab-core-copy.jar"));
        Launcher.Result result = Launcher.run(scratch, "plugins", "--plugins", folder.toString());
        assertEquals(0, result.exitCode(), result::toString);
        for (String id : List.of("quartic", "square", "huber")) {
            assertTrue(result.out().lines().anyMatch(line -> line.matches("loss +" + id + " +\\S+@\\S+")),
                    () -> id + " missing in\n" + result);
        }
    }

    @Test
    void aDroppedInScheduleIsListedAndScheduledByAStandardOptimizer() throws Exception {
        Path folder = Files.createDirectory(scratch.resolve("plugins"));
        compileAndJar("org.example.decay", "ScheduleProvider", "ExponentialScheduleProvider", """
                import java.util.List;
                import org.dmftlab.core.spi.Parameter;
                import org.dmftlab.core.spi.PluginConfig;
                import org.dmftlab.core.spi.Range;
                import org.dmftlab.core.spi.Schedule;
                import org.dmftlab.core.spi.ScheduleProvider;

                public final class ExponentialScheduleProvider implements ScheduleProvider {
                    public String id() { return "exponential"; }
                    public String description() { return "exponential decay v gamma^t, built by a test"; }
                    public List<Parameter> parameters() {
                        return List.of(Parameter.real("gamma", 0.95, Range.openClosed(0, 1), "decay per step"));
                    }
                    public Schedule create(PluginConfig config) {
                        double gamma = config.real("gamma");
                        return (base, t, steps) -> base * Math.pow(gamma, t);
                    }
                }
                """, folder);
        Path experiment = Files.writeString(scratch.resolve("decay.yaml"), """
                problem: {alpha: 2, teacher: {id: linear}, loss: {id: square}}
                optimizer: {id: sgd, learning-rate: 0.2, learning-rate-schedule: {id: exponential, gamma: 0.8}}
                steps: 4
                theory: {}
                """);
        Path out = scratch.resolve("out");

        Launcher.Result listed = Launcher.run(scratch, "plugins", "--plugins", folder.toString());
        Launcher.Result run = Launcher.run(scratch, "run", experiment.toString(), "--plugins", folder.toString(),
                "--out", out.toString());

        assertEquals(0, listed.exitCode(), listed::toString);
        assertTrue(listed.out().lines().anyMatch(line -> line.matches("schedule +exponential +org\\.example\\.decay@"
                + VERSION)), listed::toString);
        assertEquals(0, run.exitCode(), run::toString);
        String record = Files.readString(out.resolve("run.json"));
        assertTrue(record.contains("\"module\" : \"org.example.decay@" + VERSION + "\""), record);
    }

    @Test
    void aDroppedInLauncherRunsTheTasksOfASweep() throws Exception {
        Path folder = Files.createDirectory(scratch.resolve("plugins"));
        compileAndJar("org.example.serial", "LauncherProvider", "SerialLauncherProvider", """
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Optional;
                import org.dmftlab.core.spi.DmftlabException;
                import org.dmftlab.core.spi.LaunchReport;
                import org.dmftlab.core.spi.Launcher;
                import org.dmftlab.core.spi.LauncherProvider;
                import org.dmftlab.core.spi.Parameter;
                import org.dmftlab.core.spi.PluginConfig;

                public final class SerialLauncherProvider implements LauncherProvider {
                    public String id() { return "serial"; }
                    public String description() { return "one task after the other, built by a test"; }
                    public List<Parameter> parameters() { return List.of(); }
                    public Launcher create(PluginConfig config) {
                        return (tasks, context) -> {
                            List<LaunchReport.Failure> failures = new ArrayList<>();
                            for (var task : tasks) {
                                context.log("serial: " + task.name());
                                try {
                                    context.runHere(task);
                                } catch (DmftlabException failed) {
                                    failures.add(new LaunchReport.Failure(task, 1, failed.getMessage()));
                                }
                                boolean complete = context.complete(task);
                                context.ended(task, complete ? Optional.empty() : Optional.of("no record"));
                            }
                            return new LaunchReport(failures);
                        };
                    }
                }
                """, folder);
        Files.writeString(scratch.resolve("base.yaml"), """
                problem: {alpha: 2, teacher: {id: linear}, loss: {id: square}}
                optimizer: {id: sgd, learning-rate: 0.2}
                steps: 4
                theory: {paths: 400}
                """);
        Path sweep = Files.writeString(scratch.resolve("sweep.yaml"), """
                base: base.yaml
                grid: {optimizer.learning-rate: [0.1, 0.2]}
                launcher: {id: serial}
                """);
        Path out = scratch.resolve("out");

        Launcher.Result result = Launcher.run(scratch, "sweep", sweep.toString(), "--plugins", folder.toString(),
                "--out", out.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("dmftlab: serial: learning-rate=0.1\n")
                && result.out().contains("dmftlab: serial: learning-rate=0.2\n"), result::toString);
        assertTrue(Files.isRegularFile(out.resolve("learning-rate=0.2/run.json")), result::toString);
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")), result::toString);
    }

    @Test
    void aPluginThatReusesAStandardIdFailsWithExitTwo() throws Exception {
        Path folder = Files.createDirectory(scratch.resolve("plugins"));
        pluginJar("org.example.imposter", "square", folder);
        Launcher.Result result = Launcher.run(scratch, "plugins", "--plugins", folder.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("", result.out(), result::toString);
        assertTrue(result.err().contains("[plugins/duplicate-id]"), result::toString);
        assertTrue(result.err().contains("org.dmftlab.losses") && result.err().contains("org.example.imposter@" + VERSION),
                result::toString);
        assertOneLineWithoutStackTrace(result);
    }

    @Test
    void aProviderWhoseIdThrowsEndsTheCommandWithOneLineAndTheDebugVariableAddsTheTrace() throws Exception {
        Path folder = Files.createDirectory(scratch.resolve("plugins"));
        pluginJarWithIdBody("org.example.noid", "throw new IllegalStateException(\"no id today\");", folder);

        Launcher.Result result = Launcher.run(scratch, "plugins", "--plugins", folder.toString());
        Launcher.Result debug = Launcher.run(scratch, Map.of("DMFTLAB_DEBUG", "1"), "plugins", "--plugins",
                folder.toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("dmftlab: [plugins/fault] loss org.example.noid.QuarticLossProvider"
                + " (org.example.noid@" + VERSION + ") failed in id(): IllegalStateException: no id today;"),
                result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
        assertEquals(1, debug.exitCode(), debug::toString);
        assertTrue(debug.err().contains("\tat org.example.noid@" + VERSION + "/org.example.noid.QuarticLossProvider.id("),
                debug::toString);
    }

    @Test
    void aMissingPluginsFolderFailsWithExitTwoAndOneLine() throws Exception {
        Launcher.Result result = Launcher.run(scratch, "plugins", "--plugins", "/nonexistent");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("/nonexistent"), result::toString);
        assertOneLineWithoutStackTrace(result);
    }

    private static void assertOneLineWithoutStackTrace(Launcher.Result result) {
        assertEquals(1, result.err().lines().count(), result::toString);
        assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), result::toString);
    }

    /**
     * Writes, compiles and jars a plugin module {@code module} whose only provider is a quartic loss with the
     * given id, into {@code folder}.
     */
    private void pluginJar(String module, String id, Path folder) {
        pluginJarWithIdBody(module, "return \"" + id + "\";", folder);
    }

    /** As {@link #pluginJar}, with the given body of {@code id()}. */
    private void pluginJarWithIdBody(String module, String idBody, Path folder) {
        compileAndJar(module, "LossProvider", "QuarticLossProvider", """
                import java.util.List;
                import org.dmftlab.core.spi.Loss;
                import org.dmftlab.core.spi.LossProvider;
                import org.dmftlab.core.spi.Parameter;
                import org.dmftlab.core.spi.PluginConfig;

                public final class QuarticLossProvider implements LossProvider {
                    public String id() { %s }
                    public String description() { return "quartic loss (y - r)^4 / 4, built by a test"; }
                    public List<Parameter> parameters() { return List.of(); }
                    public Loss create(PluginConfig config) {
                        return new Loss() {
                            public double value(double y, double r) { double e = r - y; return e * e * e * e / 4; }
                            public double firstDerivative(double y, double r) { double e = r - y; return e * e * e; }
                            public double secondDerivative(double y, double r) { return 3 * (r - y) * (r - y); }
                            public boolean curvatureCarriesResponse() { return true; }
                        };
                    }
                }
                """.formatted(idBody), folder);
    }

    /**
     * Writes, compiles and jars into {@code folder} a plugin module {@code module} with one class, the provider of
     * {@code service} (an interface of {@code org.dmftlab.core.spi}) whose source follows the package line.
     */
    private void compileAndJar(String module, String service, String provider, String source, Path folder) {
        PluginJars.build(scratch, module, VERSION, Map.of("module-info.java", """
                module %1$s {
                    requires org.dmftlab.core;
                    provides org.dmftlab.core.spi.%2$s with %1$s.%3$s;
                }
                """.formatted(module, service, provider), provider + ".java", "package " + module + ";\n\n" + source),
                Launcher.coreJar(), folder.resolve(module + ".jar"));
    }
}
