package org.dmftlab.validation.agreement;

import java.util.List;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.FamilyWiseAgreement;
import org.dmftlab.validation.bench.LongHorizonCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Theory against simulation at a long horizon (issue 10): the slow power-law case of {@link LongHorizonCases}
 * (logistic SGD, b = ½, λ = 0.01, exponent 1: eigenvalues down to 0, so modes that have not converged at T) at
 * T = {@value #STEPS}, with the default species quadrature (SPEC §4.5) and Γ's short lags from every path (SPEC
 * §4.4).
 *
 * <p>The theory is {@value #THEORY_SEEDS} solves of {@value #PATHS} paths from consecutive seeds, pooled: 16
 * independent groups, so its error has 14 degrees of freedom rather than 7. The simulation is {@value #SEEDS} seeds
 * at d = {@value #DIMENSION}. m, q, M, Q, train_loss and test_error are compared every {@value #STRIDE} steps,
 * 6 × 21 points, each a Welch test with Bonferroni thresholds at family-wise false-alarm rate {@value #FAMILY_WISE}
 * ({@link FamilyWiseAgreement}). Both base seeds run here (each about 3 CPU-minutes: two theory solves and 16
 * simulation seeds).
 */
class LongHorizonAgreementTest {

    private static final int STEPS = 500;
    private static final int STRIDE = 25;
    private static final int THEORY_SEEDS = 2;
    private static final int PATHS = 12_000;
    private static final int RESPONSE_PATHS = 1_200;
    private static final int SPECIES = 32;
    private static final int DIMENSION = 1000;
    private static final int SEEDS = 16;
    private static final double FAMILY_WISE = 0.01;
    private static final List<Observable> CHECKED = List.of(Observable.OVERLAP, Observable.NORM,
            Observable.POPULATION_OVERLAP, Observable.POPULATION_NORM, Observable.TRAIN_LOSS, Observable.TEST_ERROR);

    @ParameterizedTest(name = "base seed {0}")
    @ValueSource(longs = {1, 2})
    void theSlowPowerLawAgreesWithTheSimulationAtT500(long seed) {
        Experiment experiment = LongHorizonCases.experiment("power-law", STEPS);
        Trajectory simulation = Experiments.simulate(experiment, new SimulationSettings(DIMENSION, SEEDS, seed, 2));
        Trajectory theory = pooled(experiment, seed);

        FamilyWiseAgreement.compare("power law, T = " + STEPS + ", base seed " + seed, theory, simulation, CHECKED,
                STRIDE, THEORY_SEEDS * TheorySettings.DEFAULT_GROUPS - THEORY_SEEDS + 1, SEEDS, FAMILY_WISE).assertAgrees();
    }

    /**
     * The mean of {@value #THEORY_SEEDS} solves from seeds 10·seed, 10·seed + 1, …, with the error of a mean of
     * independent estimates.
     */
    private static Trajectory pooled(Experiment experiment, long seed) {
        Trajectory pooled = new Trajectory(STEPS);
        double[][] sum = new double[Observable.values().length][STEPS + 1];
        double[][] squares = new double[Observable.values().length][STEPS + 1];
        for (int s = 0; s < THEORY_SEEDS; s++) {
            Trajectory one = Experiments.theory(experiment, new TheorySettings(PATHS, 10 * seed + s, SPECIES,
                    RESPONSE_PATHS, TheorySettings.Mode.MONTE_CARLO, 2));
            for (Observable o : Observable.values()) {
                for (int t = 0; t <= STEPS; t++) {
                    sum[o.ordinal()][t] += one.value(o, t);
                    squares[o.ordinal()][t] += Math.pow(one.error(o, t), 2);
                }
            }
        }
        for (Observable o : Observable.values()) {
            for (int t = 0; t <= STEPS; t++) {
                pooled.set(o, t, sum[o.ordinal()][t] / THEORY_SEEDS, Math.sqrt(squares[o.ordinal()][t]) / THEORY_SEEDS);
            }
        }
        return pooled;
    }
}
