package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeFunctions.Function;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.dmftlab.validation.theory.ScheduleExactModeTest.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two-time functions of SPEC §3.1 in the exact mode (square loss, b = 1, Σ = I) against their closed forms over
 * the Marchenko–Pastur law (SPEC §5.1), written here independently of the engine. Along an eigenvector of XᵀX with
 * eigenvalue a (κ = λ + a) the iterate is f_t w* + B_t w⊥ plus the ridge part, with B_t from the 2×2 transfer
 * matrices (B_{t+1}, B_t) = [[1 + β_t − η_t κ (1 + γ_t), −β_t + η_t κ γ_t], [1, 0]] (B_t, B_{t−1}), B_0 = B_{−1} = 1,
 * and f_t = m0 B_t + a (1 − B_t)/κ, so C(t,s) = E[f_t f_s + c0 B_t B_s]. A field h in the gradient of step s moves
 * w^{s+1} by η_s h, which the same matrices carry on from (δ_{s+1}, δ_s) = (η_s, 0): R(t,s) = E[δ_t]. Also
 * C(t,t) = q(t) to rounding, and R(t,t) = 0. The cases are every scheduled optimizer of {@link ScheduleExactModeTest},
 * with plain gradient descent and Nesterov at constant momentum.
 */
class TwoTimeExactTest {

    /** Quadrature error of the closed form plus round-off of the march. */
    private static final double TOLERANCE = 1e-8;
    /** C(t,t) and q(t) are the same sums in another order. */
    private static final double ROUNDING = 1e-12;
    private static final int STEPS = ScheduleExactModeTest.STEPS;
    private static final double RIDGE = 0.3;
    private static final double M0 = 0.2;
    private static final double C0 = 0.7;

    /** The scheduled optimizers of {@link ScheduleExactModeTest}, plain GD and Nesterov with its look-ahead. */
    static Stream<Arguments> cases() {
        Stream<Case> plain = Stream.of(
                new Case("gd", "sgd", Map.of("learning-rate", 0.2), t -> 0.2, t -> 0, t -> 0),
                new Case("nesterov", "nesterov", Map.of("learning-rate", 0.08, "momentum", 0.5), t -> 0.08,
                        t -> 0.5, t -> 0.5));
        return Stream.concat(plain, ScheduleExactModeTest.cases()).flatMap(c -> Stream.of(Arguments.of(c, 3.0),
                Arguments.of(c, 0.5)));
    }

    @ParameterizedTest(name = "{0}, alpha = {1}")
    @MethodSource("cases")
    void exactTwoTimeFunctionsMatchTheirClosedForms(Case c, double alpha) {
        UpdateRule rule = Plugins.optimizer(c.optimizer(), c.parameters(), STEPS);
        Experiment experiment = new Experiment(Experiments.squareProblem(alpha, RIDGE, M0, C0), rule, STEPS)
                .withTwoTimeFunctions();
        Trajectory trajectory = Experiments.theory(experiment, Experiments.exact());
        TwoTimeFunctions twoTime = trajectory.twoTime().orElseThrow();
        TwoTimeGrid grid = twoTime.grid();
        assertEquals(STEPS + 1, grid.size(), "every step is on the grid for T <= 200");

        MarchenkoPastur law = new MarchenkoPastur(alpha);
        double[][] correlation = new double[STEPS + 1][STEPS + 1];
        double[][] response = new double[STEPS + 1][STEPS + 1];
        for (int n = 0; n < law.nodes.length; n++) {
            double a = law.nodes[n];
            double kappa = RIDGE + a;
            double[] b = c.transfer(kappa, 0, 1, 1);
            for (int t = 0; t <= STEPS; t++) {
                double ft = M0 * b[t] + a * (1 - b[t]) / kappa;
                for (int s = 0; s <= t; s++) {
                    double fs = M0 * b[s] + a * (1 - b[s]) / kappa;
                    correlation[t][s] += law.weights[n] * (ft * fs + C0 * b[t] * b[s]);
                }
            }
            for (int s = 0; s < STEPS; s++) {
                double[] kicked = c.transfer(kappa, s + 1, c.eta().applyAsDouble(s), 0);
                for (int t = s + 1; t <= STEPS; t++) {
                    response[t][s] += law.weights[n] * kicked[t];
                }
            }
        }
        for (int t = 0; t <= STEPS; t++) {
            int i = grid.indexOf(t);
            assertEquals(trajectory.value(Observable.NORM, t), twoTime.value(Function.CORRELATION, i, i),
                    ROUNDING, "C(t,t) = q(t), t = " + t);
            for (int s = 0; s <= t; s++) {
                String where = c + ", alpha = " + alpha + ", t = " + t + ", s = " + s;
                int j = grid.indexOf(s);
                assertEquals(correlation[t][s], twoTime.value(Function.CORRELATION, i, j), TOLERANCE, "C, " + where);
                assertEquals(response[t][s], twoTime.value(Function.RESPONSE, i, j), TOLERANCE, "R, " + where);
                assertEquals(0, twoTime.error(Function.CORRELATION, i, j), "exact: error 0");
            }
        }
    }
}
