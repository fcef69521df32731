package org.dmftlab.core.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * What a DMFT solve produced: the trajectory with its Monte-Carlo errors (0 in the exact mode) and, when the
 * species are a quadrature of the spectrum rather than exact, the estimate of the quadrature's error (SPEC §4.5).
 *
 * @param trajectory the observables at t = 0…T
 * @param quadrature the quadrature's error estimate; empty for an exact spectrum
 */
public record TheoryResult(Trajectory trajectory, Optional<QuadratureError> quadrature) {

    /**
     * The precision threshold of SPEC §4.6: a user can expect, without being told otherwise, an error at T of at most
     * this fraction of the observable's scale max_t |x(t)| ({@link #shortfalls}).
     */
    public static final double RELATIVE_TOLERANCE = 0.01;

    public TheoryResult {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(quadrature, "quadrature");
    }

    /** Why an observable is less precise than {@link #RELATIVE_TOLERANCE}, and so which setting would help. */
    public enum Cause {
        /** The Monte-Carlo error at T: more paths (the error falls as 1/√paths). */
        SAMPLING,
        /** The quadrature of the spectrum: more species (or no estimate could be made). */
        QUADRATURE
    }

    /**
     * An observable whose error is beyond what a user would expect.
     *
     * @param observable the observable
     * @param cause      which error
     * @param error      the Monte-Carlo error at T, or the quadrature's error bound (NaN: could not be estimated)
     * @param scale      max_t |x(t)|, the size the error is judged against
     * @param limit      the error allowed: {@link #RELATIVE_TOLERANCE} × scale, or for the quadrature in a sampled
     *                   solve at most the Monte-Carlo error at T (a larger bias would make the error bars lie)
     */
    public record Shortfall(Observable observable, Cause cause, double error, double scale, double limit) {
    }

    /**
     * The observables whose error is beyond the limit of SPEC §4.6: the Monte-Carlo error at T above {@link #RELATIVE_TOLERANCE}
     * of the observable's scale, and the quadrature's bound above that, or above the Monte-Carlo error at T, or
     * unknown. In observable order, sampling before quadrature.
     */
    public List<Shortfall> shortfalls() {
        int steps = trajectory.steps();
        List<Shortfall> sampling = new ArrayList<>();
        List<Shortfall> species = new ArrayList<>();
        for (Observable observable : Observable.values()) {
            double scale = 0;
            for (int t = 0; t <= steps; t++) {
                scale = Math.max(scale, Math.abs(trajectory.value(observable, t)));
            }
            double allowed = RELATIVE_TOLERANCE * scale;
            double error = trajectory.error(observable, steps);
            if (error > allowed) {
                sampling.add(new Shortfall(observable, Cause.SAMPLING, error, scale, allowed));
            }
            if (quadrature.isPresent()) {
                double bound = quadrature.get().bound(observable);
                double limit = error > 0 ? Math.min(allowed, error) : allowed;
                if (!(bound <= limit)) {
                    species.add(new Shortfall(observable, Cause.QUADRATURE, bound, scale, limit));
                }
            }
        }
        sampling.addAll(species);
        return sampling;
    }
}
