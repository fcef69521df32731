package org.dmftlab.core.theory;

import java.util.random.RandomGenerator;
import org.dmftlab.core.dynamics.Divergence;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;

/**
 * One causal forward march of SPEC §4.4, a replica of the theory: for t = 0…T the parameter side publishes row t of
 * its aggregates and the iterate's moments, the data side reads them and publishes row t of its kernels (and the
 * train loss), the test metrics follow from (ρ, M, Q), and the parameter side advances to t + 1 with the kernels.
 * When the experiment asks for them, the parameter side also records the two-time functions of SPEC §3.1 in the
 * replica's trajectory. The two sides share nothing else: each writes only its own part ({@link ParameterAggregates},
 * {@link DataKernels}).
 */
final class ForwardMarch {

    private ForwardMarch() {
    }

    /**
     * Marches one replica.
     *
     * @param random        the replica's stream for sampled paths, or null for the exact data side
     * @param paths         sample paths N (unused by the exact data side)
     * @param responsePaths paths that carry the responses G, ≤ paths
     * @return the values at t = 0…T (errors NaN); after a blow-up ({@link Divergence}) the remaining steps stay NaN
     */
    static Trajectory run(Experiment experiment, Species species, RandomGenerator random, int paths,
                          int responsePaths, Progress progress) {
        Problem problem = experiment.problem();
        int steps = experiment.steps();
        UpdateSchedule schedule = experiment.schedule();
        Trajectory values = new Trajectory(steps);
        TwoTimeFunctions twoTime = experiment.twoTimeGrid().map(values::recordTwoTime).orElse(null);
        ParameterSide parameters = new ParameterSide(species, schedule, problem.ridge(), problem.initOverlap(),
                problem.initVariance(), twoTime);
        ParameterAggregates aggregates = parameters.aggregates();
        DataSide data = random == null
                ? new GaussianDataSide(aggregates, problem.loss(), problem.teacher(), problem.alpha(), steps)
                : new PathDataSide(aggregates, problem.loss(), problem.teacher(), problem.alpha(), schedule, paths,
                        responsePaths, random);
        for (int t = 0; t <= steps; t++) {
            IterateMoments moments = parameters.prepare(t, data.kernels());
            double trainLoss = data.step(t, t < steps);
            values.set(Observable.OVERLAP, t, moments.overlap(), Double.NaN);
            values.set(Observable.NORM, t, moments.norm(), Double.NaN);
            values.set(Observable.POPULATION_OVERLAP, t, moments.populationOverlap(), Double.NaN);
            values.set(Observable.POPULATION_NORM, t, moments.populationNorm(), Double.NaN);
            values.set(Observable.TRAIN_LOSS, t, trainLoss, Double.NaN);
            if (Divergence.diverged(moments.overlap()) || Divergence.diverged(moments.norm())
                    || Divergence.diverged(moments.populationOverlap()) || Divergence.diverged(moments.populationNorm())
                    || Divergence.diverged(trainLoss)) {
                return values;
            }
            double rho = aggregates.rho();
            double populationOverlap = moments.populationOverlap();
            double populationNorm = moments.populationNorm();
            values.set(Observable.TEST_LOSS, t,
                    TestMetrics.testLoss(problem.loss(), problem.teacher(), rho, populationOverlap, populationNorm),
                    Double.NaN);
            values.set(Observable.TEST_ERROR, t, problem.teacher().testError(rho, populationOverlap, populationNorm),
                    Double.NaN);
            if (t < steps) {
                parameters.advance(t, data.kernels());
                progress.advance(1);
            }
        }
        return values;
    }
}
