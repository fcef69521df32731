package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.validation.Experiments;
import org.junit.jupiter.api.Test;

/** SPEC §5.6: the reference values of configurations A (exact) and B (DMFT with Monte-Carlo errors). */
class ReferenceFilesTest {

    /** Configuration A is printed to 10 significant digits. */
    private static final double PRINTED = 1e-9;

    @Test
    void configurationAExact() {
        JsonNode reference = Experiments.reference("config-a-exact.json");
        JsonNode rows = reference.get("rows");
        Trajectory theory = Experiments.theory(Experiments.experiment(reference), Experiments.exact());
        assertEquals(rows.size() - 1, theory.steps());
        Observable[] observables = {Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS, Observable.TEST_ERROR};
        for (int t = 0; t <= theory.steps(); t++) {
            JsonNode row = rows.get(t);
            assertEquals(t, row.get(0).asDouble());
            for (int c = 0; c < observables.length; c++) {
                double expected = row.get(1 + c).asDouble();
                assertEquals(expected, theory.value(observables[c], t), PRINTED * Math.max(1, Math.abs(expected)),
                        observables[c].column() + " at t = " + t);
            }
        }
    }

    @Test
    void configurationBWithinThreeCombinedErrors() {
        JsonNode reference = Experiments.reference("config-b-sgd.json");
        JsonNode steps = reference.get("step");
        Experiment experiment = Experiments.experiment(reference);
        Trajectory theory = Experiments.theory(experiment, Experiments.monteCarlo(60_000, 2, 2));
        String[] names = {"m", "q", "train_loss"};
        Observable[] observables = {Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS};
        for (int o = 0; o < names.length; o++) {
            JsonNode expected = reference.get("theory_" + names[o]);
            JsonNode errors = reference.get("theory_" + names[o] + "_mc");
            for (int i = 0; i < steps.size(); i++) {
                int t = steps.get(i).asInt();
                double ours = theory.value(observables[o], t);
                double combined = Math.hypot(errors.get(i).asDouble(), theory.error(observables[o], t));
                // the reference rounds to 4 decimals: half a unit of the last digit is added to the error
                assertTrue(Math.abs(ours - expected.get(i).asDouble()) <= 3 * combined + 5e-5, names[o] + " at t = "
                        + t + ": " + ours + " vs " + expected.get(i).asDouble() + " (combined error " + combined + ")");
            }
        }
    }
}
