package org.dmftlab.validation.agreement;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.FamilyWiseAgreement;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5.5 with schedules (SPEC §2.2): the DMFT and finite-size simulations of the same scheduled SGD agree, for
 * a cosine learning-rate schedule on the logistic loss and a step schedule of the batch fraction on the square
 * loss (b_t = 0.25, 0.5, 1: the theory's selections change with the step, and the last third is full-batch).
 *
 * <p>Criterion ({@link FamilyWiseAgreement}): m, q, train_loss and test_error at every step, each point a Welch t
 * test of |theory − simulation| against √(mc² + se²) at the Bonferroni level {@value #FAMILY_WISE} / (2N) over the
 * N compared points, so a correct engine fails a case with probability at most {@value #FAMILY_WISE} (thresholds
 * are 4.6–5.6 combined errors, from the points' degrees of freedom). Base seeds 1–6 pass both cases, the worst
 * points at 0.9–3.5 combined errors; the test runs seeds 1 and 2. Each case also checks the criterion's power: the
 * theory of the unscheduled optimizer (constant η = 0.8, or constant b = 0.25) is rejected against the scheduled
 * simulation, its worst points at 13–36 combined errors.
 */
class ScheduleAgreementTest {

    private static final double FAMILY_WISE = 0.01;
    private static final int DIMENSION = 1000;
    private static final int SEEDS = 16;
    private static final int PATHS = 64_000;
    private static final List<Observable> CHECKED = List.of(Observable.OVERLAP, Observable.NORM,
            Observable.TRAIN_LOSS, Observable.TEST_ERROR);

    private static final double ALPHA = 2;
    private static final double RIDGE = 0.1;
    private static final double M0 = 0.2;
    private static final double C0 = 1;

    /** Logistic loss, sign teacher with 5% flips: SGD at b = 0.5 with η from 0.8 down to 0.05 (cosine), T = 20. */
    private static final Case COSINE = new Case("cosine learning rate, logistic loss", 20,
            new Problem(ALPHA, RIDGE, Plugins.signTeacher(0.05), Plugins.loss("logistic"), Plugins.identity(), M0, C0),
            Map.of("learning-rate", 0.8, "batch-fraction", 0.5,
                    "learning-rate-schedule", Map.of("id", "cosine", "final", 0.05)),
            Map.of("learning-rate", 0.8, "batch-fraction", 0.5));
    /** Square loss, noisy linear teacher: SGD at η = 0.1 with b_t = 0.25, doubled at t = 6 and t = 12, T = 18. */
    private static final Case STEP_BATCH = new Case("step batch fraction, square loss", 18,
            new Problem(ALPHA, RIDGE, Plugins.linearTeacher(0.1), Plugins.loss("square"), Plugins.identity(), M0, C0),
            Map.of("learning-rate", 0.1, "batch-fraction", 0.25,
                    "batch-fraction-schedule", Map.of("id", "step", "milestones", List.of(6, 12), "factor", 2)),
            Map.of("learning-rate", 0.1, "batch-fraction", 0.25));

    /**
     * One scheduled experiment.
     *
     * @param scheduled   the sgd parameters with the schedule
     * @param unscheduled the same without it, for the power check
     */
    record Case(String name, int steps, Problem problem, Map<String, Object> scheduled,
                Map<String, Object> unscheduled) {

        Experiment experiment(Map<String, Object> parameters) {
            return new Experiment(problem, Plugins.optimizer("sgd", parameters, steps), steps);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(COSINE, STEP_BATCH).flatMap(c -> Stream.of(Arguments.of(c, 1L), Arguments.of(c, 2L)));
    }

    @ParameterizedTest(name = "{0}, base seed {1}")
    @MethodSource("cases")
    void theoryAgreesWithTheSimulationOfTheSameSchedule(Case c, long seed) {
        Trajectory simulation = Experiments.simulate(c.experiment(c.scheduled()),
                new SimulationSettings(DIMENSION, SEEDS, seed, 2));
        TheorySettings settings = new TheorySettings(PATHS, seed, 1, PATHS, TheorySettings.Mode.MONTE_CARLO, 2);
        Trajectory theory = Experiments.theory(c.experiment(c.scheduled()), settings);
        Trajectory unscheduled = Experiments.theory(c.experiment(c.unscheduled()), settings);

        compare(c + ", seed " + seed, theory, simulation).assertAgrees();
        assertFalse(compare(c + " without its schedule", unscheduled, simulation).agrees(),
                "the criterion tells the schedule apart");
    }

    private static FamilyWiseAgreement compare(String label, Trajectory theory, Trajectory simulation) {
        return FamilyWiseAgreement.compare(label, theory, simulation, CHECKED, TheorySettings.DEFAULT_GROUPS, SEEDS,
                FAMILY_WISE);
    }
}
