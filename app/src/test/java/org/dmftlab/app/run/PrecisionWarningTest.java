package org.dmftlab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.QuadratureError;
import org.dmftlab.core.theory.TheoryResult;
import org.dmftlab.core.theory.TheorySettings;
import org.junit.jupiter.api.Test;

class PrecisionWarningTest {

    private static final TheorySettings SETTINGS = new TheorySettings(50_000, 1, 32, 50_000,
            TheorySettings.Mode.AUTO, 2);

    /** Every observable at 2 from t = 1 on (1 at t = 0), with the given error at T = 10. */
    private static Trajectory trajectory(Map<Observable, Double> errorsAtT) {
        Trajectory trajectory = new Trajectory(10);
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= 10; t++) {
                double error = t == 10 ? errorsAtT.getOrDefault(observable, 0.001) : 0.001;
                trajectory.set(observable, t, t == 0 ? 1 : 2, error);
            }
        }
        return trajectory;
    }

    private static QuadratureError quadrature(double bound) {
        Map<Observable, Double> bounds = new EnumMap<>(Observable.class);
        for (Observable observable : Observable.values()) {
            bounds.put(observable, 1e-9);
        }
        bounds.put(Observable.POPULATION_NORM, bound);
        return new QuadratureError(32, 16, bounds);
    }

    @Test
    void silentWhenEveryErrorIsWithinOnePercentOfTheLargestValue() {
        TheoryResult result = new TheoryResult(trajectory(Map.of(Observable.NORM, 0.0199)),
                Optional.of(quadrature(1e-4)));

        assertEquals(Optional.empty(), PrecisionWarning.of(result, SETTINGS));
    }

    @Test
    void namesTheWorstObservableTheOthersAndHowManyPathsWouldDo() {
        TheoryResult result = new TheoryResult(trajectory(Map.of(Observable.NORM, 0.06, Observable.TEST_LOSS, 0.03)),
                Optional.empty());

        String warning = PrecisionWarning.of(result, SETTINGS).orElseThrow();

        // (0.06 / 0.02)² = 9 times the paths.
        assertEquals("theory: the Monte-Carlo error at T = 10 of q is 0.06, above 0.02 (1% of its largest value 2;"
                + " also test_loss): raise theory.paths from 50000 to about 450000 (the error falls as 1/√paths)",
                warning);
    }

    @Test
    void aQuadratureBoundAboveTheMonteCarloErrorAsksForMoreSpecies() {
        TheoryResult result = new TheoryResult(trajectory(Map.of()), Optional.of(quadrature(0.005)));

        String warning = PrecisionWarning.of(result, SETTINGS).orElseThrow();

        assertTrue(warning.startsWith("theory: the species quadrature's error bound of Q is 0.005, above 0.001 (1%"
                + " of its largest value 2, or the Monte-Carlo error)"), warning);
        assertTrue(warning.endsWith("raise theory.species from 32 to 64"), warning);
    }

    @Test
    void bothCausesMakeOneLine() {
        TheoryResult result = new TheoryResult(trajectory(Map.of(Observable.OVERLAP, 0.05)),
                Optional.of(quadrature(Double.NaN)));

        String warning = PrecisionWarning.of(result, SETTINGS).orElseThrow();

        assertTrue(warning.contains("raise theory.paths from 50000 to about 320000"), warning);
        assertTrue(warning.contains("error bound of Q is unknown (the coarser rule diverged)"), warning);
        assertTrue(warning.contains("raise theory.species from 32 to 64"), warning);
        assertEquals(-1, warning.indexOf('\n'));
    }
}
