package org.dmftlab.app.plot;

import java.util.List;
import java.util.Objects;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * What one run figure shows: a title, the theory curve and the simulated points (either may be absent), the
 * observables to draw (one panel each) and the time axis.
 *
 * @param title       figure title, usually the key parameters of the experiment; one line per {@code \n}
 * @param theory      DMFT trajectory with Monte-Carlo errors, or null
 * @param simulation  simulated trajectory with standard errors, or null
 * @param observables panels, in reading order
 * @param time        where each step is drawn: steps or gradient-flow time, on a linear or logarithmic axis
 */
public record FigureSpec(String title, Trajectory theory, Trajectory simulation, List<Observable> observables,
                         TimeScale time) {

    public FigureSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(time, "time");
        observables = List.copyOf(observables);
        if (theory == null && simulation == null) {
            throw new IllegalArgumentException("a figure needs a theory or a simulation trajectory");
        }
        if (observables.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one observable");
        }
    }

    /**
     * The panels a researcher expects for a run: m, q, train_loss, test_error, and the population overlaps M, Q
     * when they differ from m, q (Σ ≠ I).
     */
    public static List<Observable> standardPanels(boolean anisotropic) {
        return anisotropic
                ? List.of(Observable.OVERLAP, Observable.NORM, Observable.POPULATION_OVERLAP,
                        Observable.POPULATION_NORM, Observable.TRAIN_LOSS, Observable.TEST_ERROR)
                : List.of(Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS, Observable.TEST_ERROR);
    }
}
