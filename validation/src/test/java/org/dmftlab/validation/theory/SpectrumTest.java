package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.ConstantRule;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/** Species from the spectrum: isotropic consistency (SPEC §5.4) and an anisotropic covariance checked analytically. */
class SpectrumTest {

    /** Σ = I with an anisotropic teacher power τ(u) = ½ + u (mean 1): four species that cannot be merged. */
    private static final Covariance TILTED_TEACHER = new Covariance() {
        @Override
        public double eigenvalueQuantile(double u) {
            return 1;
        }

        @Override
        public double teacherPower(double u) {
            return 0.5 + u;
        }
    };

    private static TheorySettings settings(TheorySettings.Mode mode) {
        return new TheorySettings(4000, 5, 4, 4000, mode, 1);
    }

    /** With Σ = I the direction of the teacher does not matter: same curves as identity, exact and sampled. */
    @Test
    void isotropicSpectrumGivesTheIdentityCurves() {
        UpdateRule nesterov = new ConstantRule(StepCoefficients.momentum(0.1, 0.5, 0.5), 1, 0);
        Problem identity = Experiments.squareProblem(2, 0.2, 0.3, 1);
        Problem tilted = new Problem(2, 0.2, identity.teacher(), identity.loss(), TILTED_TEACHER, 0.3, 1);
        Problem logisticIdentity = new Problem(2, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"),
                Plugins.identity(), 0.3, 1);
        Problem logisticTilted = new Problem(2, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"), TILTED_TEACHER,
                0.3, 1);
        assertSameCurves(Experiments.theory(identity, nesterov, 10, settings(TheorySettings.Mode.EXACT)),
                Experiments.theory(tilted, nesterov, 10, settings(TheorySettings.Mode.EXACT)), 1e-12);
        // Sampled: same seed, so the paths see the same normals; the species sums differ only by round-off, which
        // the nearly singular late Cholesky rows of a converging run amplify to ~√ε, far below the sampling error.
        assertSameCurves(Experiments.theory(identity, nesterov, 10, settings(TheorySettings.Mode.MONTE_CARLO)),
                Experiments.theory(tilted, nesterov, 10, settings(TheorySettings.Mode.MONTE_CARLO)), 1e-6);
        UpdateRule sgd = Plugins.sgd(0.2, 0.5);
        assertSameCurves(Experiments.theory(logisticIdentity, sgd, 10, settings(TheorySettings.Mode.MONTE_CARLO)),
                Experiments.theory(logisticTilted, sgd, 10, settings(TheorySettings.Mode.MONTE_CARLO)), 1e-6);
    }

    private static void assertSameCurves(Trajectory expected, Trajectory actual, double relative) {
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= expected.steps(); t++) {
                double value = expected.value(observable, t);
                assertEquals(value, actual.value(observable, t), relative * Math.max(1, Math.abs(value)),
                        observable.column() + " at t = " + t);
            }
        }
    }

    /**
     * GD on the square loss with a two-level Σ, large-d limit after one step, from E[XᵀX] = αΣ and
     * E[(XᵀX)²] = α²Σ² + α⟨σ⟩Σ, E[XᵀXΣXᵀX] = α²Σ³ + α⟨σ²⟩Σ (Wick), with w¹ = (1−ηλ)w⁰ − ηXᵀX u, u = w⁰ − w*:
     * m(1) = (1−ηλ)m0 − ηα(m0−1)ρ, M(1) = (1−ηλ)m0ρ − ηα(m0−1)⟨σ²τ⟩,
     * q(1) = (1−ηλ)²q0 − 2η(1−ηλ)α⟨σW⟩ + η²(α²⟨σ²U⟩ + α⟨σ⟩⟨σU⟩),
     * Q(1) = (1−ηλ)²Q0 − 2η(1−ηλ)α⟨σ²W⟩ + η²(α²⟨σ³U⟩ + α⟨σ²⟩⟨σU⟩),
     * with W = m0(m0−1)τ + c0 and U = (m0−1)²τ + c0; and train_loss(0) = (ρ − 2M0 + Q0)/2 for every λ.
     */
    @Test
    void anisotropicFirstStepMatchesWishartMoments() {
        double alpha = 1.5;
        double eta = 0.2;
        double m0 = 0.3;
        double c0 = 0.8;
        double[] sigma = {0.5, 1.5};
        double[] tau = {1.5, 0.5};
        for (double ridge : new double[] {0, 0.7}) {
            Problem problem = new Problem(alpha, ridge, Plugins.linearTeacher(0), Plugins.loss("square"),
                    Experiments.TILTED_TWO_LEVEL, m0, c0);
            Trajectory theory = Experiments.theory(problem, Plugins.sgd(eta, 1), 1,
                    new TheorySettings(1, 1, 16, 1, TheorySettings.Mode.EXACT, 1));
            double rho = 0;
            double sigmaTau2 = 0;
            double q0 = m0 * m0 + c0;
            double bigQ0 = 0;
            double[] w = new double[4];
            double[] u = new double[4];
            double[] moments = new double[3];
            for (int k = 0; k < 2; k++) {
                double weight = 0.5;
                double wk = m0 * (m0 - 1) * tau[k] + c0;
                double uk = (m0 - 1) * (m0 - 1) * tau[k] + c0;
                rho += weight * sigma[k] * tau[k];
                sigmaTau2 += weight * sigma[k] * sigma[k] * tau[k];
                bigQ0 += weight * sigma[k] * (m0 * m0 * tau[k] + c0);
                for (int p = 1; p <= 3; p++) {
                    w[p] += weight * Math.pow(sigma[k], p) * wk;
                    u[p] += weight * Math.pow(sigma[k], p) * uk;
                    moments[p - 1] += weight * Math.pow(sigma[k], p);
                }
            }
            double shrink = 1 - eta * ridge;
            double m1 = shrink * m0 - eta * alpha * (m0 - 1) * rho;
            double bigM1 = shrink * m0 * rho - eta * alpha * (m0 - 1) * sigmaTau2;
            double q1 = shrink * shrink * q0 - 2 * eta * shrink * alpha * w[1]
                    + eta * eta * (alpha * alpha * u[2] + alpha * moments[0] * u[1]);
            double bigQ1 = shrink * shrink * bigQ0 - 2 * eta * shrink * alpha * w[2]
                    + eta * eta * (alpha * alpha * u[3] + alpha * moments[1] * u[1]);
            String where = "ridge " + ridge;
            assertEquals(0.5 * (rho - 2 * m0 * rho + bigQ0), theory.value(Observable.TRAIN_LOSS, 0), 1e-12, where);
            assertEquals(m1, theory.value(Observable.OVERLAP, 1), 1e-12, "m(1), " + where);
            assertEquals(bigM1, theory.value(Observable.POPULATION_OVERLAP, 1), 1e-12, "M(1), " + where);
            assertEquals(q1, theory.value(Observable.NORM, 1), 1e-12, "q(1), " + where);
            assertEquals(bigQ1, theory.value(Observable.POPULATION_NORM, 1), 1e-12, "Q(1), " + where);
            assertNotEquals(theory.value(Observable.OVERLAP, 1), theory.value(Observable.POPULATION_OVERLAP, 1));
        }
    }
}
