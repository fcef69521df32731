package org.dmftlab.validation.theory;

import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * Full-batch dynamics of a linear-memory rule (SPEC §2.1) on the square loss with a noiseless linear teacher and
 * Σ = I, along one eigenvector of XᵀX with eigenvalue a: the gradient is (λ + a) ŵ_a − a w*_a, so the component
 * of w along w* obeys a scalar linear recursion f_t(a) (f_0 = m0) and the initial-condition part B_t(a)
 * (B_0 = 1, no forcing), with w^{−j} := w⁰ and no gradients before step 0. Averaging over the Marchenko–Pastur
 * law gives the exact large-d curves (SPEC §5.1):
 * m = E f, q = E[f² + c0 B²], train_loss = E[a((f − 1)² + c0 B²)]/(2α).
 */
final class LinearRecursion {

    private LinearRecursion() {
    }

    /**
     * The scalar trajectory x_0…x_T at curvature λ + a, with forcing a·forcing in each gradient.
     */
    static double[] trajectory(UpdateRule rule, int steps, double ridge, double a, double start, double forcing) {
        int p = rule.memory();
        double[] x = new double[steps + 1];
        double[] gradient = new double[steps];
        x[0] = start;
        for (int t = 0; t < steps; t++) {
            StepCoefficients c = rule.coefficients(t);
            double query = 0;
            for (int j = 0; j <= p; j++) {
                query += c.c(j) * x[Math.max(t - j, 0)];
            }
            gradient[t] = (ridge + a) * query - a * forcing;
            double next = 0;
            for (int j = 0; j <= p; j++) {
                next += c.a(j) * x[Math.max(t - j, 0)];
                if (t - j >= 0) {
                    next -= c.b(j) * gradient[t - j];
                }
            }
            x[t + 1] = next;
        }
        return x;
    }

    /** {m, q, train_loss}[t] averaged over the Marchenko–Pastur law of ratio α. */
    static double[][] curves(UpdateRule rule, int steps, double alpha, double ridge, double m0, double c0) {
        MarchenkoPastur law = new MarchenkoPastur(alpha);
        double[][] curves = new double[3][steps + 1];
        for (int i = 0; i < law.nodes.length; i++) {
            double a = law.nodes[i];
            double w = law.weights[i];
            double[] f = trajectory(rule, steps, ridge, a, m0, 1);
            double[] b = trajectory(rule, steps, ridge, a, 1, 0);
            for (int t = 0; t <= steps; t++) {
                double fluctuation = c0 * b[t] * b[t];
                curves[0][t] += w * f[t];
                curves[1][t] += w * (f[t] * f[t] + fluctuation);
                curves[2][t] += w * a * ((f[t] - 1) * (f[t] - 1) + fluctuation) / (2 * alpha);
            }
        }
        return curves;
    }
}
