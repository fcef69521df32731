package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.CountingProgress;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/** What callers rely on besides the numbers: progress accounting and a clean stop on divergence (SPEC §6). */
class EngineContractTest {

    @Test
    void progressCountsEveryGroupStep() {
        CountingProgress sampled = new CountingProgress();
        new TheoryEngine().run(new Experiment(Experiments.squareProblem(2, 0.1, 0.2, 1), Plugins.sgd(0.1, 0.5), 6),
                Experiments.monteCarlo(800, 1, 2), sampled);
        assertEquals(8 * 6, sampled.total.get());
        assertEquals(8 * 6, sampled.done.get());
        assertEquals(1, sampled.finished.get());

        CountingProgress exact = new CountingProgress();
        new TheoryEngine().run(new Experiment(Experiments.squareProblem(2, 0.1, 0.2, 1), Plugins.sgd(0.1, 1), 6),
                Experiments.exact(), exact);
        assertEquals(6, exact.total.get());
        assertEquals(6, exact.done.get());
    }

    /** GD beyond ηκ &lt; 2 (κ up to λ + (1+√α)² ≈ 5.9 at α = 2) blows up: the run stops with the step. */
    @Test
    void divergenceStopsWithTheStep() {
        for (TheorySettings settings : new TheorySettings[] {Experiments.exact(), Experiments.monteCarlo(400, 1, 1)}) {
            CountingProgress progress = new CountingProgress();
            RunFailedException error = assertThrows(RunFailedException.class, () -> new TheoryEngine().run(
                    new Experiment(Experiments.squareProblem(2, 0.1, 0.2, 1), Plugins.sgd(1.0, 1), 200), settings,
                    progress));
            assertEquals("run/diverged", error.code());
            assertTrue(error.getMessage().contains("step"), error.getMessage());
            assertEquals(1, progress.finished.get(), "finish is called after a failure");
        }
    }
}
