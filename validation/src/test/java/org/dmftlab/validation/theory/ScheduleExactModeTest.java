package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5.1 with schedules (SPEC §2.2): the exact mode (square loss, b_t = 1) of every standard schedule, on the
 * learning rate of gradient descent and on the momentum of heavy ball and Nesterov, against the closed form over
 * the Marchenko–Pastur law. Along an eigenvector of XᵀX with eigenvalue a (κ = λ + a) the distance to the ridge
 * solution shrinks by B_t(a) = Π_{s&lt;t} (1 − η_s κ) for gradient descent, and for the momentum family by the 2×2
 * transfer matrices (B_{t+1}, B_t) = [[1 + β_t − η_t κ (1 + γ_t), −β_t + η_t κ γ_t], [1, 0]] (B_t, B_{t−1}),
 * B_0 = B_{−1} = 1; with f_t = m0 B_t + a (1 − B_t)/κ, m = E f, q = E[f² + c0 B²] and
 * train_loss = E[a((f − 1)² + c0 B²)]/(2α). The schedules' values η_t, β_t are written here from their definitions
 * in SPEC §2.2, independently of the plugins, which build the rules from experiment-file blocks.
 */
class ScheduleExactModeTest {

    /** Quadrature error of the closed form plus round-off of the march. */
    private static final double TOLERANCE = 1e-8;
    static final int STEPS = 30;
    private static final double RIDGE = 0.3;
    private static final double M0 = 0.2;
    private static final double C0 = 0.7;

    /**
     * One scheduled optimizer: its experiment-file parameters and, independently, its η_t, β_t and γ_t.
     */
    record Case(String name, String optimizer, Map<String, Object> parameters, IntToDoubleFunction eta,
                IntToDoubleFunction beta, IntToDoubleFunction gamma) {
        @Override
        public String toString() {
            return name;
        }

        /**
         * x_t for t = 0…T of the transfer-matrix recursion x_{t+1} = (1 + β_t − η_t κ(1 + γ_t)) x_t + (−β_t +
         * η_t κ γ_t) x_{t−1} at curvature κ, started at step {@code from} with (x_from, x_{from−1}) = (first,
         * previous); entries before {@code from} are 0.
         */
        double[] transfer(double kappa, int from, double first, double previous) {
            double[] x = new double[STEPS + 1];
            double current = first;
            double before = previous;
            for (int t = from; t <= STEPS; t++) {
                x[t] = current;
                double eta = eta().applyAsDouble(t);
                double beta = beta().applyAsDouble(t);
                double gamma = gamma().applyAsDouble(t);
                double next = (1 + beta - eta * kappa * (1 + gamma)) * current + (-beta + eta * kappa * gamma) * before;
                before = current;
                current = next;
            }
            return x;
        }
    }

    private static final IntToDoubleFunction NONE = t -> 0;

    /** v_f + (v − v_f)(1 + cos(π t / T))/2 over the horizon T. */
    private static double cosine(double v, double last, int t, int horizon) {
        return last + (v - last) * (1 + Math.cos(Math.PI * t / horizon)) / 2;
    }

    static Stream<Case> cases() {
        IntToDoubleFunction warmupCosine = t -> t < 6 ? 0.2 * (t + 1) / 6 : cosine(0.2, 0.02, t - 6, STEPS - 6);
        IntToDoubleFunction warmupMomentum = t -> t < 5 ? 0.5 * (t + 1) / 5 : 0.5;
        return Stream.of(
                new Case("gd, constant", "sgd", Map.of("learning-rate", 0.2,
                        "learning-rate-schedule", Map.of("id", "constant")), t -> 0.2, NONE, NONE),
                new Case("gd, step", "sgd", Map.of("learning-rate", 0.2, "learning-rate-schedule",
                        Map.of("id", "step", "milestones", List.of(5, 12), "factor", 0.5)),
                        t -> 0.2 * Math.pow(0.5, (t >= 5 ? 1 : 0) + (t >= 12 ? 1 : 0)), NONE, NONE),
                new Case("gd, cosine", "sgd", Map.of("learning-rate", 0.2, "learning-rate-schedule",
                        Map.of("id", "cosine", "final", 0.01)), t -> cosine(0.2, 0.01, t, STEPS), NONE, NONE),
                new Case("gd, inverse-time", "sgd", Map.of("learning-rate", 0.2, "learning-rate-schedule",
                        Map.of("id", "inverse-time", "t0", 4, "power", 0.7)),
                        t -> 0.2 / Math.pow(1 + t / 4.0, 0.7), NONE, NONE),
                new Case("gd, warmup then cosine", "sgd", Map.of("learning-rate", 0.2, "learning-rate-schedule",
                        Map.of("id", "warmup", "steps", 6, "then", Map.of("id", "cosine", "final", 0.02))),
                        warmupCosine, NONE, NONE),
                new Case("heavy ball, cosine η and step β", "heavy-ball", Map.of("learning-rate", 0.08,
                        "learning-rate-schedule", Map.of("id", "cosine", "final", 0.01), "momentum", 0.6,
                        "momentum-schedule", Map.of("id", "step", "milestones", List.of(10), "factor", 0.5)),
                        t -> cosine(0.08, 0.01, t, STEPS), t -> t < 10 ? 0.6 : 0.3, NONE),
                new Case("heavy ball, inverse-time β", "heavy-ball", Map.of("learning-rate", 0.08, "momentum", 0.7,
                        "momentum-schedule", Map.of("id", "inverse-time", "t0", 5, "power", 1)),
                        t -> 0.08, t -> 0.7 / (1 + t / 5.0), NONE),
                new Case("nesterov, warm-up of β", "nesterov", Map.of("learning-rate", 0.08, "momentum", 0.5,
                        "momentum-schedule", Map.of("id", "warmup", "steps", 5)),
                        t -> 0.08, warmupMomentum, warmupMomentum));
    }

    static Stream<Arguments> casesAndRatios() {
        return cases().flatMap(c -> Stream.of(Arguments.of(c, 3.0), Arguments.of(c, 0.5)));
    }

    @ParameterizedTest(name = "{0}, alpha = {1}")
    @MethodSource("casesAndRatios")
    void exactModeMatchesTheClosedForm(Case c, double alpha) {
        UpdateRule rule = Plugins.optimizer(c.optimizer(), c.parameters(), STEPS);
        Trajectory trajectory = Experiments.theory(Experiments.squareProblem(alpha, RIDGE, M0, C0), rule, STEPS,
                Experiments.exact());

        MarchenkoPastur law = new MarchenkoPastur(alpha);
        double[] m = new double[STEPS + 1];
        double[] q = new double[STEPS + 1];
        double[] train = new double[STEPS + 1];
        for (int i = 0; i < law.nodes.length; i++) {
            double a = law.nodes[i];
            double kappa = RIDGE + a;
            double[] x = c.transfer(kappa, 0, 1, 1);
            for (int t = 0; t <= STEPS; t++) {
                double f = M0 * x[t] + a * (1 - x[t]) / kappa;
                m[t] += law.weights[i] * f;
                q[t] += law.weights[i] * (f * f + C0 * x[t] * x[t]);
                train[t] += law.weights[i] * a * ((f - 1) * (f - 1) + C0 * x[t] * x[t]) / (2 * alpha);
            }
        }
        for (int t = 0; t <= STEPS; t++) {
            String where = c + ", alpha = " + alpha + ", t = " + t;
            assertEquals(m[t], trajectory.value(Observable.OVERLAP, t), TOLERANCE, "m, " + where);
            assertEquals(q[t], trajectory.value(Observable.NORM, t), TOLERANCE, "q, " + where);
            assertEquals(train[t], trajectory.value(Observable.TRAIN_LOSS, t), TOLERANCE, "train_loss, " + where);
        }
    }
}
