package org.dmftlab.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import java.util.random.RandomGenerator;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.random.CountedStream;
import org.dmftlab.core.random.Streams;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Quadrature;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §5.3, batch bookkeeping of the sampled data side: Γ(t,t) = α E[ℓ″] and C_ℓ(t,t) = (α/b) E[ℓ′²] (the
 * selection s = 1/b w.p. b carries the 1/b once: E[s] = 1, E[s²] = 1/b). At t = 0 the preactivation is the
 * Gaussian field ω⁰ with Cov(h0, ω⁰) = m0 ρ and Var ω⁰ = m0² ρ + c0 (Σ = I), so both sides are computed
 * independently by quadrature.
 */
class BatchBookkeepingTest {

    private static final double ALPHA = 2;
    private static final double M0 = 0.4;
    private static final double C0 = 0.7;
    private static final int PATHS = 200_000;

    /** ℓ = log cosh(r − y): ℓ′ = tanh(r − y), ℓ″ = 1 − tanh²(r − y). */
    private static final Loss LOG_COSH = new Loss() {
        @Override
        public double value(double y, double r) {
            return Math.log(Math.cosh(r - y));
        }

        @Override
        public double firstDerivative(double y, double r) {
            return Math.tanh(r - y);
        }

        @Override
        public double secondDerivative(double y, double r) {
            double tanh = Math.tanh(r - y);
            return 1 - tanh * tanh;
        }

        @Override
        public boolean curvatureCarriesResponse() {
            return true;
        }
    };

    /** y = h0 + ε/2, ε ~ N(0, 1). */
    private static final Teacher NOISY_LINEAR = new Teacher() {
        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public double drawNoise(RandomGenerator random) {
            return random.nextGaussian();
        }

        @Override
        public Quadrature noiseLaw() {
            return Quadrature.standardNormal(24);
        }

        @Override
        public double label(double h0, double noise) {
            return h0 + 0.5 * noise;
        }

        @Override
        public double testError(double rho, double m, double q) {
            return rho - 2 * m + q + 0.25;
        }
    };

    private record Sgd(double batchFraction) implements UpdateRule {
        @Override
        public int memory() {
            return 1;
        }

        @Override
        public StepCoefficients coefficients(int t) {
            return StepCoefficients.momentum(0.1, 0, 0);
        }

        @Override
        public double temperature() {
            return 0;
        }
    }

    /** E F(y, r⁰) by the quadrature of the test metrics, with the ρ, M, Q of step 0. */
    private static double expectation(DoubleBinaryOperator function) {
        return TestMetrics.expectation(NOISY_LINEAR, 1, M0, M0 * M0 + C0, function);
    }

    @ParameterizedTest(name = "b = {0}")
    @ValueSource(doubles = {1.0, 0.3})
    void selectionCarriesTheBatchFactorOnce(double batchFraction) {
        Species identity = new Species(new double[] {1}, new double[] {1}, new double[] {1}, true);
        UpdateSchedule schedule = UpdateSchedule.of(new Sgd(batchFraction), 1);
        ParameterSide parameters = new ParameterSide(identity, schedule, 0.1, M0, C0);
        ParameterAggregates aggregates = parameters.aggregates();
        PathDataSide data = new PathDataSide(aggregates, LOG_COSH, NOISY_LINEAR, ALPHA, schedule, PATHS, PATHS,
                new CountedStream(Streams.root(42)));
        parameters.prepare(0, data.kernels());
        assertEquals(M0, aggregates.teacherOverlap(0), 1e-15);
        assertEquals(M0 * M0 + C0, aggregates.fieldCovariance(0)[0], 1e-15);
        data.step(0, true);
        DataKernels kernels = data.kernels();

        double curvature = ALPHA * expectation(LOG_COSH::secondDerivative);
        double noise = ALPHA / batchFraction * expectation((y, r) -> Math.pow(LOG_COSH.firstDerivative(y, r), 2));
        // |ℓ′| ≤ 1 and 0 ≤ ℓ″ ≤ 1 bound the variances by E[s²] = 1/b and E[s⁴] = 1/b³.
        double curvatureTolerance = 4 * ALPHA * Math.sqrt(1 / (batchFraction * PATHS));
        double noiseTolerance = 4 * ALPHA * Math.sqrt(1 / (Math.pow(batchFraction, 3) * PATHS));
        assertEquals(curvature, kernels.memory(0)[0], curvatureTolerance, "Γ(0,0) = α E[ℓ″]");
        assertEquals(noise, kernels.noiseCovariance(0)[0], noiseTolerance, "C_ℓ(0,0) = (α/b) E[ℓ′²]");
        if (batchFraction < 1) {
            assertTrue(Math.abs(curvature / batchFraction - kernels.memory(0)[0]) > 10 * curvatureTolerance,
                    "a memory kernel with α/b (SPEC §4.4) would be detected");
        }
    }
}
