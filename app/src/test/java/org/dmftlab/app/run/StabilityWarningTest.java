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
    void aLearningRateScheduleIsWarnedAboutWithItsLargestRate() {
        // Warm-up over 4 steps to 0.3: η_t = 0.075, 0.15, 0.225, 0.3, 0.3; the limit 0.2511 is first passed at t = 3.
        Optional<String> warmup = check("{id: sgd, learning-rate: 0.3, learning-rate-schedule: {id: warmup, steps: 4}}",
                "square");
        // Cosine from 0.4 down to 0.05 over T = 5: η_0 = 0.4 is the largest and already outside.
        Optional<String> cosine = check("{id: sgd, learning-rate: 0.4, learning-rate-schedule: {id: cosine,"
                + " final: 0.05}}", "square");

        assertEquals("the learning-rate schedule reaches 0.3 (its largest, at step 3); first outside the full-batch"
                + " stability region at step 3, where η_t = 0.3 is above the limit 0.2511", warmup.orElseThrow()
                .substring(0, warmup.orElseThrow().indexOf(" (SPEC §6")));
        assertTrue(cosine.orElseThrow().startsWith("the learning-rate schedule reaches 0.4 (its largest, at step 0);"
                + " first outside the full-batch stability region at step 0"), cosine.orElseThrow());
        assertTrue(cosine.orElseThrow().endsWith("the run may diverge: lower the learning rate or shorten the steps"
                + " outside"), cosine.orElseThrow());
        assertEquals(Optional.empty(), check("{id: sgd, learning-rate: 0.25, learning-rate-schedule: {id: cosine}}",
                "square"), "a schedule that stays below the limit");
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
