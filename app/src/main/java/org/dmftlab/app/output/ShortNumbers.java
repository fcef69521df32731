package org.dmftlab.app.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Numbers for people (figure titles, {@code dmftlab plugins}): reals with at most four significant digits and no
 * trailing zeros, independent of the locale ({@code 0.3333}, {@code 1}, {@code 2.5e-7}); integers and text as they
 * are; plugin blocks and lists as YAML flows of such values ({@code {id: cosine, final: 0.02}}, {@code [10, 20]}).
 * Tables keep full precision; this is only for reading.
 */
public final class ShortNumbers {

    private static final MathContext DIGITS = new MathContext(4);
    /** Magnitudes outside [1e-4, 1e6) are written as mantissa {@code e} exponent. */
    private static final double SMALLEST_PLAIN = 1e-4;
    private static final double LARGEST_PLAIN = 1e6;

    private ShortNumbers() {
    }

    /**
     * A {@link Double} or {@link Float} shortened as described above, a map or a list as a YAML flow of shortened
     * values; anything else as {@link String#valueOf}.
     */
    public static String format(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> entry.getKey() + ": " + format(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ShortNumbers::format).collect(Collectors.joining(", ", "[", "]"));
        }
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
