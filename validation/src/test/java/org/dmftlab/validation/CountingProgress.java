package org.dmftlab.validation;

import java.util.concurrent.atomic.AtomicLong;
import org.dmftlab.core.problem.Progress;

/** A {@link Progress} that counts what an engine announces and reports, for the engines' progress contracts. */
public final class CountingProgress implements Progress {

    /** The total announced by the last {@link #start}, −1 before. */
    public final AtomicLong total = new AtomicLong(-1);
    /** The sum of every {@link #advance}. */
    public final AtomicLong done = new AtomicLong();
    /** How many times {@link #finish} was called. */
    public final AtomicLong finished = new AtomicLong();

    @Override
    public void start(String task, long totalUnits) {
        total.set(totalUnits);
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
    }

    @Override
    public void finish() {
        finished.incrementAndGet();
    }
}
