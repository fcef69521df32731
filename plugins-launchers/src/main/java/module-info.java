/**
 * The standard launchers (DESIGN.md, "Launchers"), which run the independent tasks of a command: {@code local}
 * (threads of this JVM, the default) and {@code slurm} (job arrays of a Slurm cluster sharing the output folder).
 * Exports nothing: the providers are found with {@link java.util.ServiceLoader}.
 */
module org.dmftlab.launchers {
    requires org.dmftlab.core;

    provides org.dmftlab.core.spi.LauncherProvider with
            org.dmftlab.launchers.LocalLauncherProvider,
            org.dmftlab.launchers.SlurmLauncherProvider;
}
