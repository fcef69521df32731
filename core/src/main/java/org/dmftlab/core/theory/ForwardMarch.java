package org.dmftlab.core.theory;

import org.dmftlab.core.dynamics.Divergence;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.UnitState;
import org.dmftlab.core.random.CountedStream;

/**
 * One causal forward march of SPEC §4.4, a replica of the theory: for t = 0…T the parameter side publishes row t of
 * its aggregates and the iterate's moments, the data side reads them and publishes row t of its kernels (and the
 * train loss), the test metrics follow from (ρ, M, Q), and the parameter side advances to t + 1 with the kernels.
 * When the experiment asks for them, the parameter side also records the two-time functions of SPEC §3.1 in the
 * replica's trajectory. The two sides share nothing else: each writes only its own part ({@link ParameterAggregates},
 * {@link DataKernels}).
 *
 * <p>Between two steps the march is a {@link UnitState}: both sides' arrays, the values so far, the count of random
 * words drawn and the next step; a march restored from it continues with the same bits.
 */
final class ForwardMarch implements UnitState {

    private final Experiment experiment;
    private final Trajectory values;
    private final ParameterSide parameters;
    private final DataSide data;
    /** The next step to compute: steps before it are done. */
    private int next;

    /**
     * A march at step 0.
     *
     * @param random        the replica's stream for sampled paths, or null for the exact data side
     * @param paths         sample paths N (unused by the exact data side)
     * @param responsePaths paths that carry the responses G, ≤ paths
     * @param precision     how the paths' histories are stored (unused by the exact data side)
     */
    ForwardMarch(Experiment experiment, Species species, CountedStream random, int paths, int responsePaths,
                 Precision precision) {
        this.experiment = experiment;
        Problem problem = experiment.problem();
        int steps = experiment.steps();
        UpdateSchedule schedule = experiment.schedule();
        values = new Trajectory(steps);
        TwoTimeFunctions twoTime = experiment.twoTimeGrid().map(values::recordTwoTime).orElse(null);
        parameters = new ParameterSide(species, schedule, problem.ridge(), problem.initOverlap(),
                problem.initVariance(), twoTime);
        ParameterAggregates aggregates = parameters.aggregates();
        data = random == null
                ? new GaussianDataSide(aggregates, problem.loss(), problem.teacher(), problem.alpha(), steps)
                : new PathDataSide(aggregates, problem.loss(), problem.teacher(), problem.alpha(), schedule, paths,
                        responsePaths, precision, random);
    }

    /**
     * Marches one replica, from the state the store saved of this unit if it holds one, offering the state to the
     * store after every step.
     *
     * @return the values at t = 0…T (errors NaN); after a blow-up ({@link Divergence}) the remaining steps stay NaN
     */
    Trajectory run(Progress progress, int unit, UnitStore store) {
        if (store.resume(unit, this)) {
            progress.advance(next);
        }
        Problem problem = experiment.problem();
        int steps = experiment.steps();
        ParameterAggregates aggregates = parameters.aggregates();
        for (int t = next; t <= steps; t++) {
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
                next = t + 1;
                progress.advance(1);
                store.stepDone(unit, this);
            }
        }
        return values;
    }

    @Override
    public int nextStep() {
        return next;
    }

    @Override
    public void exchange(StateChannel channel) {
        next = (int) channel.value(next);
        values.exchange(channel);
        parameters.exchange(channel);
        data.exchange(channel);
    }
}
