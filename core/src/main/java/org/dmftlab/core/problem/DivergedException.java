package org.dmftlab.core.problem;

import java.util.OptionalInt;

/**
 * A trajectory that diverged (SPEC §6): {@link RunError#DIVERGED}, with the step and the observable at which it was
 * found, for callers that record where a run stopped (a sweep's summary, for one).
 */
public final class DivergedException extends RunFailedException {

    private static final long serialVersionUID = 1L;

    /** The words before the step in every message of this exception (and nowhere else). */
    private static final String AT_STEP = "the trajectory diverged at step ";

    private final int step;
    private final transient Observable observable;

    /**
     * @param step       the step t at which the observable diverged
     * @param observable the observable
     * @param advice     the value that diverged and what to try, after {@code <observable> = }
     */
    public DivergedException(int step, Observable observable, String advice) {
        super(RunError.DIVERGED, AT_STEP + step + ": " + observable.column() + " = " + advice);
        this.step = step;
        this.observable = observable;
    }

    /**
     * The step at which a run diverged, from the one-line message of a {@code run/diverged} failure as a person or a
     * launcher saw it (a sweep point that ran in another process reports only its message); empty for any other
     * message.
     */
    public static OptionalInt stepIn(String message) {
        int at = message.indexOf("[" + RunError.DIVERGED.code() + "] " + AT_STEP);
        if (at < 0) {
            return OptionalInt.empty();
        }
        int from = message.indexOf(AT_STEP, at) + AT_STEP.length();
        int to = from;
        while (to < message.length() && Character.isDigit(message.charAt(to))) {
            to++;
        }
        return to > from ? OptionalInt.of(Integer.parseInt(message.substring(from, to)))
                : OptionalInt.empty();
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
