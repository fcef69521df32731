package org.dmftlab.app.output;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * This machine's host name, for the records that a cluster's nodes share (an output folder's lock): the kernel's
     * name on Linux (no name lookup, which can hang where DNS is slow), else Java's, else {@code unknown-host}.
     */
    public static String host() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall back to Java's lookup
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return "unknown-host";
        }
    }
}
