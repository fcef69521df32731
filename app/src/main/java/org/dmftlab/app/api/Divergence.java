package org.dmftlab.app.api;

import java.util.Objects;
import org.dmftlab.core.problem.Observable;

/**
 * Where an engine's trajectory diverged (SPEC §6), kept as the result of a run of
 * {@link Experiment#keepingDivergence()} instead of failing it: {@link RunResult#divergence()}, and in the output
 * folder's {@code run.json} under {@code diverged}. In a phase diagram it marks the unstable side of the boundary.
 *
 * @param engine     the engine's key, {@code theory} or {@code simulation}, as {@link Series#engine()}
 * @param step       the step t at which it diverged
 * @param observable the observable found diverged first at that step
 * @since 0.1.0
 */
public record Divergence(String engine, int step, Observable observable) {

    /**
     * @throws NullPointerException when the engine or the observable is missing
     */
    public Divergence {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(observable, "observable");
    }

    /** E.g. {@code theory diverged at step 12 (train_loss)}. */
    @Override
    public String toString() {
        return engine + " diverged at step " + step + " (" + observable.column() + ")";
    }
}
