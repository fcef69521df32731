package org.dmftlab.validation.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheoryResult;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * A run is a list of independent units (DESIGN.md, "Units of a run"; issue 12 defect 10, issue 13): the theory's
 * groups and its coarser quadrature's march, the simulation's seeds. Each unit gets the same stream whether or not
 * the others ran, so a unit computed alone ({@code unit}) is the unit of a whole run, and a run that loads some units
 * from a {@link UnitStore} and computes the others gives the bits of an uninterrupted run. The problem has a
 * power-law spectrum (so the theory has a coarser march) and records the two-time functions.
 */
class UnitsTest {

    private static final int STEPS = 12;
    private static final Experiment EXPERIMENT = new Experiment(new Problem(2, 0.05, Plugins.signTeacher(0.1),
            Plugins.loss("logistic"), Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0.1, 1),
            Plugins.sgd(0.3, 0.5), STEPS).withTwoTimeFunctions();
    private static final TheorySettings THEORY = new TheorySettings(1_200, 7, 6, 300,
            TheorySettings.Mode.MONTE_CARLO, 2, 5);
    private static final SimulationSettings SIMULATION = new SimulationSettings(200, 4, 3, 2);

    /** Keeps what it is given; loads the units it was given in advance; counts the units saved. */
    private static final class MemoryStore implements UnitStore {
        final Map<Integer, Trajectory> units = new ConcurrentHashMap<>();
        final Set<Integer> saved = ConcurrentHashMap.newKeySet();

        @Override
        public Optional<Trajectory> load(int unit) {
            return Optional.ofNullable(units.get(unit));
        }

        @Override
        public void save(int unit, Trajectory trajectory) {
            saved.add(unit);
            units.put(unit, trajectory);
        }
    }

    @Test
    void theoryUnitsComputedAloneOrLoadedGiveTheBitsOfAWholeRun() {
        TheoryEngine engine = new TheoryEngine();
        int units = engine.units(EXPERIMENT, THEORY);
        assertEquals(THEORY.groups() + 1, units, "five groups and the coarser quadrature's march");

        MemoryStore whole = new MemoryStore();
        TheoryResult uninterrupted = engine.run(EXPERIMENT, THEORY, Progress.NONE, whole);
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5)), new TreeSet<>(whole.saved), "every unit saved");

        for (int unit : new int[] {3, units - 1}) {
            assertSameBits(whole.units.get(unit), engine.unit(EXPERIMENT, THEORY, unit, Progress.NONE),
                    "unit " + unit + " alone");
        }

        MemoryStore partial = new MemoryStore();
        whole.units.forEach((unit, trajectory) -> {
            if (unit != 1 && unit != units - 1) {
                partial.units.put(unit, trajectory);
            }
        });
        TheoryResult resumed = engine.run(EXPERIMENT, THEORY, Progress.NONE, partial);
        assertEquals(Set.of(1, units - 1), partial.saved, "only the missing units are computed");
        assertSameBits(uninterrupted.trajectory(), resumed.trajectory(), "resumed theory");
        for (Observable observable : Observable.values()) {
            assertEquals(uninterrupted.quadrature().orElseThrow().bound(observable),
                    resumed.quadrature().orElseThrow().bound(observable), observable.column());
        }
    }

    @Test
    void simulationSeedsComputedAloneOrLoadedGiveTheBitsOfAWholeRun() {
        SimulationEngine engine = new SimulationEngine();
        MemoryStore whole = new MemoryStore();
        Trajectory uninterrupted = engine.run(EXPERIMENT, SIMULATION, Progress.NONE, whole);
        assertEquals(Set.of(0, 1, 2, 3), whole.saved);
        assertSameBits(whole.units.get(2), engine.unit(EXPERIMENT, SIMULATION, 2, Progress.NONE), "seed 2 alone");

        MemoryStore partial = new MemoryStore();
        partial.units.put(0, whole.units.get(0));
        partial.units.put(3, whole.units.get(3));
        assertSameBits(uninterrupted, engine.run(EXPERIMENT, SIMULATION, Progress.NONE, partial), "resumed");
        assertEquals(Set.of(1, 2), partial.saved);
    }

    /** A unit really is used as loaded: a store that hands back another unit changes the result. */
    @Test
    void aLoadedUnitIsUsedAsItIs() {
        TheoryEngine engine = new TheoryEngine();
        MemoryStore whole = new MemoryStore();
        Trajectory uninterrupted = engine.run(EXPERIMENT, THEORY, Progress.NONE, whole).trajectory();
        MemoryStore swapped = new MemoryStore();
        swapped.units.putAll(whole.units);
        swapped.units.put(0, whole.units.get(1));
        Trajectory wrong = engine.run(EXPERIMENT, THEORY, Progress.NONE, swapped).trajectory();
        assertNotEquals(uninterrupted.value(Observable.OVERLAP, STEPS), wrong.value(Observable.OVERLAP, STEPS));
    }

    @Test
    void theGroupCountIsASettingWithItsMinimumRules() {
        TheoryEngine engine = new TheoryEngine();
        TheorySettings eight = new TheorySettings(1_200, 7, 6, 300, TheorySettings.Mode.MONTE_CARLO, 2);
        assertEquals(TheorySettings.DEFAULT_GROUPS, eight.groups());
        assertEquals(9, engine.units(EXPERIMENT, eight));

        RefusedInputException one = assertThrows(RefusedInputException.class, () -> engine.memory(EXPERIMENT,
                new TheorySettings(1_200, 7, 6, 300, TheorySettings.Mode.MONTE_CARLO, 2, 1)));
        assertEquals(InputPart.THEORY_GROUPS, one.part());
        RefusedInputException paths = assertThrows(RefusedInputException.class, () -> engine.memory(EXPERIMENT,
                new TheorySettings(1_200, 7, 6, 300, TheorySettings.Mode.MONTE_CARLO, 2, 25)));
        assertEquals(InputPart.THEORY_PATHS, paths.part(), "25 groups need 1 250 paths");
        assertTrue(paths.getMessage().contains("1250"), paths.getMessage());
        RefusedInputException responses = assertThrows(RefusedInputException.class, () -> engine.memory(EXPERIMENT,
                new TheorySettings(1_200, 7, 6, 20, TheorySettings.Mode.MONTE_CARLO, 2, 24)));
        assertEquals(InputPart.THEORY_RESPONSE_PATHS, responses.part(), "a response path per group");
    }

    private static void assertSameBits(Trajectory expected, Trajectory actual, String label) {
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= STEPS; t++) {
                assertEquals(Double.doubleToRawLongBits(expected.value(observable, t)),
                        Double.doubleToRawLongBits(actual.value(observable, t)), label + " " + observable + " " + t);
                assertEquals(Double.doubleToRawLongBits(expected.error(observable, t)),
                        Double.doubleToRawLongBits(actual.error(observable, t)), label + " error " + observable);
            }
        }
        TwoTimeFunctions first = expected.twoTime().orElseThrow();
        TwoTimeFunctions second = actual.twoTime().orElseThrow();
        for (int i = 0; i < first.grid().size(); i++) {
            for (int j = 0; j <= i; j++) {
                for (TwoTimeFunctions.Function function : TwoTimeFunctions.Function.values()) {
                    assertEquals(Double.doubleToRawLongBits(first.value(function, i, j)),
                            Double.doubleToRawLongBits(second.value(function, i, j)), label + " " + function);
                }
            }
        }
    }
}
