package org.dmftlab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.KeyOverride;
import org.dmftlab.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-line title of {@code figure.png}: every parameter, reals with at most four significant digits. */
class FigureTitleTest {

    @TempDir
    Path dir;

    @Test
    void realsAreShortenedAndEveryParameterIsNamed() {
        Path file = TestExperiments.write(dir, "a.yaml", TestExperiments.CONFIG_A);
        ExperimentPlan plan = new ExperimentReader(PluginRegistry.discover()).read(file,
                List.of(KeyOverride.parse("problem.alpha=0.3333333333333333"),
                        KeyOverride.parse("optimizer.learning-rate=0.123456")), 1);

        assertEquals("config-a: sgd (learning-rate 0.1235, batch-fraction 1, temperature 0)\n"
                + "teacher linear (noise 0), loss square, covariance identity, α = 0.3333, λ = 0.5, T = 5",
                ExperimentRunner.title(plan));
    }
}
