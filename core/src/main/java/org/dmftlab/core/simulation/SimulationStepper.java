package org.dmftlab.core.simulation;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.random.Streams;

/**
 * One seed of the simulation advanced one step at a time, for benchmarks and step-level inspection. It is seed 0
 * of {@link SimulationEngine#run} with the same settings (same data, update and observables, SPEC §1–3), run on
 * its own pool of {@code settings.threads()} workers; {@code settings.seeds()} is ignored. Not thread-safe.
 */
public final class SimulationStepper implements AutoCloseable {

    private final ForkJoinPool pool;
    private final SeedRun run;
    private final ForkJoinTask<?> step;

    private SimulationStepper(ForkJoinPool pool, SeedRun run) {
        this.pool = pool;
        this.run = run;
        this.step = ForkJoinTask.adapt(run::step);
    }

    /**
     * Draws the data set and the initial point of seed 0.
     *
     * @throws org.dmftlab.core.problem.RefusedInputException for a dimension out of range
     */
    public static SimulationStepper open(Experiment experiment, SimulationSettings settings) {
        SimulationEngine.checkDimension(experiment, settings.dimension());
        WarmUp.start(settings.precision());
        Population population = Population.of(experiment.problem().covariance(), settings.dimension());
        SplittableGenerator stream = Streams.root(settings.seed()).split();
        ForkJoinPool pool = SimulationEngine.newPool(settings.threads());
        try {
            SeedRun run = pool.invoke(ForkJoinTask.adapt(
                    () -> new SeedRun(experiment, population, settings.precision(), stream, Progress.NONE)));
            return new SimulationStepper(pool, run);
        } catch (RuntimeException e) {
            pool.shutdown();
            throw e;
        }
    }

    /**
     * Records the observables of the current iterate w^t and, if t &lt; T, performs the update t → t+1.
     *
     * @throws IllegalStateException after T + 1 calls
     * @throws org.dmftlab.core.problem.RunFailedException when an observable diverges
     */
    public void step() {
        if (run.time() > run.steps()) {
            throw new IllegalStateException("all " + run.steps() + " steps and the final observables are done");
        }
        step.reinitialize();
        pool.invoke(step);
    }

    /** A copy of the current iterate w^t: the one whose observables the next {@link #step()} records. */
    public double[] iterate() {
        return run.iterate();
    }

    /** A copy of the teacher vector w* (in the eigenbasis of Σ when Σ has no dense operator). */
    public double[] teacher() {
        return run.teacherVector();
    }

    /** The observables recorded so far (rows 0…t−1; errors NaN). */
    public Trajectory trajectory() {
        return run.trajectory();
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
