/**
 * The dmftlab testkit: JUnit 5 contract tests for plugins, for a plugin author's own build.
 *
 * <p>Extend {@link org.dmftlab.testkit.OptimizerContract}, {@link org.dmftlab.testkit.LossContract},
 * {@link org.dmftlab.testkit.TeacherContract}, {@link org.dmftlab.testkit.CovarianceContract} or
 * {@link org.dmftlab.testkit.ScheduleContract} and return the provider under test; or build the same dynamic tests with {@link org.dmftlab.testkit.PluginContracts}. The
 * theory-versus-simulation check is {@link org.dmftlab.testkit.Agreement}.
 */
module org.dmftlab.testkit {
    requires transitive org.dmftlab.core;
    requires transitive org.junit.jupiter.api;
    requires ejml.core;
    requires ejml.ddense;

    exports org.dmftlab.testkit;
}
