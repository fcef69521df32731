package org.dmftlab.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.random.CountedStream;
import org.dmftlab.core.random.Streams;
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

    /** E F(y, r⁰) by the quadrature of the test metrics, with the ρ, M, Q of step 0. */
    private static double expectation(DoubleBinaryOperator function) {
        return TestMetrics.expectation(TestLaws.NOISY_LINEAR, 1, M0, M0 * M0 + C0, function);
    }

    @ParameterizedTest(name = "b = {0}")
    @ValueSource(doubles = {1.0, 0.3})
    void selectionCarriesTheBatchFactorOnce(double batchFraction) {
        Species identity = new Species(new double[] {1}, new double[] {1}, new double[] {1}, true);
        UpdateSchedule schedule = UpdateSchedule.of(TestLaws.sgd(batchFraction, 0, 0), 1);
        ParameterSide parameters = new ParameterSide(identity, schedule, 0.1, M0, C0);
        ParameterAggregates aggregates = parameters.aggregates();
        PathDataSide data = new PathDataSide(aggregates, TestLaws.LOG_COSH, TestLaws.NOISY_LINEAR, ALPHA, schedule,
                PATHS, PATHS, TheorySettings.DEFAULT_PRECISION,
                new CountedStream(Streams.root(42)));
        parameters.prepare(0, data.kernels());
        assertEquals(M0, aggregates.teacherOverlap(0), 1e-15);
        assertEquals(M0 * M0 + C0, aggregates.fieldCovariance(0)[0], 1e-15);
        data.step(0, true);
        DataKernels kernels = data.kernels();

        double curvature = ALPHA * expectation(TestLaws.LOG_COSH::secondDerivative);
        double noise = ALPHA / batchFraction
                * expectation((y, r) -> Math.pow(TestLaws.LOG_COSH.firstDerivative(y, r), 2));
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
