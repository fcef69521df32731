package org.dmftlab.core.spi;

import java.util.Arrays;

/**
 * The coefficients of one step of the linear-memory form (SPEC §2.1): a_j multiplies w^{t−j}, b_j the gradient
 * of step t−j and c_j builds the query point ŵ^t from w^{t−j}, for j = 0…p. Immutable.
 *
 * @since 0.1.0
 */
public final class StepCoefficients {

    private final double[] a;
    private final double[] b;
    private final double[] c;

    private StepCoefficients(double[] a, double[] b, double[] c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /**
     * The coefficient arrays of one step of SPEC §2.1, of possibly different lengths; shorter ones are padded with
     * zeros to the memory depth. The arrays are copied.
     */
    public static StepCoefficients of(double[] a, double[] b, double[] c) {
        int length = Math.max(a.length, Math.max(b.length, c.length));
        if (length == 0) {
            throw new IllegalArgumentException("a step needs at least one coefficient");
        }
        return new StepCoefficients(Arrays.copyOf(a, length), Arrays.copyOf(b, length), Arrays.copyOf(c, length));
    }

    /**
     * The momentum family of SPEC §2: w^{t+1} = w^t + β(w^t − w^{t−1}) − η ∇L(ŵ^t), ŵ^t = w^t + γ(w^t − w^{t−1}),
     * that is a = (1+β, −β), b = (η, 0), c = (1+γ, −γ). β = γ = 0 is (S)GD, γ = 0 heavy ball, γ = β Nesterov.
     */
    public static StepCoefficients momentum(double eta, double beta, double gamma) {
        return of(new double[] {1 + beta, -beta}, new double[] {eta, 0}, new double[] {1 + gamma, -gamma});
    }

    /** The memory depth p of SPEC §2.1 (arrays have length p + 1). */
    public int memory() {
        return a.length - 1;
    }

    /** a_j, the weight of w^{t−j} in w^{t+1} (SPEC §2.1). */
    public double a(int j) {
        return a[j];
    }

    /** b_j, the weight of the gradient of step t−j (SPEC §2.1; b_0 is the learning rate of this step). */
    public double b(int j) {
        return b[j];
    }

    /** c_j, the weight of w^{t−j} in the query point ŵ^t (SPEC §2.1). */
    public double c(int j) {
        return c[j];
    }

    @Override
    public String toString() {
        return "a=" + Arrays.toString(a) + " b=" + Arrays.toString(b) + " c=" + Arrays.toString(c);
    }
}
