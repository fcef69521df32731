package org.dmftlab.app.output;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers for people (figure titles, {@code dmftlab plugins}): reals with at most four significant digits and no
 * trailing zeros, independent of the locale ({@code 0.3333}, {@code 1}, {@code 2.5e-7}); integers and text as they
 * are. Tables keep full precision; this is only for reading.
 */
public final class ShortNumbers {

    private static final MathContext DIGITS = new MathContext(4);
    /** Magnitudes outside [1e-4, 1e6) are written as mantissa {@code e} exponent. */
    private static final double SMALLEST_PLAIN = 1e-4;
    private static final double LARGEST_PLAIN = 1e6;

    private ShortNumbers() {
    }

    /** A {@link Double} or {@link Float} shortened as described above; anything else as {@link String#valueOf}. */
    public static String format(Object value) {
        return value instanceof Double || value instanceof Float ? format(((Number) value).doubleValue())
                : String.valueOf(value);
    }

    /** A real with at most four significant digits; NaN and infinities as Java writes them. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).round(DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude == 0 || (magnitude >= SMALLEST_PLAIN && magnitude < LARGEST_PLAIN)) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }
}
