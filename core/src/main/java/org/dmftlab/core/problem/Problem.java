package org.dmftlab.core.problem;

import java.util.Objects;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Teacher;

/**
 * The learning problem of SPEC §1: n = round(α d) Gaussian samples x = Σ^{1/2} z, labels from a teacher, the
 * empirical risk Σ_μ ℓ(y_μ, x_μ·w) + (λ/2)|w|², and the initial point w⁰ = m0 w* + w⊥ with |w⊥|² = c0 d.
 *
 * @param alpha        α = n/d &gt; 0
 * @param ridge        λ ≥ 0
 * @param teacher      label map and test metric
 * @param loss         per-sample loss
 * @param covariance   data covariance Σ
 * @param initOverlap  m0 = m(0)
 * @param initVariance c0 ≥ 0, so q(0) = m0² + c0
 *
 * @since 0.1.0
 */
public record Problem(double alpha, double ridge, Teacher teacher, Loss loss, Covariance covariance,
                      double initOverlap, double initVariance) {

    public Problem {
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(covariance, "covariance");
        if (!(alpha > 0) || !(ridge >= 0) || !(initVariance >= 0) || !Double.isFinite(initOverlap)) {
            throw new IllegalArgumentException("need alpha > 0, ridge >= 0, init variance >= 0, finite overlap");
        }
    }

    /** n = round(α d), the number of samples in dimension d (SPEC §1). */
    public long samples(int dimension) {
        return Math.round(alpha * dimension);
    }
}
