package org.dmftlab.validation.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * A dense covariance (the {@code ar1} plugin, Toeplitz Σ_ij = r^|i−j|, simulated with X = Z Lᵀ) against
 * expectations that need no theory, and the engine's failures: a diverging run and invalid input.
 */
class DenseCovarianceAndFailureTest {

    private static final int DIMENSION = 300;
    private static final int SEEDS = 16;
    private static final double CORRELATION = 0.6;

    /** The {@code ar1} plugin: Σ_ij = r^|i−j|, unit diagonal (tr Σ = d), simulated with its dense operator. */
    private static final Covariance AR1 = Plugins.covariance("ar1",
            Map.of("correlation", CORRELATION));

    private static Trajectory simulate(Covariance covariance, double m0, double c0, double eta, int steps,
                                       SimulationSettings settings) {
        Problem problem = new Problem(2.0, 0.1, Plugins.linearTeacher(0), Plugins.loss("square"), covariance,
                m0, c0);
        Experiment experiment = new Experiment(problem, Plugins.optimizer("sgd", Map.of("learning-rate", eta)), steps);
        return Experiments.simulate(experiment, settings);
    }

    /** |value − expected| ≤ 3 standard errors + an allowance for rounding. */
    private static void assertWithinErrors(String name, double expected, Trajectory sim, Observable o, int t) {
        double value = sim.value(o, t);
        double error = sim.error(o, t);
        assertTrue(Math.abs(value - expected) <= 3 * error + 1e-12,
                () -> name + ": simulation " + value + " ± " + error + ", expected " + expected);
    }

    @Test
    void initialPointHasTheExpectedOverlapsWithADenseCovariance() {
        double m0 = 0.4;
        double c0 = 0.6;
        Trajectory sim = simulate(AR1, m0, c0, 0.1, 1, new SimulationSettings(DIMENSION, SEEDS, 3, 2));
        // w⊥ ⟂ w* and |w*|² = d: m(0) = m0 and q(0) = m0² + c0 exactly in every seed.
        assertEquals(m0, sim.value(Observable.OVERLAP, 0), 1e-12);
        assertEquals(m0 * m0 + c0, sim.value(Observable.NORM, 0), 1e-12);
        // E ρ = tr Σ / d = 1 and E w⊥ᵀΣw* = 0, so E M(0) = m0; E w⊥ᵀΣw⊥ / d = c0 (tr Σ − ρ)/(d − 1) → E Q(0) = m0² + c0.
        assertWithinErrors("M(0)", m0, sim, Observable.POPULATION_OVERLAP, 0);
        assertWithinErrors("Q(0)", m0 * m0 + c0, sim, Observable.POPULATION_NORM, 0);
        // The population norm is not the Euclidean one: Q(0) varies from seed to seed, q(0) does not.
        assertTrue(sim.error(Observable.POPULATION_NORM, 0) > 1e-4);
    }

    @Test
    void firstGradientStepSeesTheDenseCovariance() {
        // From w⁰ = 0 one GD step gives w¹ = η Xᵀy = η XᵀX w* with E XᵀX = (n/d) Σ. With w* isotropic:
        // E m(1) = η (n/d) tr Σ/d and E M(1) = η (n/d) tr Σ²/d (about 2.1 for r = 0.6, not 1 as for Σ = I).
        double eta = 0.2;
        Trajectory sim = simulate(AR1, 0, 0, eta, 1, new SimulationSettings(DIMENSION, SEEDS, 4, 2));
        double traceSquared = 0;
        for (int i = 0; i < DIMENSION; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                traceSquared += Math.pow(CORRELATION, 2 * Math.abs(i - j));
            }
        }
        double samplesPerDimension = Math.round(2.0 * DIMENSION) / (double) DIMENSION;
        assertWithinErrors("m(1)", eta * samplesPerDimension, sim, Observable.OVERLAP, 1);
        assertWithinErrors("M(1)", eta * samplesPerDimension * traceSquared / DIMENSION, sim,
                Observable.POPULATION_OVERLAP, 1);
    }

    @Test
    void divergingRunStopsNamingTheStepAndObservable() {
        SimulationSettings oneThread = new SimulationSettings(200, 3, 8, 1);
        RunFailedException failure = assertThrows(RunFailedException.class,
                () -> simulate(Plugins.identity(), 0.2, 1, 3.0, 40, oneThread));
        assertEquals("run/diverged", failure.code());
        assertTrue(failure.getMessage().matches(".*at step \\d+: (m|q|M|Q|train_loss|test_loss|test_error) = .*"),
                failure.getMessage());
        // The reported failure (earliest step, then lowest seed) does not depend on scheduling.
        RunFailedException parallel = assertThrows(RunFailedException.class,
                () -> simulate(Plugins.identity(), 0.2, 1, 3.0, 40, new SimulationSettings(200, 3, 8, 3)));
        assertEquals(failure.getMessage(), parallel.getMessage());
    }

    @Test
    void invalidInputIsReportedWithItsKey() {
        RefusedInputException tooSmall = assertThrows(RefusedInputException.class,
                () -> simulate(Plugins.identity(), 0.2, 1, 0.1, 1, new SimulationSettings(1, 1, 1, 1)));
        assertEquals("config/out-of-range", tooSmall.code());
        assertEquals(InputPart.SIMULATION_DIMENSION, tooSmall.part());
        assertEquals("1", tooSmall.value());

        Covariance singular = new Covariance() {
            @Override
            public double eigenvalueQuantile(double u) {
                return 1;
            }

            @Override
            public Optional<DenseOperator> denseOperator() {
                return Optional.of((d, i, j) -> 1.0);
            }
        };
        RefusedInputException notDefinite = assertThrows(RefusedInputException.class,
                () -> simulate(singular, 0.2, 1, 0.1, 1, new SimulationSettings(20, 1, 1, 1)));
        assertEquals("covariance/not-positive-definite", notDefinite.code());
        assertEquals(InputPart.COVARIANCE, notDefinite.part());
    }
}
