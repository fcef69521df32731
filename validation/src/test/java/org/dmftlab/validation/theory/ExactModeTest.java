package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.ConstantRule;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact (path-free) mode against closed forms over the Marchenko–Pastur law (SPEC §5.1). */
class ExactModeTest {

    /** Quadrature error of the closed form plus round-off of the march. */
    private static final double TOLERANCE = 1e-8;

    private static UpdateRule constant(StepCoefficients step, double temperature) {
        return new ConstantRule(step, 1, temperature);
    }

    @ParameterizedTest(name = "GD, alpha = {0}")
    @ValueSource(doubles = {3.0, 0.5})
    void gradientDescentMatchesMarchenkoPastur(double alpha) {
        double eta = 0.1;
        double ridge = 0.5;
        double m0 = 0.2;
        double c0 = 1;
        int steps = 40;
        Trajectory trajectory = Experiments.theory(Experiments.squareProblem(alpha, ridge, m0, c0), Plugins.sgd(eta, 1),
                steps, Experiments.exact());
        MarchenkoPastur law = new MarchenkoPastur(alpha);
        for (int t = 0; t <= steps; t++) {
            double m = 0;
            double q = 0;
            double train = 0;
            for (int i = 0; i < law.nodes.length; i++) {
                double a = law.nodes[i];
                double decay = Math.pow(1 - eta * (ridge + a), t);
                double f = m0 * decay + a * (1 - decay) / (ridge + a);
                m += law.weights[i] * f;
                q += law.weights[i] * (f * f + c0 * decay * decay);
                train += law.weights[i] * a * ((f - 1) * (f - 1) + c0 * decay * decay) / (2 * alpha);
            }
            assertEquals(m, trajectory.value(Observable.OVERLAP, t), TOLERANCE, "m at t = " + t);
            assertEquals(q, trajectory.value(Observable.NORM, t), TOLERANCE, "q at t = " + t);
            assertEquals(train, trajectory.value(Observable.TRAIN_LOSS, t), TOLERANCE, "train_loss at t = " + t);
            assertEquals(0, trajectory.error(Observable.OVERLAP, t));
        }
    }

    /**
     * A memoryless GD rule (p = 0), heavy ball (a = (1+β, −β)), Nesterov (c = (1+γ, −γ): look-ahead, so the
     * train loss uses the iterate's field), Nesterov with the schedule β_t = γ_t = t/(t+3) and two-gradient-lag
     * rules b = (η₁, η₂) against the scalar recursion of each method at curvature λ + a averaged over the
     * Marchenko–Pastur law; with Langevin noise the kick responses ψ add to q and the train loss.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memoryless-gd", "heavy-ball", "nesterov", "nesterov-schedule", "two-lag",
        "two-lag-look-ahead", "langevin-heavy-ball"})
    void linearMemoryRulesMatchTheirScalarRecursion(String method) {
        UpdateRule rule = switch (method) {
            case "memoryless-gd" -> constant(StepCoefficients.of(new double[] {1}, new double[] {0.1},
                    new double[] {1}), 0);
            case "heavy-ball" -> constant(StepCoefficients.momentum(0.08, 0.6, 0), 0);
            case "langevin-heavy-ball" -> constant(StepCoefficients.momentum(0.08, 0.6, 0), 0.05);
            case "nesterov" -> constant(StepCoefficients.momentum(0.08, 0.6, 0.6), 0);
            case "nesterov-schedule" -> new UpdateRule() {
                @Override
                public int memory() {
                    return 1;
                }

                @Override
                public StepCoefficients coefficients(int t) {
                    return StepCoefficients.momentum(0.08, t / (t + 3.0), t / (t + 3.0));
                }

                @Override
                public double batchFraction() {
                    return 1;
                }

                @Override
                public double temperature() {
                    return 0;
                }
            };
            case "two-lag" -> constant(StepCoefficients.of(new double[] {1}, new double[] {0.07, 0.05},
                    new double[] {1}), 0);
            default -> constant(StepCoefficients.of(new double[] {1.3, -0.3}, new double[] {0.05, 0.04},
                    new double[] {1.5, -0.5}), 0);
        };
        for (double alpha : new double[] {3.0, 0.5}) {
            int steps = 30;
            double ridge = 0.3;
            Trajectory trajectory = Experiments.theory(Experiments.squareProblem(alpha, ridge, 0.2, 0.7), rule, steps,
                    Experiments.exact());
            double[][] expected = LinearRecursion.curves(rule, steps, alpha, ridge, 0.2, 0.7);
            for (int t = 0; t <= steps; t++) {
                String where = method + ", alpha = " + alpha + ", t = " + t;
                assertEquals(expected[0][t], trajectory.value(Observable.OVERLAP, t), TOLERANCE, "m, " + where);
                assertEquals(expected[1][t], trajectory.value(Observable.NORM, t), TOLERANCE, "q, " + where);
                assertEquals(expected[2][t], trajectory.value(Observable.TRAIN_LOSS, t), TOLERANCE,
                        "train_loss, " + where);
            }
        }
    }
}
