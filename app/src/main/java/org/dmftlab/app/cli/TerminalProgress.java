package org.dmftlab.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.dmftlab.core.problem.Progress;

/**
 * Progress on standard error, with the rate in the task's units and the estimated time left. On a terminal, a bar on
 * one line, redrawn in place with {@code \r} at most every {@value #REDRAW_MILLIS} ms:
 * <pre>simulation [##########--------------------]  33%  41.2 seed steps/s  00:12 elapsed  00:24 left</pre>
 * Without a terminal (a log, a batch job's output), the same line as a line of its own at most once a minute, none
 * for work that ends sooner. Thread-safe and cheap: {@link #advance} is an atomic add; the line is drawn by the one
 * thread that wins the race for the next slot.
 */
final class TerminalProgress implements Progress {

    private static final long REDRAW_MILLIS = 100;
    private static final long REDRAW_NANOS = REDRAW_MILLIS * 1_000_000L;
    /** How often a log gets a progress line. */
    static final long LOG_INTERVAL_NANOS = 60_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter terminal;
    private final LongSupplier nanoClock;
    private final boolean inPlace;
    private final long interval;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextDraw = new AtomicLong();
    private volatile String task = "";
    private volatile String unit = "units";
    private volatile long total = 1;
    private volatile long startNanos;
    private int lastLength;

    /**
     * A bar redrawn in place.
     *
     * @param terminal  where the line is drawn (standard error)
     * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime})
     */
    TerminalProgress(PrintWriter terminal, LongSupplier nanoClock) {
        this(terminal, nanoClock, true, REDRAW_NANOS);
    }

    private TerminalProgress(PrintWriter terminal, LongSupplier nanoClock, boolean inPlace, long interval) {
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.inPlace = inPlace;
        this.interval = interval;
    }

    /** Progress lines for a log: one every {@link #LOG_INTERVAL_NANOS}, nothing at the start or the end. */
    static TerminalProgress forLog(PrintWriter log, LongSupplier nanoClock) {
        return new TerminalProgress(log, nanoClock, false, LOG_INTERVAL_NANOS);
    }

    /** A bar on {@code err} when the JVM has a console, else a line a minute ({@link #forLog}). */
    static Progress forTerminal(PrintWriter err) {
        return System.console() == null ? forLog(err, System::nanoTime) : new TerminalProgress(err, System::nanoTime);
    }

    @Override
    public void start(String newTask, long totalUnits) {
        start(newTask, totalUnits, "units");
    }

    @Override
    public void start(String newTask, long totalUnits, String newUnit) {
        task = newTask;
        unit = newUnit;
        total = Math.max(1, totalUnits);
        done.set(0);
        startNanos = nanoClock.getAsLong();
        nextDraw.set(startNanos + interval);
        if (inPlace) {
            draw(startNanos);
        }
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
        long now = nanoClock.getAsLong();
        long slot = nextDraw.get();
        if (now >= slot && nextDraw.compareAndSet(slot, now + interval)) {
            draw(now);
        }
    }

    @Override
    public void finish() {
        if (!inPlace) {
            return;
        }
        draw(nanoClock.getAsLong());
        synchronized (this) {
            terminal.println();
            terminal.flush();
            lastLength = 0;
        }
    }

    private synchronized void draw(long now) {
        long units = Math.min(done.get(), total);
        double fraction = (double) units / total;
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        String left = units == 0 ? "--:--" : clock(elapsed * (total - units) / units);
        String rate = elapsed > 0 ? rate(units / elapsed) : "--";
        String line = String.format(Locale.ROOT, "%-10s [%s%s] %3d%%  %s %s/s  %s elapsed  %s left", task,
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), Math.round(100 * fraction), rate, unit,
                clock(elapsed), left);
        if (inPlace) {
            // Pad with blanks so that a shorter line fully covers the previous one.
            terminal.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            terminal.println("dmftlab: " + line);
        }
        terminal.flush();
    }

    /** Three significant digits at most, no exponent: 0.0123, 1.23, 41.2, 1234. */
    private static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.3g", perSecond);
    }

    /** mm:ss, or h:mm:ss from one hour on. */
    private static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%02d:%02d", whole / 60, whole % 60);
    }
}
