package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;
import org.junit.jupiter.api.Test;

/** What callers rely on besides the numbers: progress accounting and a clean stop on divergence (SPEC §6). */
class EngineContractTest {

    /** Counts units; checks start/finish pairing. */
    private static final class CountingProgress implements Progress {
        final AtomicLong total = new AtomicLong(-1);
        final AtomicLong done = new AtomicLong();
        volatile boolean finished;

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
            finished = true;
        }
    }

    @Test
    void progressCountsEveryGroupStep() {
        CountingProgress sampled = new CountingProgress();
        new TheoryEngine().run(new Experiment(Setups.squareProblem(2, 0.1, 0.2, 1), Setups.sgd(0.1, 0.5), 6),
                Setups.monteCarlo(800, 1, 2), sampled);
        assertEquals(8 * 6, sampled.total.get());
        assertEquals(8 * 6, sampled.done.get());
        assertTrue(sampled.finished);

        CountingProgress exact = new CountingProgress();
        new TheoryEngine().run(new Experiment(Setups.squareProblem(2, 0.1, 0.2, 1), Setups.sgd(0.1, 1), 6),
                Setups.exact(), exact);
        assertEquals(6, exact.total.get());
        assertEquals(6, exact.done.get());
    }

    /** GD beyond ηκ &lt; 2 (κ up to λ + (1+√α)² ≈ 5.9 at α = 2) blows up: the run stops with the step. */
    @Test
    void divergenceStopsWithTheStep() {
        CountingProgress progress = new CountingProgress();
        for (TheorySettings settings : new TheorySettings[] {Setups.exact(), Setups.monteCarlo(400, 1, 1)}) {
            RunFailedException error = assertThrows(RunFailedException.class, () -> new TheoryEngine().run(
                    new Experiment(Setups.squareProblem(2, 0.1, 0.2, 1), Setups.sgd(1.0, 1), 200), settings,
                    progress));
            assertEquals("run/diverged", error.code());
            assertTrue(error.getMessage().contains("step"), error.getMessage());
            assertTrue(progress.finished);
        }
    }
}
