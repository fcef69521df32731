package org.dmftlab.app.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dmftlab.app.output.ShortNumbers;
import org.dmftlab.core.theory.TheoryResult;
import org.dmftlab.core.theory.TheoryResult.Cause;
import org.dmftlab.core.theory.TheoryResult.Shortfall;
import org.dmftlab.core.theory.TheorySettings;

/**
 * The warning {@code run} and {@code sweep} print after a theory solve whose error is beyond the threshold of SPEC
 * §4.5 ({@link TheoryResult#shortfalls}: at T, {@value TheoryResult#RELATIVE_TOLERANCE} of an observable's largest
 * value), naming the setting to raise and by how much.
 */
public final class PrecisionWarning {

    private PrecisionWarning() {
    }

    /**
     * One line naming the observables beyond the threshold, the worst one with its numbers, and the setting to raise:
     * {@code theory.paths} to about paths × (error / limit)² for the Monte-Carlo error (it falls as 1/√paths), and
     * {@code theory.species} to twice its value for the quadrature; empty when every error is within the threshold.
     */
    public static Optional<String> of(TheoryResult result, TheorySettings settings) {
        List<Shortfall> shortfalls = result.shortfalls();
        List<String> parts = new ArrayList<>();
        int steps = result.trajectory().steps();
        part(shortfalls, Cause.SAMPLING).ifPresent(worst -> {
            double factor = Math.pow(worst.error() / worst.limit(), 2);
            long paths = (long) Math.ceil(settings.paths() * factor);
            parts.add("the Monte-Carlo error at T = " + steps + " " + describe(shortfalls, Cause.SAMPLING, worst)
                    + ": raise theory.paths from " + settings.paths() + " to about "
                    + ShortNumbers.format(roundUp(paths)) + " (the error falls as 1/√paths)");
        });
        part(shortfalls, Cause.QUADRATURE).ifPresent(worst -> parts.add("the species quadrature's error bound "
                + describe(shortfalls, Cause.QUADRATURE, worst) + ": raise theory.species from "
                + settings.species() + " to " + 2 * settings.species()));
        return parts.isEmpty() ? Optional.empty() : Optional.of("theory: " + String.join("; ", parts));
    }

    /** The shortfall of this cause with the largest error relative to its limit. */
    private static Optional<Shortfall> part(List<Shortfall> shortfalls, Cause cause) {
        return shortfalls.stream().filter(s -> s.cause() == cause)
                .max((a, b) -> Double.compare(ratio(a), ratio(b)));
    }

    private static double ratio(Shortfall shortfall) {
        return Double.isNaN(shortfall.error()) ? Double.POSITIVE_INFINITY : shortfall.error() / shortfall.limit();
    }

    /** {@code of q is 0.031, above 0.021 (1% of its largest value 2.1; also M, Q)}. */
    private static String describe(List<Shortfall> shortfalls, Cause cause, Shortfall worst) {
        String others = shortfalls.stream().filter(s -> s.cause() == cause && s != worst)
                .map(s -> s.observable().column()).collect(Collectors.joining(", "));
        String error = Double.isNaN(worst.error()) ? "unknown (the coarser rule diverged)"
                : ShortNumbers.format(worst.error());
        return "of " + worst.observable().column() + " is " + error + ", above " + ShortNumbers.format(worst.limit())
                + " (" + ShortNumbers.format(100 * TheoryResult.RELATIVE_TOLERANCE) + "% of its largest value "
                + ShortNumbers.format(worst.scale()) + (worst.limit() < TheoryResult.RELATIVE_TOLERANCE * worst.scale()
                ? ", or the Monte-Carlo error" : "") + (others.isEmpty() ? "" : "; also " + others) + ")";
    }

    /** Two significant digits, rounded up: 112 345 → 120 000. */
    private static long roundUp(long value) {
        long unit = 1;
        while (value / unit >= 100) {
            unit *= 10;
        }
        return (value + unit - 1) / unit * unit;
    }
}
