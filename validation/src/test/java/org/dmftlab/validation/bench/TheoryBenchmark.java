package org.dmftlab.validation.bench;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;

/**
 * The theory benchmark of docs/performance.md ("DMFT solver") (not a test): logistic loss, sign teacher, α = 2, λ = 0.1,
 * SGD η = 0.2, b = 0.5, m0 = 0.2, c0 = 1. Arguments: steps paths responsePaths threads [seed [repeats]]. Prints
 * the wall time of each solve (repeats &gt; 1 show the time once the JIT has warmed up) and the observables at T
 * with their Monte-Carlo errors.
 */
public final class TheoryBenchmark {

    private TheoryBenchmark() {
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        int paths = Integer.parseInt(args[1]);
        int responsePaths = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        int repeats = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Problem problem = new Problem(2, 0.1, Plugins.signTeacher(0),
                Plugins.loss("logistic"),
                Plugins.identity(), 0.2, 1);
        UpdateRule sgd = Plugins.optimizer("sgd",
                Map.of("learning-rate", 0.2, "batch-fraction", 0.5));
        TheorySettings settings = new TheorySettings(paths, seed, 1, responsePaths, TheorySettings.Mode.MONTE_CARLO,
                threads);
        Trajectory trajectory = null;
        for (int run = 0; run < repeats; run++) {
            long start = System.nanoTime();
            trajectory = new TheoryEngine().run(new Experiment(problem, sgd, steps), settings, Progress.NONE).trajectory();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("T=%d N=%d responsePaths=%d threads=%d: %.2f s%n", steps, paths, responsePaths,
                    threads, seconds);
        }
        for (Observable observable : new Observable[] {Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS,
                Observable.TEST_ERROR}) {
            System.out.printf("  %s(T) = %.5f +- %.5f%n", observable.column(), trajectory.value(observable, steps),
                    trajectory.error(observable, steps));
        }
    }
}
