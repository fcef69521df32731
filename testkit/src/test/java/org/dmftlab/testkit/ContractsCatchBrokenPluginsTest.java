package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.GradientMap;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Quadrature;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.TeacherProvider;
import org.dmftlab.core.spi.UpdateRule;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The contracts catch broken plugins: each fake provider below has one defect, and exactly the dynamic tests that
 * check it fail (the others pass, so a correct plugin is not rejected for the wrong reason).
 */
class ContractsCatchBrokenPluginsTest {

    @Test
    void aWrongCurvatureFailsTheDerivativeIntegralAndConstantCurvatureChecks() {
        LossProvider halfCurvature = new FakeLoss(new Loss() {
            public double value(double y, double r) {
                return 0.5 * (y - r) * (y - r);
            }

            public double firstDerivative(double y, double r) {
                return r - y;
            }

            public double secondDerivative(double y, double r) {
                return Math.abs(y) < 1.5 ? 0.5 : 1; // wrong, and not constant although declared so
            }

            public boolean curvatureCarriesResponse() {
                return true;
            }

            @Override
            public boolean constantCurvature() {
                return true;
            }
        });
        assertEquals(List.of("ℓ′ and ℓ″ match central differences of ℓ (defaults)",
                "ℓ″ integrates to ℓ′ when it carries the response (no jump in ℓ′) (defaults)",
                "declared constant curvature holds (defaults)"),
                failing(PluginContracts.loss(halfCurvature, values(halfCurvature))));
    }

    @Test
    void theExactHingeClaimingToCarryTheResponseFailsOnlyTheJumpCheck() {
        LossProvider hinge = new FakeLoss(new Loss() {
            public double value(double y, double r) {
                return Math.max(0, 1 - y * r);
            }

            public double firstDerivative(double y, double r) {
                return y * r < 1 ? -y : 0;
            }

            public double secondDerivative(double y, double r) {
                return 0;
            }

            public boolean curvatureCarriesResponse() {
                return true; // wrong: ℓ′ jumps at y r = 1
            }
        });
        assertEquals(List.of("ℓ″ integrates to ℓ′ when it carries the response (no jump in ℓ′) (defaults)"),
                failing(PluginContracts.loss(hinge, values(hinge))));
    }

    @Test
    void aStepWithLessMemoryThanDeclaredFailsOnlyTheCoefficientCheck() {
        OptimizerProvider forgetful = new FakeOptimizer(new UpdateRule() {
            public int memory() {
                return 1;
            }

            public StepCoefficients coefficients(int t) {
                return t < 500 ? StepCoefficients.momentum(0.1, 0.5, 0)
                        : StepCoefficients.of(new double[] {1}, new double[] {0.1}, new double[] {1});
            }

            public double batchFraction() {
                return 1;
            }

            public double temperature() {
                return 0;
            }
        });
        assertEquals(List.of("coefficients are finite with the declared memory (defaults)"),
                failing(PluginContracts.optimizer(forgetful, values(forgetful))));
    }

    @Test
    void aGradientMapWithMemoryFailsOnlyTheGradientMapCheck() {
        OptimizerProvider accumulating = new FakeOptimizer(new UpdateRule() {
            private final double[] carry = new double[1];

            public int memory() {
                return 0;
            }

            public StepCoefficients coefficients(int t) {
                return StepCoefficients.of(new double[] {1}, new double[] {0.1}, new double[] {1});
            }

            public double batchFraction() {
                return 1;
            }

            public double temperature() {
                return 0;
            }

            @Override
            public GradientMap gradientMap() {
                return gradient -> {
                    gradient[0] += carry[0]; // a hidden state: the second call differs
                    carry[0] += 1;
                };
            }
        });
        assertEquals(List.of("gradient map is deterministic and finite (defaults)"),
                failing(PluginContracts.optimizer(accumulating, values(accumulating))));
    }

    @Test
    void aBatchFractionScheduleLeavingItsRangeFailsOnlyTheCoefficientCheck() {
        OptimizerProvider growing = new FakeOptimizer(new UpdateRule() {
            public int memory() {
                return 0;
            }

            public StepCoefficients coefficients(int t) {
                return StepCoefficients.of(new double[] {1}, new double[] {0.1}, new double[] {1});
            }

            public double batchFraction() {
                return 0.5;
            }

            @Override
            public double batchFraction(int t) {
                return 0.5 + t / 800.0; // above 1 from t = 401 on
            }

            public double temperature() {
                return 0;
            }
        });
        assertEquals(List.of("coefficients are finite with the declared memory (defaults)"),
                failing(PluginContracts.optimizer(growing, values(growing))));
    }

    @Test
    void aScheduleOfAnOptimizerMustNameTheParameterItVaries() {
        List<Parameter> unlinked = List.of(Parameter.real("learning-rate", 0.1, Range.positive(), "η"),
                Parameter.schedule("learning-rate-schedule", "a schedule that forgot to name learning-rate"));
        OptimizerProvider optimizer = new ScheduledOptimizer(unlinked);
        assertEquals(List.of("parameters are documented with valid defaults"),
                failing(PluginContracts.optimizer(optimizer, values(optimizer))));
    }

    @Test
    void aLinkedScheduleIsCheckedAtEveryUpdate() {
        List<Parameter> linked = List.of(Parameter.real("learning-rate", 0.1, Range.positive(), "η"),
                Parameter.schedule("learning-rate-schedule", "learning-rate", "its schedule"));
        OptimizerProvider optimizer = new ScheduledOptimizer(linked);
        List<String> names = new ArrayList<>();
        PluginContracts.optimizer(optimizer, values(optimizer)).forEach(node -> names.add(node.getDisplayName()));
        assertTrue(names.contains("rejects learning-rate-schedule = {id=cosine, final=-1.0} at some step"),
                names.toString());
        assertEquals(List.of(), failing(PluginContracts.optimizer(optimizer, values(optimizer))));
    }

    @Test
    void aScheduleUndefinedAtTheRecordingStepFailsOnlyTheFiniteCheck() {
        ScheduleProvider undefinedAtTheEnd = new FakeSchedule((base, t, steps) -> base * (steps - t) / (steps - t));
        assertEquals(List.of("values are finite at every step t = 0…T (defaults)"),
                failing(PluginContracts.schedule(undefinedAtTheEnd, values(undefinedAtTheEnd))));
    }

    @Test
    void aScheduleWithStateFailsOnlyTheArgumentsCheck() {
        int[] calls = new int[1];
        ScheduleProvider counting = new FakeSchedule((base, t, steps) -> base / (1 + 1e-3 * calls[0]++));
        assertEquals(List.of("values depend only on (v, t, T) (defaults)"),
                failing(PluginContracts.schedule(counting, values(counting))));
    }

    @Test
    void aHalvedTestErrorFailsTheMonteCarloCheck() {
        TeacherProvider halved = new FakeTeacher(new TeacherOf(Teacher.Task.REGRESSION, random -> 0,
                Quadrature.pointMass(0), (h0, noise) -> h0,
                (rho, m, q) -> (rho - 2 * m + q) / 2)); // E(y − r)² halved
        assertEquals(List.of("test error matches Monte-Carlo (defaults)"),
                failing(PluginContracts.teacher(halved, values(halved))));
    }

    @Test
    void aNoiseLawThatIsNotTheLawOfTheDrawsFailsOnlyThatCheck() {
        TeacherProvider twiceTheNoise = new FakeTeacher(new TeacherOf(Teacher.Task.REGRESSION,
                random -> 2 * random.nextGaussian(), Quadrature.standardNormal(24), // the law says N(0, 1)
                (h0, noise) -> h0 + 0.5 * noise,
                (rho, m, q) -> rho - 2 * m + q + 1)); // the variance of the noise drawn: 0.25 × 4
        assertEquals(List.of("noise law gives the labels of drawNoise (defaults)"),
                failing(PluginContracts.teacher(twiceTheNoise, values(twiceTheNoise))));
    }

    @Test
    void aRegressionDeclaredAsClassificationFailsTheTaskAndTestErrorChecks() {
        TeacherProvider mislabelled = new FakeTeacher(new TeacherOf(Teacher.Task.CLASSIFICATION, // real labels
                random -> 0, Quadrature.pointMass(0), (h0, noise) -> h0, (rho, m, q) -> rho - 2 * m + q));
        assertEquals(List.of("labels fit the declared task (defaults)", "test error matches Monte-Carlo (defaults)"),
                failing(PluginContracts.teacher(mislabelled, values(mislabelled))));
    }

    /** Σ_ij = ρ^|i−j| with ρ = 1/2 as a dense operator (eigenvalues between 1/3 and 3, mean 1). */
    private static Optional<Covariance.DenseOperator> toeplitz() {
        return Optional.of((d, i, j) -> Math.pow(0.5, Math.abs(i - j)));
    }

    @Test
    void aDenseOperatorWhoseSpectrumIsNotTheQuantileFailsOnlyTheDenseSpectrumCheck() {
        CovarianceProvider identityQuantile = new FakeCovariance(new Covariance() {
            public double eigenvalueQuantile(double u) {
                return 1; // wrong: the Toeplitz matrix below is not the identity
            }

            @Override
            public Optional<DenseOperator> denseOperator() {
                return toeplitz();
            }
        }, List.of());
        assertEquals(List.of("dense matrix has the quantile eigenvalues (defaults)"),
                failing(PluginContracts.covariance(identityQuantile, values(identityQuantile), 1)));
    }

    @Test
    void aDenseOperatorWithAnAnisotropicTeacherFailsOnlyTheTeacherPowerCheck() {
        CovarianceProvider tilted = new FakeCovariance(new Covariance() {
            public double eigenvalueQuantile(double u) {
                double theta = Math.PI * (1 - u);
                return 0.75 / (1.25 - Math.cos(theta)); // the symbol of the Toeplitz matrix: right
            }

            @Override
            public double teacherPower(double u) {
                return 2 * u; // mean 1, but the simulation of a dense Σ draws an isotropic teacher
            }

            @Override
            public Optional<DenseOperator> denseOperator() {
                return toeplitz();
            }
        }, List.of());
        assertEquals(List.of("dense matrix comes with teacher power 1 (defaults)"),
                failing(PluginContracts.covariance(tilted, values(tilted), 1)));
    }

    @Test
    void aBadDefaultAndAnUnnormalisedTeacherPowerFailTheirChecks() {
        CovarianceProvider heavyTeacher = new FakeCovariance(new Covariance() {
            public double eigenvalueQuantile(double u) {
                return 2 * u;
            }

            @Override
            public double teacherPower(double u) {
                return 2;
            }
        }, List.of(Parameter.real("scale", 2, Range.open(0, 1), "a default outside its own range")));
        // The default 2 is outside (0, 1): validation rejects it, so every check that builds the product fails too.
        List<String> failing = failing(PluginContracts.covariance(heavyTeacher,
                new ParameterValues(Map.of(), List.of(Map.of(), Map.of("scale", 0.5))), 1));
        assertEquals(List.of("parameters are documented with valid defaults", "builds from its defaults",
                "σ(u) is non-negative, finite, non-decreasing; τ(u) ≥ 0 (defaults)", "teacher power has mean 1 (defaults)",
                "teacher power has mean 1 {scale=0.5}", "mean eigenvalue is 1.0 at the defaults"), failing);
    }

    /** The display names of the dynamic tests that fail, in order. */
    private static List<String> failing(Stream<DynamicNode> nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> collectFailing(node, names));
        return names;
    }

    private static void collectFailing(DynamicNode node, List<String> names) {
        if (node instanceof DynamicContainer container) {
            container.getChildren().forEach(child -> collectFailing(child, names));
            return;
        }
        try {
            ((DynamicTest) node).getExecutable().execute();
        } catch (Throwable failed) {
            names.add(node.getDisplayName());
        }
    }

    private static ParameterValues values(PluginProvider<?> provider) {
        return ParameterValues.automatic(provider, Map.of());
    }

    /** A provider of a fixed product, with the id {@code broken}; the records below give it a family. */
    private interface Fake<P> extends PluginProvider<P> {

        P product();

        @Override
        default String id() {
            return "broken";
        }

        @Override
        default String description() {
            return "a deliberately broken plugin";
        }

        @Override
        default List<Parameter> parameters() {
            return List.of();
        }

        @Override
        default P create(PluginConfig config) {
            return product();
        }
    }

    private record FakeLoss(Loss product) implements Fake<Loss>, LossProvider {
    }

    private record FakeOptimizer(UpdateRule product) implements Fake<UpdateRule>, OptimizerProvider {
    }

    private record FakeSchedule(Schedule product) implements Fake<Schedule>, ScheduleProvider {
    }

    /** Gradient descent with the given parameters, of which it reads the learning rate and its schedule. */
    private record ScheduledOptimizer(List<Parameter> parameters) implements OptimizerProvider {

        @Override
        public String id() {
            return "scheduled";
        }

        @Override
        public String description() {
            return "gradient descent with a learning-rate schedule";
        }

        @Override
        public UpdateRule create(PluginConfig config) {
            double eta = config.real("learning-rate");
            Schedule schedule = config.schedule("learning-rate-schedule");
            int steps = config.steps();
            return new UpdateRule() {
                public int memory() {
                    return 0;
                }

                public StepCoefficients coefficients(int t) {
                    return StepCoefficients.of(new double[] {1}, new double[] {schedule.value(eta, t, steps)},
                            new double[] {1});
                }

                public double batchFraction() {
                    return 1;
                }

                public double temperature() {
                    return 0;
                }
            };
        }
    }

    private record FakeTeacher(Teacher product) implements Fake<Teacher>, TeacherProvider {
    }

    /** A teacher made of its parts, so that each fake states its one defect in one place. */
    private record TeacherOf(Teacher.Task task, ToDoubleFunction<RandomGenerator> noise, Quadrature noiseLaw,
                             DoubleBinaryOperator labels, TestError error) implements Teacher {

        /** testError(ρ, M, Q). */
        interface TestError {
            double of(double rho, double m, double q);
        }

        @Override
        public double drawNoise(RandomGenerator random) {
            return noise.applyAsDouble(random);
        }

        @Override
        public double label(double h0, double noise) {
            return labels.applyAsDouble(h0, noise);
        }

        @Override
        public double testError(double rho, double m, double q) {
            return error.of(rho, m, q);
        }
    }

    private record FakeCovariance(Covariance product, List<Parameter> parameters)
            implements Fake<Covariance>, CovarianceProvider {
    }
}
