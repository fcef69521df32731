package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input is checked before any work, the sizes of both engines included (issue 12, defects 4, 5 and 7): what
 * the simulation would refuse stops the run before the theory starts; sizes that cannot fit in the heap, or whose
 * arrays Java cannot allocate, are refused at once with one line naming the setting, the other knobs and the heap;
 * a Monte-Carlo solve with too few paths for a usable error is refused. The timeouts only stop a test that hangs
 * (these inputs used to grind for minutes before failing); they are not speed goals.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreflightTest {

    @TempDir
    Path dir;

    @Test
    void aDimensionTheSimulationRefusesStopsTheRunBeforeTheTheory() {
        Outcome outcome = run("--set", "simulation.dimension=1");

        assertRefused(outcome, "[config/out-of-range] simulation.dimension = 1: need 2 <= d");
    }

    @Test
    void aMillionTimesMoreSamplesThanDimensionsAreRefusedBeforeTheTheory() {
        Outcome outcome = run("--set", "problem.alpha=1e6", "--set", "optimizer.learning-rate=1e-9");

        assertRefused(outcome, "[simulation/too-large] simulation.dimension = 100: one seed needs ");
        assertTrue(outcome.err().contains("X is 100000000 × 100"), outcome.err());
    }

    @Test
    void moreSamplesThanAnArrayHoldsAreRefusedBeforeTheTheory() {
        Outcome outcome = run("--set", "problem.alpha=1e8", "--set", "optimizer.learning-rate=1e-12");

        assertRefused(outcome, "[config/out-of-range] simulation.dimension = 100: need 2 <= d");
        assertTrue(outcome.err().contains("(n = 10000000000)"), outcome.err());
    }

    @Test
    void aHundredMillionStepsAreRefusedAtOnceNamingTheSteps() {
        Outcome outcome = run("--set", "steps=100000000");

        assertRefused(outcome, "[config/out-of-range] steps = 100000000: the schedule of the update alone");
        assertTrue(outcome.err().contains("lower the number of steps or raise the heap (-Xmx)"), outcome.err());
    }

    @Test
    void aMillionStepsAreRefusedByEachEngineNamingTheKnobsAndTheHeap() {
        Outcome theory = run("--engine", "theory", "--set", "steps=1000000");
        Outcome simulation = run("--engine", "simulation", "--set", "steps=10000000", "--set", "simulation.seeds=20");

        assertRefused(theory, "[theory/too-large] steps = 1000000: ");
        assertTrue(theory.err().contains("lower steps") && theory.err().contains("or raise -Xmx in DMFTLAB_JAVA_OPTS"),
                theory.err());
        assertRefused(simulation, "[simulation/too-large] simulation.dimension = 100: the 20 seeds keep their"
                + " trajectories");
        assertTrue(simulation.err().contains("lower simulation.seeds or steps"), simulation.err());
    }

    @Test
    void seventyThousandStepsOfTheSampledTheoryAreRefusedNamingTheSteps() {
        Outcome outcome = run("--engine", "theory", "--set", "steps=70000", "--set", "optimizer.batch-fraction=0.5",
                "--set", "theory.paths=400");

        assertRefused(outcome, "[theory/too-large] steps = 70000: one of its arrays would hold ");
        for (String named : List.of("kernels ", "lower steps, theory.paths, theory.response-paths, theory.species")) {
            assertTrue(outcome.err().contains(named), named + " in " + outcome.err());
        }
    }

    @Test
    void twoBillionPathsAreRefusedNamingThePaths() {
        Outcome outcome = run("--engine", "theory", "--set", "optimizer.batch-fraction=0.5",
                "--set", "theory.paths=2000000000");

        // every path's ring of its last T = 5 responses alone is 6.25·10⁹ numbers in one array of each group
        assertRefused(outcome, "[theory/too-large] theory.paths = 2000000000: one of its arrays would hold ");
        assertTrue(outcome.err().contains("more than Java allows"), outcome.err());
    }

    @Test
    void aMonteCarloSolveNeedsFourHundredPathsTheExactOneNone() {
        Outcome sampled = run("--engine", "theory", "--set", "optimizer.batch-fraction=0.5", "--set",
                "theory.paths=1");
        assertRefused(sampled, "[theory/too-few-paths] theory.paths = 1: the Monte-Carlo solve splits the paths into"
                + " 8 independent groups");

        Outcome exact = run("--engine", "theory", "--set", "theory.paths=1");
        assertEquals(0, exact.exitCode(), "the exact solve draws no paths: " + exact.err());
    }

    @Test
    void theMinimumPathsFollowTheGroups() {
        Outcome twenty = run("--engine", "theory", "--set", "optimizer.batch-fraction=0.5", "--set",
                "theory.paths=900", "--set", "theory.groups=20");
        assertRefused(twenty, "[theory/too-few-paths] theory.paths = 900: the Monte-Carlo solve splits the paths into"
                + " 20 independent groups, whose spread is its error; it needs at least 50 paths per group, 1000 in all");

        Outcome four = run("--engine", "theory", "--set", "optimizer.batch-fraction=0.5", "--set",
                "theory.paths=200", "--set", "theory.groups=4", "--set", "steps=3");
        assertEquals(0, four.exitCode(), "4 groups of 50 paths: " + four.err());

        Outcome one = run("--engine", "theory", "--set", "theory.groups=1");
        assertEquals(2, one.exitCode(), one.err());
        assertTrue(one.err().contains("[config/out-of-range] theory.groups = 1: "), one.err());
        assertEquals(1, one.err().lines().count(), one.err());
    }

    @Test
    void aSweepPointThatCannotFitStopsTheSweepBeforeAnythingRuns() {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path sweep = TestExperiments.write(dir, "s.yaml", "base: a.yaml\ngrid: {steps: [5, 1000000]}\n");
        Path out = dir.resolve("sweep");

        Outcome outcome = dmftlab("sweep", sweep.toString(), "--out", out.toString());

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + sweep + " (grid point steps=1000000; base "),
                outcome.err());
        assertTrue(outcome.err().contains("[theory/too-large] steps = 1000000: "), outcome.err());
        assertFalse(Files.exists(out));
    }

    private Outcome run(String... more) {
        String file = TestExperiments.write(dir, "a.yaml", CONFIG_A).toString();
        List<String> args = new ArrayList<>(List.of("run", file, "--out", dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return dmftlab(args.toArray(String[]::new));
    }

    /** Exit 2, one line with the file (and the --set that set the key) and the message, and nothing written. */
    private void assertRefused(Outcome outcome, String message) {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + dir.resolve("a.yaml")), outcome.err());
        assertTrue(outcome.err().contains(": " + message), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing ran");
    }
}
