package org.dmftlab.testkit;

import java.util.stream.Stream;
import org.dmftlab.core.spi.ScheduleProvider;
import org.junit.jupiter.api.DynamicNode;

/**
 * Contract tests for a {@link ScheduleProvider}: every provider check ({@link PluginContracts#provider}) and those
 * of the schedule of SPEC §2.2: finite values at every step 0 ≤ t ≤ T for horizons from 1 to
 * {@link ParameterValues#STEPS}, and values that depend only on (v, t, T). Extend it and return the provider:
 * <pre>
 * class MyScheduleTest extends ScheduleContract {
 *     &#64;Override
 *     protected ScheduleProvider provider() {
 *         return new MyScheduleProvider();
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public abstract non-sealed class ScheduleContract extends PluginContract<ScheduleProvider> {

    @Override
    final Stream<DynamicNode> checks(ScheduleProvider provider, ParameterValues values) {
        return PluginContracts.schedule(provider, values);
    }
}
