package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationError;
import org.dmftlab.core.simulation.SimulationMemory;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.CountingProgress;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Memory-aware scheduling of seeds with an injected heap size: never more seeds in flight than fit in the heap's
 * budget (exactly k at the smallest heap that fits k, k − 1 one byte below), a run of which not even one seed fits
 * is refused before it starts, and the memory per seed is X plus at most 5 % and terms linear in n and d.
 */
class MemoryTest {

    private static final UpdateRule SGD = Plugins.optimizer("sgd", Map.of("learning-rate", 0.2, "batch-fraction", 0.5));
    private static final Experiment EXPERIMENT = new Experiment(
            new Problem(2.0, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"), Plugins.identity(), 0, 1), SGD, 5);
    private static final SimulationSettings SETTINGS = new SimulationSettings(300, 4, 1, 4);

    /** The smallest heap in which {@code seeds} seeds of a run are in flight at once (bisection). */
    static long heapFor(Experiment experiment, SimulationSettings settings, int seeds) {
        long low = 0;
        long high = Long.MAX_VALUE / 4;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (inFlight(experiment, settings, middle) >= seeds) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    private static int inFlight(Experiment experiment, SimulationSettings settings, long heap) {
        return new SimulationEngine(heap).memory(experiment, settings).seedsInFlight();
    }

    @Test
    void seedsInFlightAreTheSeedsThatFitInTheHeap() {
        SimulationMemory unbounded = new SimulationEngine(Long.MAX_VALUE / 4).memory(EXPERIMENT, SETTINGS);
        assertEquals(4, unbounded.seedsInFlight());
        for (int seeds = 1; seeds <= 3; seeds++) {
            long heap = heapFor(EXPERIMENT, SETTINGS, seeds);
            SimulationMemory memory = new SimulationEngine(heap).memory(EXPERIMENT, SETTINGS);
            assertEquals(seeds, memory.seedsInFlight(), "heap " + heap);
            assertTrue(memory.inFlightBytes() <= memory.budgetBytes(), memory::summary);
            assertTrue(memory.budgetBytes() < heap, memory::summary);
            assertEquals(seeds - 1, inFlight(EXPERIMENT, SETTINGS, heap - 1), "heap " + (heap - 1));
        }
    }

    @Test
    void theThreadsBoundTheSeedsInFlight() {
        SimulationSettings twoThreads = new SimulationSettings(300, 4, 1, 2);
        assertEquals(2, new SimulationEngine(Long.MAX_VALUE / 4).memory(EXPERIMENT, twoThreads).seedsInFlight());
    }

    @Test
    void aRunThatCannotFitIsRefusedBeforeItStarts() {
        long heap = heapFor(EXPERIMENT, SETTINGS, 1) - 1;
        CountingProgress watching = new CountingProgress();
        assertFalse(new SimulationEngine(heap).memory(EXPERIMENT, SETTINGS).fits());
        RefusedInputException refused = assertThrows(RefusedInputException.class,
                () -> new SimulationEngine(heap).run(EXPERIMENT, SETTINGS, watching));
        assertEquals(-1, watching.total.get(), "started");
        assertEquals(0, watching.done.get() + watching.finished.get(), "advanced or finished");
        assertEquals(SimulationError.TOO_LARGE.code(), refused.code());
        assertEquals(InputPart.SIMULATION_DIMENSION, refused.part());
        assertEquals("300", refused.value());
        assertTrue(refused.detail().contains("the number of seeds = 4"), refused::getMessage);
        assertTrue(refused.detail().contains("the heap of "), refused::getMessage);
        assertTrue(refused.detail().contains("-Xmx"), refused::getMessage);
    }

    @ParameterizedTest
    @CsvSource({"300, 2.0, SINGLE", "300, 2.0, DOUBLE", "1999, 0.5, SINGLE", "20000, 2.0, SINGLE",
            "20000, 2.0, DOUBLE", "5000, 8.0, SINGLE"})
    void aSeedHoldsItsDataMatrixAndTermsLinearInNAndD(int d, double alpha, Precision precision) {
        Experiment experiment = new Experiment(new Problem(alpha, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"),
                Plugins.identity(), 0, 1), SGD, 20);
        SimulationMemory memory = new SimulationEngine(Long.MAX_VALUE / 4).memory(experiment,
                new SimulationSettings(d, 2, 1, 2, precision));
        long n = Math.round(alpha * d);
        assertEquals(n * d * precision.bytes(), memory.matrixBytes(), 16);
        long linear = 128 * (n + d) + 4096;
        assertTrue(memory.seedBytes() <= 1.05 * memory.matrixBytes() + linear, memory::summary);
        assertTrue(memory.seedBytes() > memory.matrixBytes() + 8 * n, memory::summary);
    }
}
