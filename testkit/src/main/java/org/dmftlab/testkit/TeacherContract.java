package org.dmftlab.testkit;

import java.util.stream.Stream;
import org.dmftlab.core.spi.TeacherProvider;
import org.junit.jupiter.api.DynamicNode;

/**
 * Contract tests for a {@link TeacherProvider}: every provider check ({@link PluginContracts#provider}) and those
 * of SPEC §1 and §3: the labels fit the declared task, the test error equals a Monte-Carlo estimate from the
 * labels, and the noise law is a probability law and the law of the drawn noises. Extend it and return the provider:
 * <pre>
 * class MyTeacherTest extends TeacherContract {
 *     &#64;Override
 *     protected TeacherProvider provider() {
 *         return new MyTeacherProvider();
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public abstract non-sealed class TeacherContract extends PluginContract<TeacherProvider> {

    @Override
    final Stream<DynamicNode> checks(TeacherProvider provider, ParameterValues values) {
        return PluginContracts.teacher(provider, values);
    }
}
