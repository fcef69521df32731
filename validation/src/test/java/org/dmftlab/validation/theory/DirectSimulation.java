package org.dmftlab.validation.theory;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * A deliberately plain finite-d simulation of SPEC §1–§2.1, written here only so that the theory can be checked
 * against independent data before the real simulation engine exists: Σ diagonal with the covariance's eigenvalues
 * σ((j−½)/d), teacher with random signs and |w*_j|² = τ_j, w⁰ = m0 w* + w⊥ (w⊥ Gaussian, orthogonalised to w*,
 * |w⊥|² = c0 d), x = Σ^{1/2} z with z ~ N(0, I/d). Returns the mean and standard error over seeds of m, q and the
 * train loss at every step.
 */
final class DirectSimulation {

    private DirectSimulation() {
    }

    /** values[0..2][t] = m, q, train_loss means; values[3..5][t] their standard errors over seeds. */
    static double[][] run(Problem problem, UpdateRule rule, int steps, int d, int seeds, long seed) {
        double[][] sums = new double[3][steps + 1];
        double[][] squares = new double[3][steps + 1];
        RandomGenerator.SplittableGenerator root =
                RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of("L64X128MixRandom").create(seed);
        for (int run = 0; run < seeds; run++) {
            double[][] one = single(problem, rule, steps, d, root.split());
            for (int o = 0; o < 3; o++) {
                for (int t = 0; t <= steps; t++) {
                    sums[o][t] += one[o][t];
                    squares[o][t] += one[o][t] * one[o][t];
                }
            }
        }
        double[][] result = new double[6][steps + 1];
        for (int o = 0; o < 3; o++) {
            for (int t = 0; t <= steps; t++) {
                double mean = sums[o][t] / seeds;
                result[o][t] = mean;
                result[o + 3][t] = Math.sqrt(Math.max(squares[o][t] / seeds - mean * mean, 0) / (seeds - 1));
            }
        }
        return result;
    }

    private static double[][] single(Problem problem, UpdateRule rule, int steps, int d, RandomGenerator random) {
        int n = (int) Math.round(problem.alpha() * d);
        int p = rule.memory();
        double[] scale = new double[d];
        double[] teacher = new double[d];
        for (int j = 0; j < d; j++) {
            double u = (j + 0.5) / d;
            scale[j] = Math.sqrt(problem.covariance().eigenvalueQuantile(u));
            teacher[j] = Math.sqrt(problem.covariance().teacherPower(u)) * (random.nextBoolean() ? 1 : -1);
        }
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int mu = 0; mu < n; mu++) {
            double h0 = 0;
            for (int j = 0; j < d; j++) {
                x[mu][j] = scale[j] * random.nextGaussian() / Math.sqrt(d);
                h0 += x[mu][j] * teacher[j];
            }
            y[mu] = problem.teacher().label(h0, problem.teacher().drawNoise(random));
        }
        double[] perpendicular = new double[d];
        double along = 0;
        double teacherNorm = 0;
        for (int j = 0; j < d; j++) {
            perpendicular[j] = random.nextGaussian();
            along += perpendicular[j] * teacher[j];
            teacherNorm += teacher[j] * teacher[j];
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
            perpendicular[j] -= along / teacherNorm * teacher[j];
            norm += perpendicular[j] * perpendicular[j];
        }
        double[][] w = new double[steps + 1][d];
        for (int j = 0; j < d; j++) {
            w[0][j] = problem.initOverlap() * teacher[j]
                    + Math.sqrt(problem.initVariance() * d / norm) * perpendicular[j];
        }
        double[][] gradient = new double[steps][d];
        double[] query = new double[d];
        double[][] observed = new double[3][steps + 1];
        double b = rule.batchFraction();
        for (int t = 0; t <= steps; t++) {
            double[] wt = w[t];
            double m = 0;
            double q = 0;
            for (int j = 0; j < d; j++) {
                m += wt[j] * teacher[j] / d;
                q += wt[j] * wt[j] / d;
            }
            double loss = 0;
            for (int mu = 0; mu < n; mu++) {
                loss += problem.loss().value(y[mu], dot(x[mu], wt)) / n;
            }
            observed[0][t] = m;
            observed[1][t] = q;
            observed[2][t] = loss;
            if (t == steps) {
                break;
            }
            StepCoefficients c = rule.coefficients(t);
            Arrays.fill(query, 0);
            for (int j = 0; j <= p; j++) {
                double[] past = w[Math.max(t - j, 0)];
                for (int i = 0; i < d; i++) {
                    query[i] += c.c(j) * past[i];
                }
            }
            double[] g = gradient[t];
            for (int i = 0; i < d; i++) {
                g[i] = problem.ridge() * query[i];
            }
            for (int mu = 0; mu < n; mu++) {
                if (b < 1 && random.nextDouble() >= b) {
                    continue;
                }
                double weight = problem.loss().firstDerivative(y[mu], dot(x[mu], query)) / b;
                for (int i = 0; i < d; i++) {
                    g[i] += weight * x[mu][i];
                }
            }
            double[] next = w[t + 1];
            for (int j = 0; j <= p; j++) {
                double[] past = w[Math.max(t - j, 0)];
                for (int i = 0; i < d; i++) {
                    next[i] += c.a(j) * past[i] - (t - j >= 0 ? c.b(j) * gradient[t - j][i] : 0);
                }
            }
        }
        return observed;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
