package org.dmftlab.validation.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeFunctions.Function;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.FamilyWiseAgreement;
import org.dmftlab.validation.FamilyWiseAgreement.Estimates;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two-time correlation of SPEC §3.1: the DMFT's C(t,s) against the simulation's at every pair s ≤ t, for SGD
 * with a mini-batch on the logistic loss (sampled theory, no exact mode), and C(t,t) = q(t) in both engines.
 *
 * <p>Criterion ({@link FamilyWiseAgreement}): each pair a Welch t test of |theory − simulation| against
 * √(mc² + se²) at the Bonferroni level {@value #FAMILY_WISE} / (2N) over the N = 91 pairs, so a correct engine fails
 * a seed with probability at most {@value #FAMILY_WISE}. Base seeds 1–4 pass; the test runs seeds 1 and 2. The
 * criterion's power: the theory at a learning rate 20 % lower is rejected against the same simulation.
 */
class TwoTimeAgreementTest {

    private static final double FAMILY_WISE = 0.01;
    private static final int STEPS = 12;
    private static final int DIMENSION = 1000;
    private static final int SEEDS = 16;
    private static final int PATHS = 64_000;
    /** C(t,t) and q(t) of the theory are the same sums in another order. */
    private static final double ROUNDING = 1e-12;

    private static final Problem PROBLEM = new Problem(2, 0.1, Plugins.signTeacher(0.05), Plugins.loss("logistic"),
            Plugins.identity(), 0.2, 1);

    private static Experiment experiment(double learningRate) {
        return new Experiment(PROBLEM, Plugins.optimizer("sgd", Map.of("learning-rate", learningRate,
                "batch-fraction", 0.5), STEPS), STEPS).withTwoTimeFunctions();
    }

    @ParameterizedTest(name = "base seed {0}")
    @ValueSource(longs = {1, 2})
    void theoryAgreesWithTheSimulationAtEveryPair(long seed) {
        Trajectory simulation = Experiments.simulate(experiment(0.5), new SimulationSettings(DIMENSION, SEEDS, seed, 2));
        TheorySettings settings = new TheorySettings(PATHS, seed, 1, PATHS, TheorySettings.Mode.MONTE_CARLO, 2);
        Trajectory theory = Experiments.theory(experiment(0.5), settings);

        assertDiagonalIsNorm(simulation, 0);
        assertDiagonalIsNorm(theory, ROUNDING);
        compare("C(t,s), seed " + seed, theory, simulation).assertAgrees();
        Trajectory slower = Experiments.theory(experiment(0.4), settings);
        assertFalse(compare("C(t,s) at a lower learning rate", slower, simulation).agrees(),
                "the criterion tells a 20 % lower learning rate apart");
    }

    private static void assertDiagonalIsNorm(Trajectory trajectory, double tolerance) {
        TwoTimeFunctions twoTime = trajectory.twoTime().orElseThrow();
        for (int i = 0; i < twoTime.grid().size(); i++) {
            int t = twoTime.grid().step(i);
            assertEquals(trajectory.value(Observable.NORM, t), twoTime.value(Function.CORRELATION, i, i), tolerance,
                    "C(t,t) = q(t) at t = " + t);
        }
    }

    private static FamilyWiseAgreement compare(String label, Trajectory theory, Trajectory simulation) {
        TwoTimeFunctions first = theory.twoTime().orElseThrow();
        TwoTimeFunctions second = simulation.twoTime().orElseThrow();
        List<Estimates> pairs = new ArrayList<>();
        for (int i = 0; i < first.grid().size(); i++) {
            for (int j = 0; j <= i; j++) {
                pairs.add(new Estimates("C(" + first.grid().step(i) + "," + first.grid().step(j) + ")",
                        first.value(Function.CORRELATION, i, j), first.error(Function.CORRELATION, i, j),
                        second.value(Function.CORRELATION, i, j), second.error(Function.CORRELATION, i, j)));
            }
        }
        assertTrue(pairs.size() == (STEPS + 1) * (STEPS + 2) / 2, "every pair is compared");
        return FamilyWiseAgreement.compare(label, pairs, TheorySettings.DEFAULT_GROUPS, SEEDS, FAMILY_WISE);
    }
}
