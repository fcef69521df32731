package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.junit.jupiter.api.Test;

/** SPEC §5.6: the reference values of configurations A (exact) and B (DMFT with Monte-Carlo errors). */
class ReferenceFilesTest {

    /** Configuration A is printed to 10 significant digits. */
    private static final double PRINTED = 1e-9;

    @Test
    void configurationAExact() {
        double[] rows = new ReferenceValues("config-a-exact.json").array("rows");
        int columns = 5;
        int steps = rows.length / columns - 1;
        Trajectory theory = Setups.run(Setups.squareProblem(3, 0.5, 0.2, 1), Setups.sgd(0.1, 1), steps,
                Setups.exact());
        Observable[] observables = {Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS, Observable.TEST_ERROR};
        for (int t = 0; t <= steps; t++) {
            assertEquals(t, rows[t * columns]);
            for (int c = 0; c < observables.length; c++) {
                double expected = rows[t * columns + 1 + c];
                assertEquals(expected, theory.value(observables[c], t), PRINTED * Math.max(1, Math.abs(expected)),
                        observables[c].column() + " at t = " + t);
            }
        }
    }

    @Test
    void configurationBWithinThreeCombinedErrors() {
        ReferenceValues reference = new ReferenceValues("config-b-sgd.json");
        double[] steps = reference.array("step");
        Problem problem = Setups.squareProblem(3, 0.5, 0.2, 1);
        Trajectory theory = Setups.run(problem, Setups.sgd(0.1, 0.3), 49, Setups.monteCarlo(60_000, 2, 2));
        String[] names = {"m", "q", "train_loss"};
        Observable[] observables = {Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS};
        for (int o = 0; o < names.length; o++) {
            double[] expected = reference.array("theory_" + names[o]);
            double[] errors = reference.array("theory_" + names[o] + "_mc");
            for (int i = 0; i < steps.length; i++) {
                int t = (int) steps[i];
                double ours = theory.value(observables[o], t);
                double combined = Math.hypot(errors[i], theory.error(observables[o], t));
                // the reference rounds to 4 decimals: half a unit of the last digit is added to the error
                assertTrue(Math.abs(ours - expected[i]) <= 3 * combined + 5e-5, names[o] + " at t = " + t + ": "
                        + ours + " vs " + expected[i] + " (combined error " + combined + ")");
            }
        }
    }
}
