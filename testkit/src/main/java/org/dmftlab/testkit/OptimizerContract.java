package org.dmftlab.testkit;

import java.util.stream.Stream;
import org.dmftlab.core.spi.OptimizerProvider;
import org.junit.jupiter.api.DynamicNode;

/**
 * Contract tests for an {@link OptimizerProvider}: every provider check ({@link PluginContracts#provider}) and
 * those of the update rule of SPEC §2.1 and §6: coefficients finite, of the declared memory, b_{t,0} ≥ 0, a batch
 * fraction in (0, 1], a temperature ≥ 0, and a deterministic gradient map with finite images. Extend it and
 * return the provider:
 * <pre>
 * class MyOptimizerTest extends OptimizerContract {
 *     &#64;Override
 *     protected OptimizerProvider provider() {
 *         return new MyOptimizerProvider();
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public abstract non-sealed class OptimizerContract extends PluginContract<OptimizerProvider> {

    @Override
    final Stream<DynamicNode> checks(OptimizerProvider provider, ParameterValues values) {
        return PluginContracts.optimizer(provider, values);
    }
}
