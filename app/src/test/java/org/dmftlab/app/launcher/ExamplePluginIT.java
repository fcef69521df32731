package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party example {@code examples/third-party-plugin} as its author builds and uses it: a separate Maven
 * build (its own tests included: the testkit contracts and the theory-versus-simulation check) against the core
 * and testkit jars this reactor just built ({@link ExampleProject}: a throwaway repository, nothing of the host's
 * touched), then its jar dropped into a plugins folder of the real launcher, which lists it and runs the example's
 * experiment with it in both engines.
 */
class ExamplePluginIT {

    private static final String PLUGIN_JAR = "dmftlab-qhm-1.0.0.jar";
    /** Agreement bound of {@code comparison.csv}'s max |theory − simulation| / combined error. */
    private static final double COMBINED_ERRORS = 4;
    /** Besides the core and the plugins: the testkit the example's tests extend. */
    private static final Map<String, String> ARTIFACTS = Map.of("testkit", "dmftlab-testkit");

    @TempDir
    static Path scratch;

    private static Path plugins;

    @BeforeAll
    static void buildTheExampleAgainstThisReactor() throws IOException, InterruptedException {
        ExampleProject example = ExampleProject.copy("third-party-plugin", scratch);
        example.build(scratch, ARTIFACTS, "package");
        plugins = Files.createDirectory(scratch.resolve("plugins"));
        Files.copy(example.folder().resolve("target").resolve(PLUGIN_JAR), plugins.resolve(PLUGIN_JAR));
    }

    @Test
    void theBuiltPluginIsListedWithItsModuleAndVersion() throws Exception {
        Launcher.Result result = Launcher.run(scratch, "plugins", "--plugins", plugins.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("optimizer +qhm +org\\.example\\.qhm@1\\.0\\.0")),
                result::toString);
    }

    /**
     * The example's own experiment file through {@code ./dmftlab run --plugins}, at a small size (T = 15, d = 1000,
     * 12 seeds, 8000 paths; seeds fixed, so the outcome is deterministic): both engines run qhm, and
     * {@code comparison.csv} puts every observable within {@value #COMBINED_ERRORS} combined errors.
     */
    @Test
    void itsExperimentRunsWithTheoryAgreeingWithSimulation() throws Exception {
        Path out = scratch.resolve("qhm-square");
        Launcher.Result result = Launcher.run(scratch, "run",
                Launcher.root().resolve("examples/third-party-plugin/experiment.yaml").toString(),
                "--plugins", plugins.toString(), "--out", out.toString(), "--threads", "2", "--set", "steps=15",
                "--set", "simulation.dimension=1000", "--set", "simulation.seeds=12", "--set", "theory.paths=8000");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"module\" : \"org.example.qhm@1.0.0\""),
                "run.json names the plugin's module");
        List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals("observable,max_abs_difference,max_difference_over_error", comparison.get(0));
        assertEquals(1 + 7, comparison.size(), () -> String.join("\n", comparison));
        for (String row : comparison.subList(1, comparison.size())) {
            double ratio = Double.parseDouble(row.split(",")[2]);
            assertTrue(ratio <= COMBINED_ERRORS, () -> "theory and simulation disagree: " + row);
        }
    }
}
