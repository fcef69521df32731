package org.example.lab;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.dmftlab.app.api.Dmftlab;
import org.dmftlab.app.api.EngineChoice;
import org.dmftlab.app.api.ExperimentBuilder;
import org.dmftlab.app.api.Losses;
import org.dmftlab.app.api.RunResult;
import org.dmftlab.core.problem.Observable;

/**
 * Mini-batch SGD on a pseudo-Huber loss written here, as a lambda (a), for a growing learning rate, stopping on a
 * rule of our own (b): as soon as a larger rate no longer lowers the final training loss of the theory by at least
 * 1%. The best rate is then run with both engines into the standard output folder (c): theory.csv,
 * simulation.csv, comparison.csv, figure.png, run.json, as {@code dmftlab run} writes them.
 *
 * <p>Usage: {@code java -p target/modules:target/classes -m org.example.lab/org.example.lab.LearningRateScan [OUT]},
 * OUT defaulting to {@code runs/lr-scan}.
 */
public final class LearningRateScan {

    /** A smaller loss counts as better only when it is at least this much smaller, relatively. */
    private static final double ENOUGH = 0.01;

    private LearningRateScan() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "runs/lr-scan");
        Dmftlab lab = Dmftlab.create().withThreads(2);

        // (a) the loss ℓ(y, r) = sqrt(1 + (r - y)²) - 1, with ℓ′ and ℓ″, as lambdas.
        ExperimentBuilder scan = lab.experiment("lr-scan")
                .alpha(2).ridge(0.1)
                .teacher("linear", Map.of("noise", 0.1))
                .loss("pseudo-huber", Losses.smooth(
                        (y, r) -> Math.sqrt(1 + (r - y) * (r - y)) - 1,
                        (y, r) -> (r - y) / Math.sqrt(1 + (r - y) * (r - y)),
                        (y, r) -> Math.pow(1 + (r - y) * (r - y), -1.5)))
                .optimizer("sgd", Map.of("learning-rate", 0.05, "batch-fraction", 0.5))
                .steps(30)
                .theory(Map.of("paths", 2000, "seed", 1))
                .simulation(Map.of("dimension", 300, "seeds", 4, "seed", 1));

        // (b) our own stopping rule, on the theory alone (it is the cheaper engine here).
        double bestRate = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double rate = 0.05; rate <= 3; rate *= 2) {
            RunResult run = scan.set("optimizer.learning-rate", rate).build().run(EngineChoice.THEORY);
            double loss = run.theory().orElseThrow().last(Observable.TRAIN_LOSS);
            System.out.printf(Locale.ROOT, "learning-rate %.2f: final train_loss %.5f%n", rate, loss);
            if (!(loss < bestLoss * (1 - ENOUGH))) {
                System.out.printf(Locale.ROOT, "stopped: %.2f does no better than %.2f%n", rate, bestRate);
                break;
            }
            bestRate = rate;
            bestLoss = loss;
        }

        // (c) the best rate with both engines, into the standard output folder.
        RunResult best = scan.set("optimizer.learning-rate", bestRate).build().run(EngineChoice.BOTH, out);
        System.out.printf(Locale.ROOT, "best learning-rate %.2f, written to %s%n", bestRate, best.folder().orElseThrow());
        best.comparison().forEach(row -> System.out.printf(Locale.ROOT, "  %-10s max |theory - simulation| = %.4f"
                + " (%.2f combined errors)%n", row.observable().column(), row.maxAbsDifference(),
                row.maxDifferenceOverError()));
    }
}
