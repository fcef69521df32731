package org.dmftlab.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.output.OutputFolder;
import org.dmftlab.app.wiring.AppModule;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.spi.DmftlabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code dmftlab}: dispatches to the subcommands and maps errors to exit codes. */
@Command(name = "dmftlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
                "Exact high-dimensional dynamics of gradient methods: discrete-time",
                "dynamical mean-field theory (DMFT) next to finite-size simulations",
                "of the same algorithm.",
                "",
                "Exit codes: 0 success; 1 failure at run time, for example a diverging",
                "trajectory; 2 invalid input (the message names the file, key and value)."},
        subcommands = {RunCommand.class, SweepCommand.class, PluginsCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Turns the standard {@link AppModule} into the module the injector is built from (identity in production). */
    private final UnaryOperator<Module> wiring;

    private Main(UnaryOperator<Module> wiring) {
        this.wiring = wiring;
    }

    /**
     * Runs the command line and exits with its code. On Ctrl-C or {@code kill} (exit 130 or 143), a shutdown hook
     * abandons the output folders being written and says that they keep their previous results.
     */
    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OutputFolder.abandonAll(err), "dmftlab-interrupted"));
        System.exit(execute(args, new PrintWriter(System.out, true), err));
    }

    /**
     * Runs the command line with the given streams and returns the exit code: 0, 1 (run failure) or 2
     * (invalid input, one line on {@code err} naming file, key and value).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, UnaryOperator.identity());
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)}, with the parts of {@code run} and {@code sweep}
     * replaced: {@code wiring} receives the standard {@link AppModule}, e.g.
     * {@code module -> Modules.override(module).with(myModule)}.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, UnaryOperator<Module> wiring) {
        CommandLine commandLine = new CommandLine(new Main(wiring));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            // A part built by the injector (e.g. the plugin registry of a bad --plugins folder) fails inside Guice.
            Throwable cause = failure instanceof ProvisionException provision && provision.getCause() != null
                    ? provision.getCause() : failure;
            if (cause instanceof DmftlabException known) {
                line.getErr().println("dmftlab: " + known.getMessage());
                return known.exitCode();
            }
            throw failure;
        });
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            CommandLine failed = failure.getCommandLine();
            failed.getErr().println("dmftlab: [" + CliError.BAD_ARGUMENT.code() + "] " + failure.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError exhausted) {
            err.println("dmftlab: [" + RunError.OUT_OF_MEMORY.code() + "] the run needs more memory than the JVM may"
                    + " use; lower theory.paths, theory.response-paths or simulation.dimension, or raise -Xmx in"
                    + " DMFTLAB_JAVA_OPTS");
            err.flush();
            return 1;
        }
    }

    /** The one injector of a command, built from its options. */
    Injector injector(Path pluginsFolder, PrintWriter log) {
        return Guice.createInjector(wiring.apply(new AppModule(pluginsFolder, log, version())));
    }

    /** The dmftlab version, from the module descriptor ({@code unversioned} when there is none). */
    static String version() {
        return Main.class.getModule().getDescriptor() == null ? "unversioned"
                : Main.class.getModule().getDescriptor().rawVersion().orElse("unversioned");
    }

    /** The version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dmftlab " + version()};
        }
    }
}
