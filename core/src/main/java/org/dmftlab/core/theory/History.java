package org.dmftlab.core.theory;

import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.StateChannel;

/**
 * Per-path histories of the data side (normals, gradients, curvatures, responses) stored in one
 * {@link Precision} (SPEC §4.4, "Precision of the stored histories"): a value is rounded once when
 * it is {@link #set written} and the stored value is the one every later read sees; every product and sum is in
 * double precision, in the order the methods state, so single and double storage run the same arithmetic on
 * different inputs. Allocation-free except {@link #exchange}.
 */
abstract sealed class History permits History.Doubles, History.Floats {

    /** A history of {@code length} zeros in the given precision. */
    static History of(Precision precision, int length) {
        return precision == Precision.SINGLE ? new Floats(length) : new Doubles(length);
    }

    /** The value stored at {@code index}. */
    abstract double get(int index);

    /** Stores {@code value} at {@code index}, rounded to the precision, and returns the value stored. */
    abstract double set(int index, double value);

    /** Stores {@code count} values of {@code from} from {@code offset} on, each rounded, at {@code index} on. */
    abstract void store(double[] from, int offset, int index, int count);

    /** {@code sum} + c[0] x[index] + … + c[count−1] x[index + count − 1], added one term at a time in that order. */
    abstract double dot(double sum, double[] c, int index, int count);

    /** into[offset + j] += a x[index + j] for j &lt; count. */
    abstract void addTo(double[] into, int offset, double a, int index, int count);

    /** Records the stored values in a checkpoint, or overwrites them with the values read. */
    abstract void exchange(StateChannel channel);

    /** Storage in {@code double}. */
    static final class Doubles extends History {
        private final double[] values;

        Doubles(int length) {
            values = new double[length];
        }

        @Override
        double get(int index) {
            return values[index];
        }

        @Override
        double set(int index, double value) {
            values[index] = value;
            return value;
        }

        @Override
        void store(double[] from, int offset, int index, int count) {
            System.arraycopy(from, offset, values, index, count);
        }

        @Override
        double dot(double sum, double[] c, int index, int count) {
            for (int j = 0; j < count; j++) {
                sum += c[j] * values[index + j];
            }
            return sum;
        }

        @Override
        void addTo(double[] into, int offset, double a, int index, int count) {
            for (int j = 0; j < count; j++) {
                into[offset + j] += a * values[index + j];
            }
        }

        @Override
        void exchange(StateChannel channel) {
            channel.doubles(values);
        }
    }

    /** Storage in {@code float}, each value rounded to the nearest float when written. */
    static final class Floats extends History {
        private final float[] values;

        Floats(int length) {
            values = new float[length];
        }

        @Override
        double get(int index) {
            return values[index];
        }

        @Override
        double set(int index, double value) {
            float stored = (float) value;
            values[index] = stored;
            return stored;
        }

        @Override
        void store(double[] from, int offset, int index, int count) {
            for (int j = 0; j < count; j++) {
                values[index + j] = (float) from[offset + j];
            }
        }

        @Override
        double dot(double sum, double[] c, int index, int count) {
            for (int j = 0; j < count; j++) {
                sum += c[j] * values[index + j];
            }
            return sum;
        }

        @Override
        void addTo(double[] into, int offset, double a, int index, int count) {
            for (int j = 0; j < count; j++) {
                into[offset + j] += a * values[index + j];
            }
        }

        @Override
        void exchange(StateChannel channel) {
            channel.floats(values);
        }
    }
}
