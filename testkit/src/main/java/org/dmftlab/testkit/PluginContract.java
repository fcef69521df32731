package org.dmftlab.testkit;

import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.spi.PluginProvider;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract tests of one plugin provider, as a base class for a plugin author's test: extend the subclass of
 * the plugin's family and return the provider from {@link #provider()}. JUnit then runs every check of
 * {@link PluginContracts} for that family as dynamic tests, once per parameter set of {@link #parameterValues()}.
 *
 * @param <T> the provider type
 *
 * @since 0.1.0
 */
public abstract sealed class PluginContract<T extends PluginProvider<?>>
        permits OptimizerContract, LossContract, TeacherContract, CovarianceContract, ScheduleContract {

    PluginContract() {
    }

    /** The provider under test, e.g. {@code new MyLossProvider()}. */
    protected abstract T provider();

    /** Values for the parameters without a default (say, a path to a test file); empty by default. */
    protected Map<String, Object> requiredValues() {
        return Map.of();
    }

    /**
     * The parameter sets the family checks run at: by default {@link ParameterValues#automatic}; override to add
     * sets with {@link ParameterValues#and}.
     */
    protected ParameterValues parameterValues() {
        return ParameterValues.automatic(provider(), requiredValues());
    }

    /** Every check of the provider and of its family. */
    @TestFactory
    public final Stream<DynamicNode> contract() {
        return checks(provider(), parameterValues());
    }

    abstract Stream<DynamicNode> checks(T provider, ParameterValues values);
}
