package org.dmftlab.validation.theory;

import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * Full-batch dynamics of a linear-memory rule (SPEC §2.1) on the square loss with a noiseless linear teacher and
 * Σ = I, along one eigenvector of XᵀX with eigenvalue a: the gradient is (λ + a) ŵ_a − a w*_a, so the component
 * of w along w* obeys a scalar linear recursion f_t(a) (f_0 = m0) and the initial-condition part B_t(a)
 * (B_0 = 1, no forcing), with w^{−j} := w⁰ and no gradients before step 0. Averaging over the Marchenko–Pastur
 * law gives the exact large-d curves (SPEC §5.1):
 * m = E f, q = E[f² + c0 B² + L], train_loss = E[a((f − 1)² + c0 B² + L)]/(2α), where
 * L_t(a) = Σ_s 2 T_L b_{s,0} ψ_a(t,s)² is the Langevin part, ψ_a(·,s) the response to a unit kick of w^{s+1}.
 */
final class LinearRecursion {

    private LinearRecursion() {
    }

    /**
     * The scalar trajectory x_0…x_T at curvature λ + a, with forcing a·forcing in each gradient.
     */
    static double[] trajectory(UpdateRule rule, int steps, double ridge, double a, double start, double forcing) {
        double[] x = new double[steps + 1];
        x[0] = start;
        march(rule, steps, ridge, a, forcing, x, 0);
        return x;
    }

    /** ψ_a(·, s): the response of the homogeneous recursion to a unit kick of x_{s+1} (Langevin noise of step s). */
    static double[] kickResponse(UpdateRule rule, int steps, double ridge, double a, int s) {
        double[] x = new double[steps + 1];
        x[s + 1] = 1;
        march(rule, steps, ridge, a, 0, x, s + 1);
        return x;
    }

    /** Fills x_{from+1}…x_T from the recursion; x_t for t ≤ from are given (x_{−j} := x_0). */
    private static void march(UpdateRule rule, int steps, double ridge, double a, double forcing, double[] x,
                              int from) {
        int p = rule.memory();
        double[] gradient = new double[steps];
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
            if (t >= from) {
                x[t + 1] = next;
            }
        }
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
            double[] langevin = new double[steps + 1];
            for (int s = 0; rule.temperature() > 0 && s < steps; s++) {
                double[] psi = kickResponse(rule, steps, ridge, a, s);
                double variance = 2 * rule.temperature() * rule.coefficients(s).b(0);
                for (int t = s + 1; t <= steps; t++) {
                    langevin[t] += variance * psi[t] * psi[t];
                }
            }
            for (int t = 0; t <= steps; t++) {
                double fluctuation = c0 * b[t] * b[t] + langevin[t];
                curves[0][t] += w * f[t];
                curves[1][t] += w * (f[t] * f[t] + fluctuation);
                curves[2][t] += w * a * ((f[t] - 1) * (f[t] - 1) + fluctuation) / (2 * alpha);
            }
        }
        return curves;
    }
}
