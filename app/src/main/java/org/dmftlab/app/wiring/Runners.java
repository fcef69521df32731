package org.dmftlab.app.wiring;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.theory.TheoryEngine;

/**
 * The parts an {@link ExperimentRunner} is made of, chosen by a command's wiring (its tests replace some), and the
 * {@code --plugins} folder its launched tasks and its resume command repeat: what the Java API's entry point
 * ({@code org.dmftlab.app.api.Dmftlab}) receives from the injector, so that it makes runners for other plugins (an
 * experiment with inline plugins) or another log with the same parts.
 *
 * @param theory        the DMFT engine
 * @param simulation    the simulation engine
 * @param figures       renders {@code figure.png}
 * @param log           where each engine's summary line and the folder written go
 * @param version       the dmftlab version, for {@code run.json}
 * @param pluginsFolder the {@code --plugins} folder, or null
 */
public record Runners(TheoryEngine theory, SimulationEngine simulation, FigureWriter figures, PrintWriter log,
                      String version, Path pluginsFolder) {

    /** A runner whose plugin faults are traced to {@code registry}. */
    public ExperimentRunner runner(PluginRegistry registry) {
        return new ExperimentRunner(theory, simulation, figures, registry, log, version);
    }

    /** The same parts with another log. */
    public Runners withLog(PrintWriter other) {
        return new Runners(theory, simulation, figures, other, version, pluginsFolder);
    }

    /** The options every launched task repeats: {@code --plugins} with the folder's absolute path, when given. */
    public List<String> taskOptions() {
        return pluginsFolder == null ? List.of()
                : List.of("--plugins", pluginsFolder.toAbsolutePath().normalize().toString());
    }

    /**
     * {@code dmftlab run --resume DIR}, with {@code --plugins} when given, quoted for a POSIX shell: the command that
     * resumes an interrupted run into {@code target}, printed when a signal interrupts it.
     */
    public String resumeCommand(Path target) {
        String command = "dmftlab run --resume " + shellWord(target.toString());
        return pluginsFolder == null ? command : command + " --plugins " + shellWord(pluginsFolder.toString());
    }

    /** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
