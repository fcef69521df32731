package org.dmftlab.core.problem;

/**
 * A trajectory that diverged (SPEC §6): {@link RunError#DIVERGED}, with the step and the observable at which it was
 * found, for callers that record where a run stopped (a sweep point publishes them in its {@code run.json}).
 */
public final class DivergedException extends RunFailedException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final Observable observable;

    /**
     * @param step       the step t at which the observable diverged
     * @param observable the observable
     * @param advice     the value that diverged and what to try, after {@code <observable> = }
     */
    public DivergedException(int step, Observable observable, String advice) {
        super(RunError.DIVERGED, "the trajectory diverged at step " + step + ": " + observable.column() + " = "
                + advice);
        this.step = step;
        this.observable = observable;
    }

    /** The step t at which the trajectory diverged. */
    public int step() {
        return step;
    }

    /** The observable that diverged first at that step. */
    public Observable observable() {
        return observable;
    }
}
