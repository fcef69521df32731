package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.StepComparison;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.spi.LossProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Agreement}: the allowance of a comparison (k combined errors plus the (1 + |theory|)/d finite-size term),
 * and the check itself on a standard loss with a classification teacher.
 */
class AgreementTest {

    private static final int D = 1000;
    private static final double K = 4;

    @Test
    void agreesWithinKCombinedErrorsPlusTheFiniteSizeTerm() {
        // combined error hypot(0.003, 0.004) = 0.005: allowed 4 · 0.005 + 1.5 / 1000 = 0.0215
        Agreement.Comparison near = compare(0.5, 0.003, 0.52, 0.004);
        assertEquals(0.005, near.combinedError(), 1e-15);
        assertEquals(0.0215, near.allowed(), 1e-15);
        assertTrue(near.agrees(), near::toString);
        assertFalse(compare(0.5, 0.003, 0.5216, 0.004).agrees(), "just outside the allowance");
    }

    @Test
    void anUnknownErrorCountsAsZeroAndAMissingValueNeverAgrees() {
        Agreement.Comparison exactTheory = compare(1, Double.NaN, 1.0015, Double.NaN);
        assertEquals(0, exactTheory.combinedError());
        assertTrue(exactTheory.agrees(), "within (1 + 1)/d = 0.002");
        assertFalse(compare(1, Double.NaN, 1.0025, Double.NaN).agrees(), "beyond (1 + 1)/d");
        assertFalse(compare(1, 0, Double.NaN, 0.01).agrees(), "no simulated value");
    }

    @Test
    void aDisagreementNamesObservableStepAndValues() {
        String message = compare(0.25, 0.001, 0.4, 0.001).toString();
        assertTrue(message.startsWith("train_loss at t = 3: theory 0.25"), message);
        assertTrue(message.contains("simulation 0.4"), message);
    }

    @Test
    void logisticRegressionOnASignTeacherAgrees() {
        LossProvider logistic = PluginRegistry.discover().find(PluginFamily.LOSS, "logistic").provider();
        Agreement agreement = Agreement.forLoss(logistic, Map.of()).withTeacher("sign", Map.of("flip", 0.1));
        assertEquals(Observable.values().length, agreement.compare().size());
        agreement.assertAgrees();
    }

    private static Agreement.Comparison compare(double theoryValue, double theoryError, double simulatedValue,
                                                double simulationError) {
        Trajectory theory = new Trajectory(5);
        Trajectory simulation = new Trajectory(5);
        theory.set(Observable.TRAIN_LOSS, 3, theoryValue, theoryError);
        if (!Double.isNaN(simulatedValue)) {
            simulation.set(Observable.TRAIN_LOSS, 3, simulatedValue, simulationError);
        }
        StepComparison step = StepComparison.of(theory, simulation).stream()
                .filter(c -> c.observable() == Observable.TRAIN_LOSS && c.step() == 3).findFirst().orElseThrow();
        return Agreement.Comparison.of(step, K, D);
    }
}
