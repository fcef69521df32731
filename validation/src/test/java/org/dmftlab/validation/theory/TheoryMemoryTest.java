package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheoryMemory;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * The theory's pre-flight plan ({@link TheoryEngine#memory}): it adds up the memory of docs/performance.md ("Where
 * the time and the memory go") for the case measured there, a solve that cannot fit is refused before it allocates
 * anything, naming the setting its largest part grows with, and a Monte-Carlo solve needs {@value
 * TheoryEngine#minPaths} paths (issue 12, defects 5 and 7).
 */
class TheoryMemoryTest {

    private static final Problem LOGISTIC = new Problem(2, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"),
            Plugins.identity(), 0.2, 1);

    @Test
    void theDocumentedCaseAddsUpAsDocumented() {
        // T = 200, 60 000 paths in 8 groups of 7 500, 4 000 carrying G (500 per group), 1 species, 2 threads, the
        // histories in single precision (the default: 4 bytes a value; the labels in double).
        Experiment experiment = new Experiment(LOGISTIC, Plugins.sgd(0.2, 0.5), 200);
        TheoryMemory memory = new TheoryEngine().memory(experiment,
                new TheorySettings(60_000, 1, 64, 4000, TheorySettings.Mode.AUTO, 2));

        assertEquals(8, memory.groups());
        assertEquals(2, memory.groupsAtOnce());
        assertEquals(7500, memory.paths());
        assertEquals(500, memory.responsePaths());
        long triangle = 4L * 500 * 200 * 201 / 2;
        assertEquals(40.2e6, triangle, 0, "the documented 40 MB of G per group");
        assertEquals(8L * 7500 + 4L * (7500 * 202 + 7500 * 200 + 7500 * 32 * 33 + 500 * (200 * 201 / 2 + 200)),
                memory.dataBytes(), "with every path's ring of its last 32 responses, the documented 31 MB");
        assertEquals(8L * 7 * 202 * 202, memory.kernelBytes());
        assertEquals(2 * (memory.dataBytes() + memory.parameterBytes() + memory.kernelBytes()) + memory.sharedBytes(),
                memory.peakBytes());
        assertTrue(memory.fits() && !memory.large(), memory.summary());
        assertTrue(memory.seconds() > 1 && memory.seconds() < 30, "a few seconds, as measured: " + memory.summary());
    }

    @Test
    void aSolveThatCannotFitIsRefusedBeforeItStartsNamingWhatItGrowsWith() {
        TheoryEngine smallHeap = new TheoryEngine(256L << 20);
        Experiment long_ = new Experiment(LOGISTIC, Plugins.sgd(0.2, 0.5), 3000);
        Experiment short_ = new Experiment(LOGISTIC, Plugins.sgd(0.2, 0.5), 20);

        RefusedInputException steps = assertThrows(RefusedInputException.class, () -> smallHeap.run(long_,
                new TheorySettings(400, 1, 1, 8, TheorySettings.Mode.MONTE_CARLO, 1), Progress.NONE));
        RefusedInputException responses = assertThrows(RefusedInputException.class,
                () -> smallHeap.run(long_, Experiments.monteCarlo(400, 1, 1), Progress.NONE));
        TheorySettings manyPaths = new TheorySettings(40_000_000, 1, 1, 8, TheorySettings.Mode.MONTE_CARLO, 1);
        RefusedInputException paths = assertThrows(RefusedInputException.class,
                () -> smallHeap.run(short_, manyPaths, Progress.NONE));

        assertEquals("theory/too-large", steps.code());
        assertEquals(InputPart.STEPS, steps.part());
        assertTrue(steps.getMessage().contains("kernels "), steps.getMessage());
        assertEquals(InputPart.THEORY_RESPONSE_PATHS, responses.part(), "400 paths carrying G to T = 3000");
        assertEquals("theory/too-large", paths.code());
        assertEquals(InputPart.THEORY_PATHS, paths.part());
        assertFalse(smallHeap.memory(short_, manyPaths).fits());
        assertTrue(smallHeap.memory(short_, Experiments.monteCarlo(4000, 1, 1)).fits());
    }

    @Test
    void aMonteCarloSolveNeedsEightGroupsOfFiftyPathsTheExactSolveNone() {
        Experiment experiment = new Experiment(LOGISTIC, Plugins.sgd(0.2, 0.5), 5);
        Experiment square = new Experiment(Experiments.squareProblem(2, 0.1, 0.2, 1), Plugins.sgd(0.2, 1), 5);

        RefusedInputException refused = assertThrows(RefusedInputException.class,
                () -> new TheoryEngine().memory(experiment, Experiments.monteCarlo(TheoryEngine.minPaths(TheorySettings.DEFAULT_GROUPS) - 1, 1, 1)));

        assertEquals("theory/too-few-paths", refused.code());
        assertEquals(InputPart.THEORY_PATHS, refused.part());
        assertTrue(new TheoryEngine().memory(experiment, Experiments.monteCarlo(TheoryEngine.minPaths(TheorySettings.DEFAULT_GROUPS), 1, 1)).fits());
        assertTrue(new TheoryEngine().memory(square, Experiments.exact()).fits(), "the exact solve draws no paths");
    }
}
