package org.dmftlab.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.dmftlab.core.problem.Progress;

/**
 * A progress bar on one terminal line, redrawn in place with {@code \r}:
 * <pre>simulation [##########--------------------]  33%  00:12 elapsed  00:24 left</pre>
 * Thread-safe and cheap: {@link #advance} is an atomic add; the line is redrawn at most every
 * {@value #REDRAW_MILLIS} ms, by the one thread that wins the race for the next slot. {@link #forTerminal} is
 * silent when there is no terminal, so logs and pipes stay clean.
 */
final class TerminalProgress implements Progress {

    private static final long REDRAW_MILLIS = 100;
    private static final long REDRAW_NANOS = REDRAW_MILLIS * 1_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter terminal;
    private final LongSupplier nanoClock;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextDraw = new AtomicLong();
    private volatile String task = "";
    private volatile long total = 1;
    private volatile long startNanos;
    private int lastLength;

    /**
     * @param terminal  where the line is drawn (standard error)
     * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime})
     */
    TerminalProgress(PrintWriter terminal, LongSupplier nanoClock) {
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /** A bar on {@code err} when the JVM has a console, else {@link Progress#NONE}. */
    static Progress forTerminal(PrintWriter err) {
        return System.console() == null ? Progress.NONE : new TerminalProgress(err, System::nanoTime);
    }

    @Override
    public void start(String newTask, long totalUnits) {
        task = newTask;
        total = Math.max(1, totalUnits);
        done.set(0);
        startNanos = nanoClock.getAsLong();
        nextDraw.set(startNanos + REDRAW_NANOS);
        draw(startNanos);
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
        long now = nanoClock.getAsLong();
        long slot = nextDraw.get();
        if (now >= slot && nextDraw.compareAndSet(slot, now + REDRAW_NANOS)) {
            draw(now);
        }
    }

    @Override
    public void finish() {
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
        String line = String.format(Locale.ROOT, "%-10s [%s%s] %3d%%  %s elapsed  %s left", task,
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), Math.round(100 * fraction), clock(elapsed), left);
        // Pad with blanks so that a shorter line fully covers the previous one.
        terminal.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
        terminal.flush();
        lastLength = line.length();
    }

    /** mm:ss, or h:mm:ss from one hour on. */
    private static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%02d:%02d", whole / 60, whole % 60);
    }
}
