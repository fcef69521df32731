package org.dmftlab.validation.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;

/**
 * Writes a reference trajectory of a {@link LongHorizonCases} case (not a test): the mean of {@code seeds}
 * independent theory solves (seeds 1…S, each N paths in the engine's groups) with the pooled Monte-Carlo error
 * √(Σ e_s²)/S. Arguments: case steps paths responsePaths species seeds threads out.csv
 */
public final class MakeLongHorizonReference {

    private MakeLongHorizonReference() {
    }

    public static void main(String[] args) throws IOException {
        String name = args[0];
        int steps = Integer.parseInt(args[1]);
        int paths = Integer.parseInt(args[2]);
        int responsePaths = Integer.parseInt(args[3]);
        int species = Integer.parseInt(args[4]);
        int seeds = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        Path out = Path.of(args[7]);
        Experiment experiment = LongHorizonCases.experiment(name, steps);
        Observable[] observables = Observable.values();
        double[][] sum = new double[observables.length][steps + 1];
        double[][] squares = new double[observables.length][steps + 1];
        for (int seed = 1; seed <= seeds; seed++) {
            long start = System.nanoTime();
            Trajectory trajectory = new TheoryEngine().run(experiment, new TheorySettings(paths, seed, species,
                    responsePaths, TheorySettings.Mode.MONTE_CARLO, threads), Progress.NONE).trajectory();
            System.out.printf(Locale.ROOT, "seed %d: %.1f s, m(T) = %.5f +- %.5f%n", seed,
                    (System.nanoTime() - start) / 1e9, trajectory.value(Observable.OVERLAP, steps),
                    trajectory.error(Observable.OVERLAP, steps));
            for (Observable o : observables) {
                for (int t = 0; t <= steps; t++) {
                    sum[o.ordinal()][t] += trajectory.value(o, t);
                    squares[o.ordinal()][t] += Math.pow(trajectory.error(o, t), 2);
                }
            }
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            StringBuilder header = new StringBuilder("t");
            for (Observable o : observables) {
                header.append(',').append(o.column()).append(',').append(o.column()).append("_mc");
            }
            writer.println(header);
            for (int t = 0; t <= steps; t++) {
                StringBuilder row = new StringBuilder(Integer.toString(t));
                for (Observable o : observables) {
                    row.append(String.format(Locale.ROOT, ",%.10g,%.4g", sum[o.ordinal()][t] / seeds,
                            Math.sqrt(squares[o.ordinal()][t]) / seeds));
                }
                writer.println(row);
            }
        }
    }
}
