package org.dmftlab.core.problem;

/**
 * Where the state of a unit in progress goes to, or comes from, at a step boundary (DESIGN.md, "Units of a run";
 * SPEC §4.4): the one list of a march's fields serves both directions. Writing, every call records its argument
 * and returns it; reading, every call overwrites its array (of the same length as when written) with the values
 * read, or returns the value read. Doubles travel as their exact IEEE-754 bits, so a march restored from a channel
 * continues with the same bits as one that never stopped.
 *
 * @since 0.1.0
 */
public interface StateChannel {

    /** Floats per block of {@link #floats}. */
    int FLOAT_BLOCK = 1 << 16;

    /** Records {@code values}, or overwrites them with the values read. */
    void doubles(double[] values);

    /**
     * Records {@code values}, or overwrites them with the values read: as doubles (a float converts to double and
     * back exactly), a block of at most {@value #FLOAT_BLOCK} at a time.
     */
    default void floats(float[] values) {
        double[] block = new double[Math.min(FLOAT_BLOCK, values.length)];
        for (int from = 0; from < values.length; from += FLOAT_BLOCK) {
            int count = Math.min(FLOAT_BLOCK, values.length - from);
            double[] part = count == block.length ? block : new double[count];
            for (int i = 0; i < count; i++) {
                part[i] = values[from + i];
            }
            doubles(part);
            for (int i = 0; i < count; i++) {
                values[from + i] = (float) part[i];
            }
        }
    }

    /** Records {@code value} and returns it, or returns the value read in its place. */
    long value(long value);

    /** Every row of a table whose row lengths both sides know, in order. */
    default void doubles(double[][] rows) {
        for (double[] row : rows) {
            doubles(row);
        }
    }

    /** {@link #value(long)} of a double, bit for bit. */
    default double value(double value) {
        return Double.longBitsToDouble(value(Double.doubleToRawLongBits(value)));
    }

    /**
     * An array that exists only from some step on: its length (−1 for null) and values; reading, a new array
     * (or null).
     */
    default double[] optionalDoubles(double[] values) {
        int length = (int) value(values == null ? -1 : values.length);
        double[] exchanged = length < 0 ? null : values != null && values.length == length ? values
                : new double[length];
        if (exchanged != null) {
            doubles(exchanged);
        }
        return exchanged;
    }
}
