package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §5.5 in miniature, for non-linear data sides (logistic loss, where only the sampled mode applies):
 * the theory against the independent {@link DirectSimulation} at d = 1000 with 10 seeds, within 4 combined
 * errors (simulation standard error over seeds and theory Monte-Carlo error).
 */
class DirectSimulationTest {

    private static final double SIGMAS = 4;
    private static final int STEPS = 16;

    /** Eigenvalues ½ and 3/2 with teacher power 3/2 on the small one and ½ on the large one. */
    private static final Covariance TWO_LEVEL = new Covariance() {
        @Override
        public double eigenvalueQuantile(double u) {
            return u < 0.5 ? 0.5 : 1.5;
        }

        @Override
        public double teacherPower(double u) {
            return u < 0.5 ? 1.5 : 0.5;
        }
    };

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "nesterov-two-level", "two-lag-look-ahead"})
    void logisticLossAgreesWithFiniteSizeSimulation(String method) {
        Problem identity = new Problem(2, 0.1, Setups.signTeacher(), Setups.loss("logistic"), Setups.identity(), 0.2,
                1);
        Problem problem = switch (method) {
            case "nesterov-two-level" -> new Problem(2, 0.1,
                    Plugins.create(PluginFamily.TEACHER, "sign", Map.of("flip", 0.1)), Setups.loss("logistic"),
                    TWO_LEVEL, 0.2, 1);
            default -> identity;
        };
        UpdateRule rule = switch (method) {
            case "sgd" -> Setups.sgd(0.2, 0.5);
            case "nesterov-two-level" -> new Setups.ConstantRule(StepCoefficients.momentum(0.15, 0.5, 0.5), 0.5, 0);
            default -> new Setups.ConstantRule(StepCoefficients.of(new double[] {1.3, -0.3},
                    new double[] {0.12, 0.08}, new double[] {1.5, -0.5}), 0.7, 0);
        };
        double[][] simulation = DirectSimulation.run(problem, rule, STEPS, 1000, 10, 3);
        Trajectory theory = Setups.run(problem, rule, STEPS,
                new TheorySettings(40_000, 1, 2, 40_000, TheorySettings.Mode.MONTE_CARLO, 2));
        Observable[] observables = {Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS};
        for (int o = 0; o < observables.length; o++) {
            for (int t = 0; t <= STEPS; t++) {
                double difference = Math.abs(simulation[o][t] - theory.value(observables[o], t));
                double combined = Math.hypot(simulation[o + 3][t], theory.error(observables[o], t));
                assertTrue(difference <= SIGMAS * combined + 1e-12, method + ", " + observables[o].column()
                        + " at t = " + t + ": simulation " + simulation[o][t] + " ± " + simulation[o + 3][t]
                        + ", theory " + theory.value(observables[o], t) + " ± " + theory.error(observables[o], t));
            }
        }
    }
}
