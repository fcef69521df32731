package org.dmftlab.app.output;

/**
 * The machine a run used, for {@code run.json}.
 *
 * @param java  Java runtime version and vendor
 * @param os    operating system name, version and architecture
 * @param cores processors available to the JVM
 */
public record Machine(String java, String os, int cores) {

    /** This machine. */
    public static Machine current() {
        return new Machine(Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                Runtime.getRuntime().availableProcessors());
    }
}
