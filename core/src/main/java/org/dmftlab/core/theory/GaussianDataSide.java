package org.dmftlab.core.theory;

import java.util.Arrays;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.problem.TestMetrics;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Teacher;

/**
 * The exact data side for a loss of constant curvature κ = ℓ″ at full batch (SPEC §4, §5.1): with
 * f(y) = ℓ′(y, 0) the gradient g^t = κ r^t + f(y) is linear, so
 * <pre>
 *   r^t = Σ_u A(t,u) ω̂^u + B(t) f,  A(t,u) = δ_{tu} − κ Σ_{s=u}^{t−1} R(t,s) A(s,u),  B(t) = −Σ_{s&lt;t} R(t,s) β(s),
 *   g^t = κ Σ_u A(t,u) ω̂^u + β(t) f,  β(t) = κ B(t) + 1,
 * </pre>
 * the pathwise response G = A is deterministic (Γ = ακA), and every kernel is a quadratic form in the second
 * moments of (h0, ω̂, f): Cov(ω̂) = C, E[h0 ω̂] = M̂, E[ω̂^u f] = M̂(u) E[h0 f]/ρ (ω̂ depends on the label only through
 * h0), and E[f²], E[h0 f], E[ℓ(y, 0)] from one-dimensional quadrature over h0 and the label noise. The train
 * loss uses ℓ(y, r) = ℓ(y, 0) + f r + κ r²/2, exact for constant curvature. No sampling: the result is
 * deterministic.
 */
final class GaussianDataSide implements DataSide {

    private final ParameterAggregates aggregates;
    private final DataKernels kernels;
    private final double alpha;
    private final double curvature;
    /** E[f²], E[h0 f], E[ℓ(y, 0)]. */
    private final double labelPower;
    private final double labelCorrelation;
    private final double lossAtZero;

    /** A, lower triangle; (A C Aᵀ), both triangles; β(t); E[(Aω̂)^t f]. */
    private final double[][] transfer;
    private final double[][] transferredCovariance;
    private final double[] labelCoefficient;
    private final double[] transferredLabel;
    /** Scratch vectors over steps. */
    private final double[] scratch;
    private final double[] iterateWeights;
    private final double[] memoryRow;

    GaussianDataSide(ParameterAggregates aggregates, Loss loss, Teacher teacher, double alpha, int steps) {
        this.aggregates = aggregates;
        this.kernels = new DataKernels(steps);
        this.alpha = alpha;
        this.curvature = loss.secondDerivative(0, 0);
        double rho = aggregates.rho();
        // Label moments E F(y, h0): the test-metric quadrature with M = Q = ρ, whose field is then h0 itself.
        labelPower = TestMetrics.expectation(teacher, rho, rho, rho, (y, h0) -> square(loss.firstDerivative(y, 0)));
        labelCorrelation = TestMetrics.expectation(teacher, rho, rho, rho, (y, h0) -> h0 * loss.firstDerivative(y, 0));
        lossAtZero = TestMetrics.expectation(teacher, rho, rho, rho, (y, h0) -> loss.value(y, 0));
        int rows = steps + 1;
        transfer = new double[rows][rows];
        transferredCovariance = new double[rows][rows];
        labelCoefficient = new double[rows];
        transferredLabel = new double[rows];
        scratch = new double[rows];
        iterateWeights = new double[rows];
        memoryRow = new double[rows];
    }

    @Override
    public DataKernels kernels() {
        return kernels;
    }

    private static double square(double x) {
        return x * x;
    }

    @Override
    public double step(int t, boolean withKernels) {
        double rho = aggregates.rho();
        double[] response = aggregates.response(t);
        double labelShare = labelCorrelation / rho;

        // A(t,·), B(t) and β(t).
        double[] a = transfer[t];
        double b = 0;
        for (int s = 0; s < t; s++) {
            double weight = -curvature * response[s];
            for (int u = 0; u <= s; u++) {
                a[u] += weight * transfer[s][u];
            }
            b -= response[s] * labelCoefficient[s];
        }
        a[t] = 1;
        labelCoefficient[t] = curvature * b + 1;
        double aOmegaF = 0;
        for (int u = 0; u <= t; u++) {
            aOmegaF += a[u] * aggregates.teacherOverlap(u) * labelShare;
        }
        transferredLabel[t] = aOmegaF;
        // (A C Aᵀ)(t, t') for t' ≤ t, through scratch = (A C)(t, ·).
        for (int u2 = 0; u2 <= t; u2++) {
            double sum = 0;
            for (int u = 0; u <= t; u++) {
                sum += a[u] * aggregates.fieldCovariance(u)[u2];
            }
            scratch[u2] = sum;
        }
        for (int t2 = 0; t2 <= t; t2++) {
            double sum = 0;
            for (int u2 = 0; u2 <= t2; u2++) {
                sum += scratch[u2] * transfer[t2][u2];
            }
            transferredCovariance[t][t2] = sum;
            transferredCovariance[t2][t] = sum;
        }
        double trainLoss = iterateLoss(t, labelShare);
        if (withKernels) {
            double beta = labelCoefficient[t];
            double teacherProduct = 0;
            for (int u = 0; u <= t; u++) {
                memoryRow[u] = alpha * curvature * a[u];
                teacherProduct += a[u] * aggregates.teacherOverlap(u);
            }
            for (int t2 = 0; t2 <= t; t2++) {
                double beta2 = labelCoefficient[t2];
                scratch[t2] = alpha * (curvature * curvature * transferredCovariance[t][t2]
                        + curvature * (beta2 * aOmegaF + beta * transferredLabel[t2]) + beta * beta2 * labelPower);
            }
            kernels.publishRow(t, memoryRow, scratch, alpha * (curvature * teacherProduct + beta * labelCorrelation),
                    aggregates);
        }
        return trainLoss;
    }

    /**
     * E ℓ(y, r_w^t) with r_w^t = ω_w^t − Σ_{s&lt;t} R_w(t,s) g^s = ω_w^t − Σ_u v(u) ω̂^u − β_w f, where
     * v(u) = κ Σ_s R_w(t,s) A(s,u) and β_w = Σ_s R_w(t,s) β(s) (for γ = 0 this is r^t itself).
     */
    private double iterateLoss(int t, double labelShare) {
        double[] iterateResponse = aggregates.iterateResponse(t);
        Arrays.fill(iterateWeights, 0, t + 1, 0);
        double betaW = 0;
        for (int s = 0; s < t; s++) {
            double weight = curvature * iterateResponse[s];
            for (int u = 0; u <= s; u++) {
                iterateWeights[u] += weight * transfer[s][u];
            }
            betaW += iterateResponse[s] * labelCoefficient[s];
        }
        double iterateLabel = aggregates.iterateOverlap(t) * labelShare;
        double[] iterateCovariance = aggregates.iterateCovariance(t);
        double quadratic = 0;
        double cross = 0;
        double weightsLabel = 0;
        for (int u = 0; u < t; u++) {
            double vu = iterateWeights[u];
            double inner = 0;
            double[] covariance = aggregates.fieldCovariance(u);
            for (int u2 = 0; u2 < t; u2++) {
                inner += covariance[u2] * iterateWeights[u2];
            }
            quadratic += vu * inner;
            cross += vu * iterateCovariance[u];
            weightsLabel += vu * aggregates.teacherOverlap(u) * labelShare;
        }
        double second = aggregates.iterateVariance(t) - 2 * cross + quadratic + betaW * betaW * labelPower
                - 2 * betaW * iterateLabel + 2 * betaW * weightsLabel;
        double first = iterateLabel - weightsLabel - betaW * labelPower;
        return lossAtZero + first + 0.5 * curvature * second;
    }

    @Override
    public void exchange(StateChannel channel) {
        channel.doubles(transfer);
        channel.doubles(transferredCovariance);
        channel.doubles(labelCoefficient);
        channel.doubles(transferredLabel);
        channel.doubles(scratch);
        channel.doubles(iterateWeights);
        channel.doubles(memoryRow);
        kernels.exchange(channel);
    }
}
