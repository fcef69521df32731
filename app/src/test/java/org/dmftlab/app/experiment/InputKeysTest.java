package org.dmftlab.app.experiment;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheoryError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core's refusals in the terms of the experiment file ({@link InputKeys}). */
class InputKeysTest {

    @TempDir
    Path dir;

    /** An optimizer whose rule has a second gradient lag it does not declare (memory 0, two coefficients). */
    private static final class Undeclared implements OptimizerProvider {
        @Override
        public String id() {
            return "undeclared-lag";
        }

        @Override
        public String description() {
            return "declares memory 0 but uses a gradient lag";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public UpdateRule create(PluginConfig config) {
            return new UpdateRule() {
                @Override
                public int memory() {
                    return 0;
                }

                @Override
                public StepCoefficients coefficients(int t) {
                    return StepCoefficients.of(new double[] {1}, new double[] {0.1, 0.05}, new double[] {1});
                }

                @Override
                public double batchFraction() {
                    return 1;
                }

                @Override
                public double temperature() {
                    return 0;
                }
            };
        }
    }

    @Test
    void aRuleOutsideTheFormIsRefusedWhileTheFileIsReadNamingThePlugin() {
        PluginRegistry.Builder plugins = PluginRegistry.builder().add(PluginFamily.OPTIMIZER, new Undeclared());
        PluginRegistry standard = PluginRegistry.discover();
        for (PluginFamily<?> family : List.of(PluginFamily.LOSS, PluginFamily.TEACHER, PluginFamily.COVARIANCE)) {
            addAll(plugins, family, standard);
        }
        Path file = TestExperiments.write(dir, "x.yaml", CONFIG_A.replace("{id: sgd, learning-rate: 0.1, "
                + "batch-fraction: 1.0}", "{id: undeclared-lag}"));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> new ExperimentReader(plugins.build()).read(file, List.of(), 1));

        assertEquals(file + ": [optimizer/invalid-rule] optimizer.id = undeclared-lag: the update rule does not fit"
                + " SPEC §2.1: step 0 has memory 1 but the rule declares 0", error.getMessage());
    }

    private static <T extends PluginProvider<?>> void addAll(PluginRegistry.Builder builder, PluginFamily<T> family,
                                                             PluginRegistry from) {
        from.all(family).forEach(plugin -> builder.add(family, plugin.provider(), plugin.origin()));
    }

    @Test
    void aRefusedValueKeepsItsKeyAndValue() {
        InvalidInputException keyed = InputKeys.keyed(new RefusedInputException(ConfigError.OUT_OF_RANGE,
                InputPart.SIMULATION_DIMENSION, 1, "need d >= 2"), List.of());

        assertEquals("[config/out-of-range] simulation.dimension = 1: need d >= 2", keyed.getMessage());
        assertEquals("--plugins", InputKeys.of(InputPart.PLUGINS_FOLDER));
    }

    @Test
    void aPartWithoutAChosenPluginKeepsItsBlockKey() {
        InvalidInputException keyed = InputKeys.keyed(new RefusedInputException(TheoryError.UNSUPPORTED_LOSS,
                InputPart.LOSS, null, "use a smooth loss"), List.of());

        assertEquals(Map.entry("problem.loss", "[theory/unsupported-loss] problem.loss: use a smooth loss"),
                Map.entry(keyed.key(), keyed.getMessage()));
    }
}
