package org.dmftlab.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dmftlab.app.api.Dmftlab;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.experiment.InputKeys;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.app.plot.RunFigure;
import org.dmftlab.app.plot.SummaryFigure;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.app.sweep.SweepReader;
import org.dmftlab.app.sweep.SweepRunner;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.theory.TheoryEngine;

/**
 * The parts of {@code dmftlab run} and {@code dmftlab sweep}, composed from the command options (DESIGN.md: Guice
 * lives only in app). Everything is built by the provider methods below with constructor arguments, so a test
 * replaces one part with {@code Modules.override(new AppModule(…)).with(…)}, e.g. the {@link FigureWriter} or the
 * {@link SimulationEngine}, and the runners receive it. The Java API's entry point
 * ({@code org.dmftlab.app.api.Dmftlab}, whose constructor is injected) is made by this injector too, so that the
 * command line, a client of the API, runs with the parts its wiring chose.
 */
public final class AppModule extends AbstractModule {

    private final Path pluginsFolder;
    private final PrintWriter log;
    private final String version;

    /**
     * @param pluginsFolder the {@code --plugins} folder, or null
     * @param log           standard output: one line per engine run and per output folder
     * @param version       the dmftlab version, recorded in {@code run.json}
     */
    public AppModule(Path pluginsFolder, PrintWriter log, String version) {
        this.pluginsFolder = pluginsFolder;
        this.log = log;
        this.version = version;
    }

    /**
     * The dmftlab version: of the app's module, else of its jar's manifest (on the class path), else
     * {@code unversioned}.
     */
    public static String version() {
        Module module = AppModule.class.getModule();
        return Optional.ofNullable(module.getDescriptor()).flatMap(descriptor -> descriptor.rawVersion())
                .or(() -> Optional.ofNullable(AppModule.class.getPackage().getImplementationVersion()))
                .orElse("unversioned");
    }

    /** The plugins of the boot layer and of the {@code --plugins} folder; a bad folder is named by its option. */
    @Provides
    @Singleton
    PluginRegistry registry() {
        try {
            return PluginRegistry.discover(pluginsFolder);
        } catch (RefusedInputException refused) {
            throw InputKeys.keyed(refused, List.of());
        }
    }

    @Provides
    ExperimentReader reader(PluginRegistry registry) {
        return new ExperimentReader(registry);
    }

    @Provides
    SweepReader sweepReader(Dmftlab lab, ExperimentReader reader) {
        return new SweepReader(lab.withWarnings(new PrintWriter(OutputStream.nullOutputStream())), reader);
    }

    @Provides
    TheoryEngine theoryEngine() {
        return new TheoryEngine();
    }

    @Provides
    SimulationEngine simulationEngine() {
        SimulationEngine.warmUp(); // compiles the simulation kernels while the command reads its input
        return new SimulationEngine();
    }

    @Provides
    FigureWriter figureWriter() {
        return RunFigure::writePng;
    }

    @Provides
    SummaryFigure.Writer summaryFigureWriter() {
        return SummaryFigure::writePng;
    }

    @Provides
    Runners runners(TheoryEngine theory, SimulationEngine simulation, FigureWriter figures) {
        return new Runners(theory, simulation, figures, log, version, pluginsFolder);
    }

    @Provides
    ExperimentRunner runner(Runners runners, PluginRegistry registry) {
        return runners.runner(registry);
    }

    @Provides
    SweepRunner sweepRunner(SummaryFigure.Writer summaryFigures) {
        return new SweepRunner(summaryFigures, log);
    }
}
