package org.dmftlab.core.theory;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.dmftlab.core.dynamics.BatchSelection;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Teacher;

/**
 * The sampled data side of SPEC §4.2: N paths, each one training sample with its own Gaussian fields, label and
 * selections. The fields (h0, ω̂⁰, …, ω̂^t) are drawn by extending a Cholesky factor by one row per step and
 * keeping every path's standard normals (a negative pivot is clipped to 0 and its column zeroed below), and
 * <pre>
 *   r^t = ω̂^t − Σ_{s&lt;t} R(t,s) g^s,   g^t = s^t ℓ′(y, r^t),   s^t = 1/b_t with probability b_t, else 0,
 *   G(t,u) = δ_{tu} − Σ_{s=u}^{t−1} R(t,s) s^s ℓ″(y, r^s) G(s,u),
 * </pre>
 * then C_ℓ(t,t') = α E[g^t g^{t'}], μ(t) = α E[h0 g^t] over all paths and Γ(t,u) = α E[s^t ℓ″^t G(t,u)] over the
 * first {@code responsePaths} paths only (SPEC §4.4: the response may be estimated on a sub-population).
 *
 * <p>Memory: (T+2) normals and T gradients per path, plus T(T+1)/2 responses G and T curvatures per response
 * path, i.e. about 8 [N (2T+2) + N_G (T²/2 + 3T/2)] bytes. The random stream is consumed in a fixed order
 * (per step, path by path), so a march is reproducible from its generator alone.
 */
final class PathDataSide implements DataSide {

    /** Relative size below which a Cholesky pivot counts as zero (the field is determined by earlier ones). */
    private static final double PIVOT_TOLERANCE = 1e-12;

    private final ParameterAggregates aggregates;
    private final DataKernels kernels;
    private final Loss loss;
    private final RandomGenerator random;
    private final double alpha;
    private final UpdateSchedule schedule;
    private final boolean lookAhead;
    private final int paths;
    private final int responsePaths;
    private final int width;
    private final int steps;
    private final int triangle;

    /** Per path: normals z_0…z_{T+1} (z_0 gives h0), labels, gradients g^0…g^{T−1}. */
    private final double[] normals;
    private final double[] labels;
    private final double[] gradients;
    /** Per response path: curvatures s^s ℓ″^s and the lower triangle of G, rows 0…T−1. */
    private final double[] curvatures;
    private final double[] responses;

    /** The Cholesky factor of (h0, ω̂⁰, …): row i holds the coefficients of variable i on z_0…z_i. */
    private final double[][] factor;
    private final double[] iterateRow;
    /** Scratch: the row of G being computed. */
    private final double[] responseRow;
    private final double[] products;
    private final double[] memorySums;
    private final double[] memoryRow;

    /**
     * Draws h0 and the label of every path.
     *
     * @param schedule the update: the selection of each step, and whether some step's query point differs from
     *                 its iterate (then the iterate's field is an extra observed field per step)
     */
    PathDataSide(ParameterAggregates aggregates, Loss loss, Teacher teacher, double alpha, UpdateSchedule schedule,
                 int paths, int responsePaths, RandomGenerator random) {
        this.aggregates = aggregates;
        this.loss = loss;
        this.random = random;
        this.alpha = alpha;
        this.schedule = schedule;
        this.lookAhead = schedule.lookAhead();
        this.paths = paths;
        this.responsePaths = responsePaths;
        this.steps = schedule.steps();
        this.kernels = new DataKernels(steps);
        this.width = steps + 2;
        this.triangle = steps * (steps + 1) / 2;
        normals = new double[paths * width];
        labels = new double[paths];
        gradients = new double[paths * steps];
        curvatures = new double[responsePaths * steps];
        responses = new double[responsePaths * triangle];
        factor = new double[width][width];
        iterateRow = new double[width];
        responseRow = new double[steps];
        products = new double[steps + 1];
        memorySums = new double[steps + 1];
        memoryRow = new double[steps + 1];
        factor[0][0] = Math.sqrt(aggregates.rho());
        for (int p = 0; p < paths; p++) {
            double z = random.nextGaussian();
            normals[p * width] = z;
            labels[p] = teacher.label(factor[0][0] * z, teacher.drawNoise(random));
        }
    }

    @Override
    public DataKernels kernels() {
        return kernels;
    }

    @Override
    public double step(int t, boolean withKernels) {
        int row = t + 1;
        double[] covariance = aggregates.fieldCovariance(t);
        // Cholesky row of ω̂^t against (h0, ω̂^0 … ω̂^{t−1}): entry 0 is M̂(t), entry 1+u is C(t,u).
        double[] current = factor[row];
        current[0] = aggregates.teacherOverlap(t);
        System.arraycopy(covariance, 0, current, 1, t);
        current[row] = pivot(current, row, covariance[t]);
        double iteratePivot = 0;
        if (lookAhead) {
            iterateRow[0] = aggregates.iterateOverlap(t);
            System.arraycopy(aggregates.iterateCovariance(t), 0, iterateRow, 1, t + 1);
            iteratePivot = pivot(iterateRow, row + 1, aggregates.iterateVariance(t));
        }
        double[] response = aggregates.response(t);
        double[] iterateResponse = aggregates.iterateResponse(t);
        BatchSelection batch = schedule.selection(t);
        double selected = batch.weight();
        Arrays.fill(products, 0, t + 1, 0);
        Arrays.fill(memorySums, 0, t + 1, 0);
        double mu = 0;
        double trainLoss = 0;
        for (int p = 0; p < paths; p++) {
            int base = p * width;
            double z = random.nextGaussian();
            normals[base + row] = z;
            double omega = 0;
            for (int j = 0; j <= row; j++) {
                omega += current[j] * normals[base + j];
            }
            int gradientBase = p * steps;
            double r = omega;
            for (int s = 0; s < t; s++) {
                r -= response[s] * gradients[gradientBase + s];
            }
            double y = labels[p];
            if (lookAhead) {
                double omegaIterate = iteratePivot * random.nextGaussian();
                for (int j = 0; j <= row; j++) {
                    omegaIterate += iterateRow[j] * normals[base + j];
                }
                for (int s = 0; s < t; s++) {
                    omegaIterate -= iterateResponse[s] * gradients[gradientBase + s];
                }
                trainLoss += loss.value(y, omegaIterate);
            } else {
                trainLoss += loss.value(y, r);
            }
            if (!withKernels) {
                continue;
            }
            double selection = batch.draw(random) ? selected : 0;
            double g = selection * loss.firstDerivative(y, r);
            gradients[gradientBase + t] = g;
            mu += normals[base] * g;
            for (int u = 0; u <= t; u++) {
                products[u] += g * gradients[gradientBase + u];
            }
            if (p < responsePaths) {
                double curvature = selection == 0 ? 0 : selection * loss.secondDerivative(y, r);
                curvatures[p * steps + t] = curvature;
                accumulateResponse(p, t, response, curvature);
            }
        }
        if (withKernels) {
            double sdH0 = factor[0][0];
            for (int u = 0; u <= t; u++) {
                memoryRow[u] = alpha * memorySums[u] / responsePaths;
                products[u] *= alpha / paths;
            }
            kernels.publishRow(t, memoryRow, products, alpha * sdH0 * mu / paths, aggregates);
        }
        return trainLoss / paths;
    }

    /**
     * Row t of G for response path p (SPEC §4.2), and its contribution s^t ℓ″^t G(t,u) to the Γ sums. A row whose
     * curvature s^t ℓ″^t is 0 (an unselected sample) is neither computed nor stored: every later use of G(t,·) is
     * weighted by that curvature.
     */
    private void accumulateResponse(int p, int t, double[] response, double curvature) {
        if (curvature == 0) {
            return;
        }
        int base = p * triangle;
        int curvatureBase = p * steps;
        Arrays.fill(responseRow, 0, t, 0);
        responseRow[t] = 1;
        for (int s = 0; s < t; s++) {
            double weight = -response[s] * curvatures[curvatureBase + s];
            if (weight != 0) {
                int rowS = base + s * (s + 1) / 2;
                for (int u = 0; u <= s; u++) {
                    responseRow[u] += weight * responses[rowS + u];
                }
            }
        }
        System.arraycopy(responseRow, 0, responses, base + t * (t + 1) / 2, t + 1);
        for (int u = 0; u <= t; u++) {
            memorySums[u] += curvature * responseRow[u];
        }
    }

    /**
     * Forward substitution of a new Cholesky row: on entry row[j] holds the covariance of the new variable with
     * variable j &lt; n; on exit the coefficients on z_j. Returns the clipped pivot √(variance − Σ row[j]²).
     */
    private double pivot(double[] row, int n, double variance) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double diagonal = factor[j][j];
            if (diagonal == 0) {
                row[j] = 0;
                continue;
            }
            double value = row[j];
            double[] earlier = factor[j];
            for (int l = 0; l < j; l++) {
                value -= row[l] * earlier[l];
            }
            row[j] = value / diagonal;
            sum += row[j] * row[j];
        }
        double square = variance - sum;
        return square > PIVOT_TOLERANCE * Math.abs(variance) ? Math.sqrt(square) : 0;
    }
}
