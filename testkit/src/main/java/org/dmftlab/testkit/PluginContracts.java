package org.dmftlab.testkit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.LauncherProvider;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.TeacherProvider;
import org.dmftlab.core.spi.UpdateRule;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The plugin contracts as JUnit 5 dynamic tests, for a {@code @TestFactory}: the checks every provider meets
 * (ids, parameters and their validation) followed by those of its family (SPEC §1–§4, §2.2 for schedules), each
 * family check once per parameter set of a {@link ParameterValues}. The abstract {@link OptimizerContract},
 * {@link LossContract}, {@link TeacherContract}, {@link CovarianceContract} and {@link ScheduleContract} are the
 * same tests for one provider; {@link #of(PluginDescriptor, ParameterValues)} runs them over discovered plugins:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; everyPlugin() {
 *     PluginRegistry registry = PluginRegistry.discover();
 *     return PluginFamily.all().stream().flatMap(family -&gt; registry.all(family).stream())
 *             .map(plugin -&gt; PluginContracts.of(plugin, ParameterValues.automatic(plugin.provider(), Map.of())));
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class PluginContracts {

    /** The mean eigenvalue every standard covariance is normalised to (tr Σ = d). */
    public static final double STANDARD_MEAN_EIGENVALUE = 1;

    private PluginContracts() {
    }

    /**
     * Every contract of a discovered plugin, in one container named {@code family id}; covariances are checked
     * for {@link #STANDARD_MEAN_EIGENVALUE}.
     */
    public static DynamicContainer of(PluginDescriptor<?> plugin, ParameterValues values) {
        PluginProvider<?> provider = plugin.provider();
        Stream<DynamicNode> tests;
        if (provider instanceof OptimizerProvider optimizer) {
            tests = optimizer(optimizer, values);
        } else if (provider instanceof LossProvider loss) {
            tests = loss(loss, values);
        } else if (provider instanceof TeacherProvider teacher) {
            tests = teacher(teacher, values);
        } else if (provider instanceof CovarianceProvider covariance) {
            tests = covariance(covariance, values, STANDARD_MEAN_EIGENVALUE);
        } else if (provider instanceof ScheduleProvider schedule) {
            tests = schedule(schedule, values);
        } else if (provider instanceof LauncherProvider) {
            tests = provider(provider, values); // a launcher has no mathematics: its contract is its parameters'

        } else {
            throw new IllegalArgumentException("not a provider of a dmftlab family: " + provider.getClass());
        }
        return dynamicContainer(plugin.family() + " " + plugin.id(), tests);
    }

    /**
     * The contract of every provider: id, description, documented parameters with valid defaults, a product from
     * the defaults, and rejection of an unknown key, of a value just outside each finite range end (an element of
     * a list), and of a schedule that leaves the range of the parameter it varies (SPEC §2.2), with code
     * {@code config/unknown-key} or {@code config/out-of-range} and a message naming plugin, key and value.
     */
    public static Stream<DynamicNode> provider(PluginProvider<?> provider, ParameterValues values) {
        Stream<DynamicNode> basics = Stream.of(
                dynamicTest("id is lowercase-kebab and described", () -> ProviderChecks.idIsLowercaseKebab(provider)),
                dynamicTest("parameters are documented with valid defaults",
                        () -> ProviderChecks.parametersAreDocumentedWithValidDefaults(provider, values)),
                dynamicTest("builds from its defaults", () -> ProviderChecks.buildsFromItsDefaults(provider, values)),
                dynamicTest("rejects an unknown key", () -> ProviderChecks.rejectsAnUnknownKey(provider, values)));
        Stream<DynamicNode> ranges = ProviderChecks.valuesJustOutside(provider).stream()
                .map(outside -> dynamicTest("rejects " + outside,
                        () -> ProviderChecks.rejectsAValueOutsideItsRange(provider, values, outside)));
        Stream<DynamicNode> schedules = ProviderChecks.schedulesLeavingTheRange(provider).stream()
                .map(outside -> dynamicTest("rejects " + outside + " at some step",
                        () -> ProviderChecks.rejectsAScheduleLeavingTheRange(provider, values, outside)));
        return Stream.of(basics, ranges, schedules).flatMap(Function.identity());
    }

    /** {@link #provider} and the {@link UpdateRule} contract of SPEC §2.1 and §6 at every parameter set. */
    public static Stream<DynamicNode> optimizer(OptimizerProvider provider, ParameterValues values) {
        return Stream.of(
                provider(provider, values),
                perSet(provider, values, "coefficients are finite with the declared memory",
                        OptimizerChecks::coefficientsAreFiniteWithTheDeclaredMemory),
                perSet(provider, values, "gradient map is deterministic and finite",
                        OptimizerChecks::gradientMapIsDeterministicAndFinite))
                .flatMap(Function.identity());
    }

    /** {@link #provider} and the {@link Loss} contract of SPEC §1 and §4.2 at every parameter set. */
    public static Stream<DynamicNode> loss(LossProvider provider, ParameterValues values) {
        return Stream.of(
                provider(provider, values),
                perSet(provider, values, "ℓ′ and ℓ″ match central differences of ℓ",
                        LossChecks::derivativesMatchCentralDifferences),
                perSet(provider, values, "ℓ, ℓ′, ℓ″ stay finite at |r| = 1e4",
                        LossChecks::staysFiniteForLargePreactivations),
                perSet(provider, values, "ℓ″ integrates to ℓ′ when it carries the response (no jump in ℓ′)",
                        LossChecks::curvatureIntegratesToTheFirstDerivative),
                perSet(provider, values, "declared constant curvature holds",
                        LossChecks::declaredConstantCurvatureIsConstant))
                .flatMap(Function.identity());
    }

    /** {@link #provider} and the {@link Teacher} contract of SPEC §1 and §3 at every parameter set. */
    public static Stream<DynamicNode> teacher(TeacherProvider provider, ParameterValues values) {
        return Stream.of(
                provider(provider, values),
                perSet(provider, values, "labels fit the declared task", TeacherChecks::labelsFitTheTask),
                perSet(provider, values, "test error matches Monte-Carlo", TeacherChecks::testErrorMatchesMonteCarlo),
                perSet(provider, values, "noise law is a probability law", TeacherChecks::noiseLawIsAProbabilityLaw),
                perSet(provider, values, "noise law gives the labels of drawNoise",
                        TeacherChecks::noiseLawGivesTheLabelsOfDrawNoise))
                .flatMap(Function.identity());
    }

    /**
     * {@link #provider} and the {@link Covariance} contract of SPEC §1 and §4 at every parameter set: the quantile
     * and the teacher power, the mean eigenvalue at the defaults, and the dense operator of every set that has one
     * (its eigenvalues follow the quantile, and the teacher power is 1).
     *
     * @param meanEigenvalue the mean of σ(u) at the defaults, as the plugin documents it
     */
    public static Stream<DynamicNode> covariance(CovarianceProvider provider, ParameterValues values,
                                                 double meanEigenvalue) {
        Stream<DynamicNode> dense = values.sets().stream()
                .filter(set -> hasDenseOperator(provider, values, set))
                .flatMap(set -> Stream.of(
                        dynamicTest("dense matrix has the quantile eigenvalues " + label(set),
                                () -> CovarianceChecks.denseMatrixHasTheQuantileEigenvalues(
                                        values.create(provider, set))),
                        dynamicTest("dense matrix comes with teacher power 1 " + label(set),
                                () -> CovarianceChecks.denseOperatorHasTeacherPowerOne(values.create(provider, set)))));
        return Stream.of(
                provider(provider, values),
                perSet(provider, values, "σ(u) is non-negative, finite, non-decreasing; τ(u) ≥ 0",
                        CovarianceChecks::quantileIsNonNegativeFiniteAndNonDecreasing),
                perSet(provider, values, "teacher power has mean 1", CovarianceChecks::teacherPowerHasMeanOne),
                Stream.<DynamicNode>of(dynamicTest("mean eigenvalue is " + meanEigenvalue + " at the defaults",
                        () -> CovarianceChecks.meanEigenvalueIs(values.createWithDefaults(provider), meanEigenvalue))),
                dense)
                .flatMap(Function.identity());
    }

    /** {@link #provider} and the {@link Schedule} contract of SPEC §2.2 at every parameter set. */
    public static Stream<DynamicNode> schedule(ScheduleProvider provider, ParameterValues values) {
        return Stream.of(
                provider(provider, values),
                perSet(provider, values, "values are finite at every step t = 0…T",
                        ScheduleChecks::valuesAreFiniteAtEveryStep),
                perSet(provider, values, "values depend only on (v, t, T)",
                        ScheduleChecks::valuesDependOnlyOnTheirArguments))
                .flatMap(Function.identity());
    }

    /** Whether the product of a set has a dense operator; a set that cannot be built fails the other checks. */
    private static boolean hasDenseOperator(CovarianceProvider provider, ParameterValues values,
                                            Map<String, Object> set) {
        try {
            return values.create(provider, set).denseOperator().isPresent();
        } catch (RuntimeException cannotBuild) {
            return false;
        }
    }

    /** One test per parameter set, each on a fresh product of that set. */
    private static <P> Stream<DynamicNode> perSet(PluginProvider<P> provider, ParameterValues values, String name,
                                                  ThrowingConsumer<P> check) {
        return values.sets().stream().map(set -> (DynamicNode) dynamicTest(name + " " + label(set),
                () -> check.accept(values.create(provider, set))));
    }

    private static String label(Map<String, Object> set) {
        return set.isEmpty() ? "(defaults)" : set.toString();
    }
}
