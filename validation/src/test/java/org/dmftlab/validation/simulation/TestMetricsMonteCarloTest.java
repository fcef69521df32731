package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.simulation.SimulationStepper;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * The simulation's test_loss and test_error (SPEC §3 formulas with the measured ρ, M, Q) against a direct
 * Monte-Carlo test set: fresh inputs from the same Σ, labels from the same teacher w*, and ℓ and the error
 * evaluated at the simulated iterate.
 */
class TestMetricsMonteCarloTest {

    private static final int DIMENSION = 200;
    private static final int STEP = 4;
    private static final int FRESH_SAMPLES = 40_000;
    /** A two-level spectrum (eigenvalues 0.5 and 1.5) so that M ≠ m and Q ≠ q. */
    private static final Covariance TWO_LEVEL = u -> u <= 0.5 ? 0.5 : 1.5;

    @Test
    void linearTeacherWithSquareLoss() {
        check(Plugins.linearTeacher(0.3), Plugins.loss("square"), false);
    }

    @Test
    void signTeacherWithLogisticLoss() {
        check(Plugins.signTeacher(0.1), Plugins.loss("logistic"), true);
    }

    /** @param classification whether the error is P(sign(x·w) ≠ y) rather than (y − x·w)² */
    private static void check(Teacher teacher, Loss loss, boolean classification) {
        Problem problem = new Problem(1.5, 0.1, teacher, loss, TWO_LEVEL, 0.3, 0.8);
        Experiment experiment = new Experiment(problem,
                Plugins.optimizer("sgd", Map.of("learning-rate", 0.3, "batch-fraction", 0.5)), STEP + 1);
        try (SimulationStepper stepper = SimulationStepper.open(experiment,
                new SimulationSettings(DIMENSION, 1, 5, 1))) {
            for (int t = 0; t < STEP; t++) {
                stepper.step();
            }
            double[] w = stepper.iterate();
            double[] teacherVector = stepper.teacher();
            stepper.step(); // records the observables of w = w^STEP
            double engineLoss = stepper.trajectory().value(Observable.TEST_LOSS, STEP);
            double engineError = stepper.trajectory().value(Observable.TEST_ERROR, STEP);

            // In the eigenbasis x_j = √(σ_j / d) z_j, as in the simulation.
            double[] scale = TWO_LEVEL.eigenvalues(DIMENSION);
            for (int j = 0; j < DIMENSION; j++) {
                scale[j] = Math.sqrt(scale[j] / DIMENSION);
            }
            SplittableRandom random = new SplittableRandom(99);
            double[] lossSums = new double[2];
            double[] errorSums = new double[2];
            for (int k = 0; k < FRESH_SAMPLES; k++) {
                double h0 = 0;
                double r = 0;
                for (int j = 0; j < DIMENSION; j++) {
                    double x = scale[j] * random.nextGaussian();
                    h0 += x * teacherVector[j];
                    r += x * w[j];
                }
                double y = teacher.label(h0, teacher.drawNoise(random));
                double l = loss.value(y, r);
                double e = classification ? ((r >= 0 ? 1 : -1) != y ? 1 : 0) : (y - r) * (y - r);
                lossSums[0] += l;
                lossSums[1] += l * l;
                errorSums[0] += e;
                errorSums[1] += e * e;
            }
            assertAgrees("test_loss", engineLoss, lossSums);
            assertAgrees("test_error", engineError, errorSums);
        }
    }

    /** |engine − MC mean| ≤ 4 MC standard errors. */
    private static void assertAgrees(String name, double engine, double[] sums) {
        double mean = sums[0] / FRESH_SAMPLES;
        double standardError = Math.sqrt((sums[1] / FRESH_SAMPLES - mean * mean) / FRESH_SAMPLES);
        assertTrue(Math.abs(engine - mean) <= 4 * standardError,
                () -> name + ": engine " + engine + ", Monte Carlo " + mean + " ± " + standardError);
    }
}
