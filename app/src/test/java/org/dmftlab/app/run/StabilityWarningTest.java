package org.dmftlab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §6 on configuration A's quadratic: α = 3, λ = 0.5, so κ = 0.5 + (1 + √3)² = 7.964: GD is stable for
 * η &lt; 0.2511, heavy ball (β = 0.5) for η &lt; 0.3767, Nesterov (β = 0.5) for η &lt; 0.1883.
 */
class StabilityWarningTest {

    private static final ExperimentReader READER = new ExperimentReader(PluginRegistry.discover());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} η = {1}: warn = {2}")
    @CsvSource({
        "sgd, 0.1, false", "sgd, 0.25, false", "sgd, 0.26, true",
        "heavy-ball, 0.37, false", "heavy-ball, 0.38, true",
        "nesterov, 0.18, false", "nesterov, 0.19, true"})
    void warnsExactlyOutsideTheRegion(String optimizer, double eta, boolean warns) {
        Optional<String> warning = check("{id: " + optimizer + ", learning-rate: " + eta + "}", "square");

        assertEquals(warns, warning.isPresent(), warning.toString());
        warning.ifPresent(text -> assertTrue(text.startsWith("learning rate " + eta + " is above the full-batch"
                + " stability limit") && !text.contains("from step") && text.contains("SPEC §6"), text));
    }

    @Test
    void aMomentumScheduleIsCheckedStepByStep() {
        // β_t = t/(t+3): the bound 2(1+β)/(1+2β) falls from 2 at t = 0 below η κ = 1.593 from t = 2 on.
        Optional<String> warning = check("{id: nesterov, learning-rate: 0.2, momentum: t/(t+3)}", "square");

        assertTrue(warning.orElseThrow().contains("from step 2 on"), warning.orElseThrow());
    }

    @Test
    void lossesWithoutConstantCurvatureAreNotChecked() {
        assertEquals(Optional.empty(), check("{id: sgd, learning-rate: 5}", "logistic"));
    }

    @Test
    void rulesOutsideTheLinearFamilyAreNotChecked() {
        assertEquals(Optional.empty(), check("{id: sign-sgd, learning-rate: 5}", "square"));
    }

    private Optional<String> check(String optimizer, String loss) {
        Path file = TestExperiments.write(dir, "x.yaml", TestExperiments.CONFIG_A);
        return StabilityWarning.of(READER.read(file, List.of(KeyOverride.parse("optimizer=" + optimizer),
                KeyOverride.parse("problem.loss.id=" + loss)), 1).experiment());
    }
}
