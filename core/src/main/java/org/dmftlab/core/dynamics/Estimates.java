package org.dmftlab.core.dynamics;

import java.util.Locale;

/**
 * The conventions both engines' pre-flight estimates share ({@code TheoryMemory}, {@code SimulationMemory}): the
 * part of the JVM's heap a run may fill, and how sizes and durations are written in their messages.
 */
public final class Estimates {

    /** Bytes per heap in reserve for the JVM and the rest of dmftlab: a fixed part plus a share of the heap. */
    private static final long RESERVE_BYTES = 64L << 20;
    private static final int RESERVE_SHARE = 16;
    /** An estimate of this much memory is worth showing before the run starts. */
    public static final long LARGE_BYTES = 1L << 30;
    /** An estimate of this many seconds is worth showing before the run starts. */
    public static final double LONG_SECONDS = 60;
    /** The longest array the JVM allocates (a few below {@link Integer#MAX_VALUE}, as in the JDK's own code). */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Estimates() {
    }

    /** The part of a heap of {@code heapBytes} a run may fill: the heap less a reserve. */
    public static long budget(long heapBytes) {
        return heapBytes - RESERVE_BYTES - heapBytes / RESERVE_SHARE;
    }

    /** Bytes in TiB, GiB, MiB or KiB with two decimals, e.g. {@code 3.01 GiB}, or in bytes below 1 KiB. */
    public static String size(long bytes) {
        String[] units = {"TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes >= unit) {
                return String.format(Locale.ROOT, "%.2f %s", bytes / (double) unit, units[i]);
            }
        }
        return bytes + " bytes";
    }

    /** A rough duration: {@code 40 s}, {@code 12 min}, {@code 3.5 h}, {@code 2.1 days}, {@code 4e+03 years}. */
    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, seconds));
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 86_400 * 2) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        double days = seconds / 86_400;
        return days < 730 ? String.format(Locale.ROOT, "%.1f days", days)
                : String.format(Locale.ROOT, "%.2g years", days / 365.25);
    }

    /** {@code a · b} saturated at {@link Long#MAX_VALUE} for non-negative factors (absurd sizes stay absurd). */
    public static long times(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** {@code a + b} saturated at {@link Long#MAX_VALUE} for non-negative terms. */
    public static long plus(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
}
