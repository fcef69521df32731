package org.dmftlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final StringWriter screen = new StringWriter();
    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(screen), now::get);

    @Test
    void redrawsOneLineAtMostTenTimesPerSecond() {
        progress.start("simulation", 1000);
        for (int i = 0; i < 500; i++) {
            progress.advance(1);
        }
        assertEquals(1, redraws(), "same instant: only the start is drawn");

        now.addAndGet(SECOND / 10);
        progress.advance(1);
        progress.advance(1);

        assertEquals(2, redraws());
        assertTrue(screen.toString().endsWith("simulation [###############---------------]  50%  5010 units/s"
                + "  00:00 elapsed  00:00 left"), screen.toString());
        assertEquals(-1, screen.toString().indexOf('\n'), "stays on one line while running");
    }

    @Test
    void showsTheRateElapsedAndRemainingTimeAndEndsTheLineWhenFinished() {
        progress.start("theory", 4, "group steps");
        now.addAndGet(30 * SECOND);
        progress.advance(1);
        now.addAndGet(30 * SECOND);
        progress.advance(1);

        assertTrue(screen.toString().endsWith("  50%  0.0333 group steps/s  01:00 elapsed  01:00 left"),
                screen.toString());

        progress.advance(2);
        progress.finish();

        String last = screen.toString().substring(screen.toString().lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("theory     [##############################] 100%  0.0667 group steps/s  01:00"
                + " elapsed  00:00 left"), last);
        assertTrue(screen.toString().endsWith(System.lineSeparator()));
    }

    @Test
    void aLogGetsALineAMinuteAndNothingForShortWork() {
        TerminalProgress log = TerminalProgress.forLog(new PrintWriter(screen), now::get);
        log.start("simulation", 100, "seed steps");
        now.addAndGet(59 * SECOND);
        log.advance(10);
        assertEquals("", screen.toString(), "nothing before a minute");

        now.addAndGet(SECOND);
        log.advance(10);
        now.addAndGet(SECOND);
        log.advance(10);
        log.finish();

        assertEquals("dmftlab: simulation [######------------------------]  20%  0.333 seed steps/s  01:00 elapsed"
                + "  04:00 left" + System.lineSeparator(), screen.toString());
    }

    @Test
    void isThreadSafe() throws InterruptedException {
        progress.start("simulation", 40_000);
        Thread[] workers = new Thread[4];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    now.addAndGet(SECOND / 1000);
                    progress.advance(1);
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        progress.finish();

        String last = screen.toString().substring(screen.toString().lastIndexOf('\r') + 1);
        assertTrue(last.contains("100%"), last);
        assertTrue(redraws() <= 2 + 40 * 10 + 1, "rate-limited: " + redraws());
    }

    private long redraws() {
        return screen.toString().chars().filter(c -> c == '\r').count();
    }
}
