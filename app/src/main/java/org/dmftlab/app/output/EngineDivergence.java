package org.dmftlab.app.output;

import java.util.Objects;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.problem.Observable;

/**
 * An engine whose trajectory diverged (SPEC §6), as a result: a sweep point's run publishes it in its
 * {@code run.json} ({@code diverged}, {@link RunReport}) instead of that engine's table, and its summary reads it
 * back from there ({@link PublishedRun#diverged()}).
 *
 * @param engine     the engine
 * @param step       the step t at which it diverged
 * @param observable the observable found diverged first at that step
 */
public record EngineDivergence(Engine engine, int step, Observable observable) {

    public EngineDivergence {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(observable, "observable");
    }

    /** E.g. {@code theory diverged at step 12 (train_loss)}. */
    public String describe() {
        return engine.key() + " diverged at step " + step + " (" + observable.column() + ")";
    }
}
