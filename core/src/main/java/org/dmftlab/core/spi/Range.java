package org.dmftlab.core.spi;

/**
 * An interval of allowed numeric values for a {@link Parameter}, each end open or closed, possibly infinite
 * (docs/plugin-guide.md §4; input handling has no SPEC section).
 *
 * @param min          lower end ({@code Double.NEGATIVE_INFINITY} for none)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper end ({@code Double.POSITIVE_INFINITY} for none)
 * @param maxInclusive whether {@code max} itself is allowed
 *
 * @since 0.1.0
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
    }

    /** Every finite real. */
    public static Range anyReal() {
        return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** x &gt; 0. */
    public static Range positive() {
        return greaterThan(0);
    }

    /** x ≥ 0. */
    public static Range nonNegative() {
        return atLeast(0);
    }

    /** x &gt; a. */
    public static Range greaterThan(double a) {
        return new Range(a, false, Double.POSITIVE_INFINITY, false);
    }

    /** x ≥ a. */
    public static Range atLeast(double a) {
        return new Range(a, true, Double.POSITIVE_INFINITY, false);
    }

    /** a ≤ x ≤ b. */
    public static Range closed(double a, double b) {
        return new Range(a, true, b, true);
    }

    /** a &lt; x &lt; b. */
    public static Range open(double a, double b) {
        return new Range(a, false, b, false);
    }

    /** a &lt; x ≤ b. */
    public static Range openClosed(double a, double b) {
        return new Range(a, false, b, true);
    }

    /** a ≤ x &lt; b. */
    public static Range closedOpen(double a, double b) {
        return new Range(a, true, b, false);
    }

    /** Whether x is finite and inside the interval. */
    public boolean contains(double x) {
        if (!Double.isFinite(x)) {
            return false;
        }
        boolean aboveMin = minInclusive ? x >= min : x > min;
        boolean belowMax = maxInclusive ? x <= max : x < max;
        return aboveMin && belowMax;
    }

    /** Human-readable form: {@code > 0}, {@code (0, 1]}, {@code any real}. */
    @Override
    public String toString() {
        boolean lowerOpenEnded = min == Double.NEGATIVE_INFINITY;
        boolean upperOpenEnded = max == Double.POSITIVE_INFINITY;
        if (lowerOpenEnded && upperOpenEnded) {
            return "any real";
        }
        if (upperOpenEnded) {
            return (minInclusive ? ">= " : "> ") + format(min);
        }
        if (lowerOpenEnded) {
            return (maxInclusive ? "<= " : "< ") + format(max);
        }
        return (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
