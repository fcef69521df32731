package org.dmftlab.app.api;

import java.util.Optional;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/** Products that break their plugin contract, or that the theory refuses, as a third party's might. */
final class BrokenPlugins {

    private BrokenPlugins() {
    }

    /** |r − y|: ℓ′ jumps at r = y (SPEC §6). */
    static final class Kinked implements Loss {
        @Override
        public double value(double y, double r) {
            return Math.abs(r - y);
        }

        @Override
        public double firstDerivative(double y, double r) {
            return Math.signum(r - y);
        }

        @Override
        public double secondDerivative(double y, double r) {
            return 0;
        }

        @Override
        public boolean curvatureCarriesResponse() {
            return false;
        }
    }

    /** A dense Σ = −I: not positive definite. */
    static final class Indefinite implements Covariance {
        @Override
        public double eigenvalueQuantile(double u) {
            return 1;
        }

        @Override
        public Optional<DenseOperator> denseOperator() {
            return Optional.of((d, i, j) -> i == j ? -1 : 0);
        }
    }

    /** Σ = I with a teacher that has no power in any direction: ρ = 0. */
    static final class NoSignal implements Covariance {
        @Override
        public double eigenvalueQuantile(double u) {
            return 1;
        }

        @Override
        public double teacherPower(double u) {
            return 0;
        }
    }

    /** Gradient descent with temperature −1: outside SPEC §2.1. */
    static final class NegativeTemperature implements UpdateRule {
        @Override
        public int memory() {
            return 0;
        }

        @Override
        public StepCoefficients coefficients(int t) {
            return StepCoefficients.momentum(0.1, 0, 0);
        }

        @Override
        public double batchFraction() {
            return 1;
        }

        @Override
        public double temperature() {
            return -1;
        }
    }
}
