package org.dmftlab.core.theory;

import java.util.random.RandomGenerator;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Quadrature;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;

/** A loss, a teacher and a rule written out for the theory's package tests (core sees none of the plugins). */
final class TestLaws {

    /** ℓ = log cosh(r − y): ℓ′ = tanh(r − y), ℓ″ = 1 − tanh²(r − y). */
    static final Loss LOG_COSH = new Loss() {
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
    static final Teacher NOISY_LINEAR = new Teacher() {
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

    private TestLaws() {
    }

    /** SGD with η = 0.1, heavy-ball momentum β and Langevin temperature T_L, batch fraction b at every step. */
    static UpdateRule sgd(double batchFraction, double momentum, double temperature) {
        return new UpdateRule() {
            @Override
            public int memory() {
                return 1;
            }

            @Override
            public StepCoefficients coefficients(int t) {
                return StepCoefficients.momentum(0.1, momentum, 0);
            }

            @Override
            public double batchFraction() {
                return batchFraction;
            }

            @Override
            public double temperature() {
                return temperature;
            }
        };
    }
}
