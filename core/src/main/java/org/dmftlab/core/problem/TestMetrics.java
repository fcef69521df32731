package org.dmftlab.core.problem;

import java.util.function.DoubleBinaryOperator;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Quadrature;
import org.dmftlab.core.spi.Teacher;

/**
 * The test metrics of SPEC §3 from (ρ, M, Q): for a fresh sample, (h0, r = x·w) is centred Gaussian with
 * variances (ρ, Q) and covariance M, so both metrics are Gaussian integrals. Both engines use this class (the
 * simulation with its measured ρ, M, Q, which is the exact expectation over fresh data).
 *
 * <p>{@code test_loss} = E ℓ(φ(h0, ε), r): h0 = √ρ u is integrated over each half-line u &lt; 0 and u &gt; 0
 * separately with Gauss–Legendre nodes (so a sign teacher's jump at 0 costs no accuracy), r given h0 with
 * Gauss–Hermite nodes, ε with the teacher's {@link Teacher#noiseLaw()}. {@code test_error} is the teacher's
 * closed form.
 *
 * @since 0.1.0
 */
public final class TestMetrics {

    /** Half-line cut-off in standard deviations: the Gaussian tail beyond it is below 1e-30. */
    private static final double CUTOFF = 12;
    private static final Quadrature HALF_LINE = Quadrature.uniform(48);
    private static final Quadrature NORMAL = Quadrature.standardNormal(48);

    private TestMetrics() {
    }

    /**
     * E ℓ(y, x·w) over a fresh sample.
     *
     * @param rho ρ = w*ᵀΣw* / d &gt; 0
     * @param m   M = wᵀΣw* / d
     * @param q   Q = wᵀΣw / d ≥ 0
     */
    public static double testLoss(Loss loss, Teacher teacher, double rho, double m, double q) {
        return expectation(teacher, rho, m, q, loss::value);
    }

    /**
     * E f(y, r) for a fresh sample: (h0, r) centred Gaussian with variances (ρ, Q) and covariance M,
     * y = φ(h0, ε) with ε from the teacher's noise law. With M = Q = ρ the field r is h0 itself, which gives the
     * label moments E f(y, h0).
     *
     * @param f a function of the label and the field, smooth in the field
     */
    public static double expectation(Teacher teacher, double rho, double m, double q, DoubleBinaryOperator f) {
        Quadrature noise = teacher.noiseLaw();
        double slope = m / rho;
        double conditionalSd = Math.sqrt(Math.max(q - m * m / rho, 0));
        double sdH0 = Math.sqrt(rho);
        double total = 0;
        for (int side = -1; side <= 1; side += 2) {
            for (int i = 0; i < HALF_LINE.size(); i++) {
                double u = side * CUTOFF * HALF_LINE.node(i);
                double density = CUTOFF * HALF_LINE.weight(i) * Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
                double h0 = sdH0 * u;
                double inner = 0;
                for (int e = 0; e < noise.size(); e++) {
                    double y = teacher.label(h0, noise.node(e));
                    double sum = 0;
                    for (int k = 0; k < NORMAL.size(); k++) {
                        sum += NORMAL.weight(k) * f.applyAsDouble(y, slope * h0 + conditionalSd * NORMAL.node(k));
                    }
                    inner += noise.weight(e) * sum;
                }
                total += density * inner;
            }
        }
        return total;
    }
}
