/**
 * dmftlab core: the plugin SPI ({@code org.dmftlab.core.spi}), plugin discovery
 * ({@code org.dmftlab.core.registry}), the learning problem and its observables ({@code org.dmftlab.core.problem}),
 * the dynamics both engines run ({@code org.dmftlab.core.dynamics}) and the two engines, finite-size simulation
 * and discrete-time DMFT. No Guice and no command line here; EJML is used
 * only inside the engines.
 */
module org.dmftlab.core {
    requires ejml.core;
    requires ejml.ddense;
    requires jdk.incubator.vector;

    exports org.dmftlab.core.spi;
    exports org.dmftlab.core.registry;
    exports org.dmftlab.core.problem;
    exports org.dmftlab.core.dynamics;
    exports org.dmftlab.core.simulation;
    exports org.dmftlab.core.theory;

    uses org.dmftlab.core.spi.OptimizerProvider;
    uses org.dmftlab.core.spi.LossProvider;
    uses org.dmftlab.core.spi.TeacherProvider;
    uses org.dmftlab.core.spi.CovarianceProvider;
    uses org.dmftlab.core.spi.ScheduleProvider;
    uses org.dmftlab.core.spi.LauncherProvider;
}
