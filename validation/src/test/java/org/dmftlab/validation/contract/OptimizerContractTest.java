package org.dmftlab.validation.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link UpdateRule} contract (SPEC §2.1) for every discovered optimizer, at its defaults and at parameter
 * variants: coefficients of the declared memory depth, finite for many steps, b_{t,0} ≥ 0 (the Langevin noise
 * √(2 T_L b_{t,0}) needs it), a batch fraction in (0, 1] and a temperature ≥ 0.
 */
class OptimizerContractTest {

    private static final int STEPS = 1000;

    static Stream<Arguments> optimizers() {
        return Contracts.providers(PluginFamily.OPTIMIZER).flatMap(named -> {
            OptimizerProvider provider = named.getPayload().provider();
            return Contracts.variants(provider).stream()
                    .map(values -> Arguments.of(Named.of(named.getName() + " " + values, provider), values));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void coefficientsAreFiniteWithTheDeclaredMemory(OptimizerProvider provider, Map<String, Object> values) {
        UpdateRule rule = Contracts.create(provider, values);
        assertTrue(rule.memory() >= 0, "memory");
        assertTrue(rule.batchFraction() > 0 && rule.batchFraction() <= 1, "batch fraction " + rule.batchFraction());
        assertTrue(rule.temperature() >= 0, "temperature " + rule.temperature());
        for (int t = 0; t < STEPS; t++) {
            StepCoefficients step = rule.coefficients(t);
            assertEquals(rule.memory(), step.memory(), "memory of step " + t);
            assertTrue(step.b(0) >= 0, "b_{t,0} at t = " + t + ": " + step);
            for (int j = 0; j <= step.memory(); j++) {
                assertTrue(Double.isFinite(step.a(j)) && Double.isFinite(step.b(j)) && Double.isFinite(step.c(j)),
                        "step " + t + ": " + step);
            }
        }
    }
}
