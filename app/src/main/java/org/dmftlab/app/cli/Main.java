package org.dmftlab.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.dmftlab.app.api.Dmftlab;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.run.Faults;
import org.dmftlab.app.wiring.AppModule;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.registry.PluginFaultException;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.DmftlabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of {@code dmftlab}: dispatches to the subcommands and maps errors to exit codes. */
@Command(name = "dmftlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
                "Exact high-dimensional dynamics of gradient methods: discrete-time",
                "dynamical mean-field theory (DMFT) next to finite-size simulations",
                "of the same algorithm.",
                "",
                "Exit codes: 0 success; 1 failure at run time, for example a diverging",
                "trajectory or a fault of a plugin; 2 invalid input (the message names the",
                "file, key and value); 130 or 143 interrupted (Ctrl-C, kill)."},
        subcommands = {RunCommand.class, SweepCommand.class, PluginsCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /**
     * How long a signal waits for the units in progress to save their state at their next step: a step of a large
     * theory group takes well under a second; a unit that needs longer keeps the state of its last interval.
     */
    static final Duration SIGNAL_SAVE_WAIT = Duration.ofSeconds(10);

    /** The environment variable that does what {@code --debug} does when it is {@code 1}. */
    static final String DEBUG_VARIABLE = "DMFTLAB_DEBUG";

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On a failure, print its stack trace after the one-line message (or set DMFTLAB_DEBUG=1).")
    private boolean debug;

    /** Turns the standard {@link AppModule} into the module the injector is built from (identity in production). */
    private final UnaryOperator<Module> wiring;
    /** The injector of the running command, whose plugins a fault is traced to; null before it is built. */
    private Injector injector;

    private Main(UnaryOperator<Module> wiring) {
        this.wiring = wiring;
    }

    /**
     * Runs the command line and exits with its code. On Ctrl-C or {@code kill} (exit 130 or 143), a shutdown hook
     * lets the units in progress save their state at their next step (waiting at most {@link #SIGNAL_SAVE_WAIT}),
     * then abandons the output folders being written and says that they keep their previous results.
     */
    public static void main(String[] args) {
        Dmftlab.warmUp(); // the first thing: the JIT then has all of the start-up to compile the simulation's kernels
        PrintWriter err = new PrintWriter(System.err, true);
        AtomicBoolean returned = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> Dmftlab.stopInProgress(returned.get() ? Duration.ZERO : SIGNAL_SAVE_WAIT, err),
                "dmftlab-interrupted"));
        int code = execute(args, new PrintWriter(System.out, true), err);
        returned.set(true);
        System.exit(code);
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
        Main main = new Main(wiring);
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            DmftlabException reported = main.reportable(failure);
            if (reported == null) {
                throw failure;
            }
            return main.print(reported, line.getErr());
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
        } catch (Error failure) {
            // Errors pass picocli's handler: a stack overflow or a linkage error of a plugin, say.
            DmftlabException reported = main.reportable(failure);
            if (reported == null) {
                throw failure;
            }
            return main.print(reported, err);
        }
    }

    /**
     * A failure of a command as the one-line error to print: a {@link DmftlabException} as it is, any other fault as
     * the plugin's ({@code plugins/fault}) or dmftlab's own ({@code run/internal-error}, {@link Faults}); null for
     * anything else (the JVM out of memory, say).
     */
    private DmftlabException reportable(Throwable failure) {
        // A part built by the injector (e.g. the plugin registry of a bad --plugins folder) fails inside Guice.
        Throwable cause = failure instanceof ProvisionException provision && provision.getCause() != null
                ? provision.getCause() : failure;
        if (cause instanceof DmftlabException known) {
            return known;
        }
        return PluginFaultException.isFault(cause) ? Faults.contain(cause, registry()) : null;
    }

    /**
     * Prints an error on one line and returns its exit code; with {@code --debug} or {@value #DEBUG_VARIABLE}=1,
     * its stack trace follows.
     */
    private int print(DmftlabException reported, PrintWriter err) {
        err.println("dmftlab: " + reported.getMessage());
        if (debug || "1".equals(System.getenv(DEBUG_VARIABLE))) {
            reported.printStackTrace(err);
        }
        err.flush();
        return reported.exitCode();
    }

    /** The plugins of the running command, or null when it has none (its registry failed, or it needs none). */
    private PluginRegistry registry() {
        try {
            return injector == null ? null : injector.getInstance(PluginRegistry.class);
        } catch (RuntimeException failed) {
            return null;
        }
    }

    /**
     * The Java API's entry point made with the parts of this command ({@link #injector}, through the wiring):
     * {@code dmftlab run} is a client of the API.
     */
    Dmftlab lab(Path pluginsFolder, PrintWriter log) {
        return injector(pluginsFolder, log).getInstance(Dmftlab.class);
    }

    /** The one injector of a command, built from its options. */
    Injector injector(Path pluginsFolder, PrintWriter log) {
        injector = Guice.createInjector(wiring.apply(new AppModule(pluginsFolder, log, AppModule.version())));
        return injector;
    }


    /** The version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dmftlab " + AppModule.version()};
        }
    }
}
