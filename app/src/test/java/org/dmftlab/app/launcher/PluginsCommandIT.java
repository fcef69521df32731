package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dmftlab plugins} on the real distribution: the module path is complete (every standard plugin module
 * resolves and is bound as a service of core), and every standard id is listed under its family with its
 * {@code module@version}.
 */
class PluginsCommandIT {

    /** Family → (module, ids) of the standard plugins. */
    private static final Map<String, Map.Entry<String, List<String>>> STANDARD = Map.of(
            "optimizer", Map.entry("org.dmftlab.optimizers", List.of("sgd", "heavy-ball", "nesterov", "sign-sgd")),
            "loss", Map.entry("org.dmftlab.losses", List.of("square", "logistic", "smooth-hinge", "huber")),
            "teacher", Map.entry("org.dmftlab.losses", List.of("linear", "sign")),
            "covariance", Map.entry("org.dmftlab.covariance",
                    List.of("identity", "two-level", "power-law", "ar1", "spectrum-file")));

    @TempDir
    Path scratch;

    @Test
    void listsEveryStandardPluginWithItsModuleAndVersion() throws Exception {
        Launcher.Result result = Launcher.run(scratch, "plugins");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err(), result::toString);
        String version = System.getProperty("dmftlab.version");
        assertTrue(version != null && !version.isBlank(), "failsafe passes the project version");
        STANDARD.forEach((family, moduleAndIds) -> {
            for (String id : moduleAndIds.getValue()) {
                Pattern line = Pattern.compile("(?m)^" + family + " +" + Pattern.quote(id) + " +"
                        + Pattern.quote(moduleAndIds.getKey() + "@" + version) + "$");
                assertTrue(line.matcher(result.out()).find(), () -> family + " " + id + " missing in\n" + result);
            }
        });
    }
}
