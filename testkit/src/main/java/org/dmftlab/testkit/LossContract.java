package org.dmftlab.testkit;

import java.util.stream.Stream;
import org.dmftlab.core.spi.LossProvider;
import org.junit.jupiter.api.DynamicNode;

/**
 * Contract tests for a {@link LossProvider}: every provider check ({@link PluginContracts#provider}) and those of
 * SPEC §1 and §4.2: ℓ′ and ℓ″ are the derivatives of ℓ, everything stays finite at |r| = 1e4, ℓ′ has no jump
 * when the loss says ℓ″ carries the response, and a declared constant curvature holds. Extend it and return the provider:
 * <pre>
 * class MyLossTest extends LossContract {
 *     &#64;Override
 *     protected LossProvider provider() {
 *         return new MyLossProvider();
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public abstract non-sealed class LossContract extends PluginContract<LossProvider> {

    @Override
    final Stream<DynamicNode> checks(LossProvider provider, ParameterValues values) {
        return PluginContracts.loss(provider, values);
    }
}
