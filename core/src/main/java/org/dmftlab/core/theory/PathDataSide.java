package org.dmftlab.core.theory;


import java.util.Arrays;
import org.dmftlab.core.dynamics.BatchSelection;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.random.CountedStream;
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
 * then C_ℓ(t,t') = α E[g^t g^{t'}] and μ(t) = α E[h0 g^t] over all paths, and Γ(t,u) = α E[s^t ℓ″^t G(t,u)] (SPEC
 * §4.4) in two parts, each exact in expectation: the lags t − u &lt; W = {@value #RESPONSE_WINDOW} over all paths,
 * the longer lags over the first {@code responsePaths} paths only. G(t,u) with t − u &lt; W needs only G(s,u) for
 * s ∈ [u, t), so every path keeps the last W rows of G on the last W lags (a ring); the response paths keep the
 * whole triangle. Responses of dissipative dynamics decay, so the short lags carry most of Γ and most of its
 * sampling noise, and the far lags need few paths (issue 10: at T = 1000 on the identity case of
 * docs/performance.md, q's Monte-Carlo variance fell 16× against a 268-path response population).
 *
 * <p>Memory: (T+2) normals, T gradients and W (W+1) ring entries per path, plus T(T+1)/2 responses G and T
 * curvatures per response path (none when T ≤ W), i.e. about b [N (2T + 2 + W² + W) + N_G (T²/2 + 3T/2)] bytes
 * with b = 8 in double and 4 in single precision ({@link History}; SPEC §4.4), and 8 N bytes of labels.
 * The random stream is consumed in a fixed order (per step, path by path), so a march is reproducible from its
 * generator alone.
 */
final class PathDataSide implements DataSide {

    /** W: lags of Γ below W are estimated from every path, longer ones from the response paths. */
    static final int RESPONSE_WINDOW = 32;

    /** Relative size below which a Cholesky pivot counts as zero (the field is determined by earlier ones). */
    private static final double PIVOT_TOLERANCE = 1e-12;

    private final ParameterAggregates aggregates;
    private final DataKernels kernels;
    private final Loss loss;
    private final CountedStream random;
    private final double alpha;
    private final UpdateSchedule schedule;
    private final boolean lookAhead;
    private final int paths;
    private final int responsePaths;
    private final int width;
    private final int steps;
    private final int triangle;

    /** Per path: normals z_0…z_{T+1} (z_0 gives h0), labels, gradients g^0…g^{T−1}. */
    private final History normals;
    private final double[] labels;
    private final History gradients;
    /** Per response path: curvatures s^s ℓ″^s and the lower triangle of G, rows 0…T−1 (only when T &gt; W). */
    private final History curvatures;
    private final History responses;
    /** min(W, T), the lags every path carries. */
    private final int window;
    /** Per path, a ring of the last {@link #window} steps: curvatures, and G(s, s−j) for lags j &lt; window. */
    private final History recentCurvatures;
    private final History recentResponses;

    /** The Cholesky factor of (h0, ω̂⁰, …): row i holds the coefficients of variable i on z_0…z_i. */
    private final double[][] factor;
    private final double[] iterateRow;
    /** Scratch: the row of G being computed, in the triangle and in the ring. */
    private final double[] responseRow;
    private final double[] recentRow;
    /** Scratch: −R(t,·) and −R_w(t,·) of the current step. */
    private final double[] negatedResponse;
    private final double[] negatedIterateResponse;
    private final double[] products;
    private final double[] memorySums;
    private final double[] recentMemorySums;
    private final double[] memoryRow;

    /**
     * Draws h0 and the label of every path.
     *
     * @param schedule  the update: the selection of each step, and whether some step's query point differs from
     *                  its iterate (then the iterate's field is an extra observed field per step)
     * @param precision how the paths' histories are stored
     */
    PathDataSide(ParameterAggregates aggregates, Loss loss, Teacher teacher, double alpha, UpdateSchedule schedule,
                 int paths, int responsePaths, Precision precision, CountedStream random) {
        this.aggregates = aggregates;
        this.loss = loss;
        this.random = random;
        this.alpha = alpha;
        this.schedule = schedule;
        this.lookAhead = schedule.lookAhead();
        this.paths = paths;
        this.steps = schedule.steps();
        this.kernels = new DataKernels(steps);
        this.width = steps + 2;
        this.triangle = steps * (steps + 1) / 2;
        normals = History.of(precision, paths * width);
        labels = new double[paths];
        gradients = History.of(precision, paths * steps);
        window = Math.min(RESPONSE_WINDOW, steps);
        boolean farLags = steps > window;
        this.responsePaths = farLags ? responsePaths : 0;
        curvatures = History.of(precision, this.responsePaths * steps);
        responses = History.of(precision, this.responsePaths * triangle);
        recentCurvatures = History.of(precision, paths * window);
        recentResponses = History.of(precision, paths * window * window);
        factor = new double[width][width];
        iterateRow = new double[width];
        responseRow = new double[steps];
        recentRow = new double[window];
        negatedResponse = new double[steps];
        negatedIterateResponse = new double[steps];
        products = new double[steps + 1];
        memorySums = new double[steps + 1];
        recentMemorySums = new double[steps + 1];
        memoryRow = new double[steps + 1];
        factor[0][0] = Math.sqrt(aggregates.rho());
        for (int p = 0; p < paths; p++) {
            double z = normals.set(p * width, random.nextGaussian());
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
        negate(response, negatedResponse, t);
        if (lookAhead) {
            negate(aggregates.iterateResponse(t), negatedIterateResponse, t);
        }
        BatchSelection batch = schedule.selection(t);
        double selected = batch.weight();
        Arrays.fill(products, 0, t + 1, 0);
        Arrays.fill(memorySums, 0, t + 1, 0);
        Arrays.fill(recentMemorySums, 0, t + 1, 0);
        double mu = 0;
        double trainLoss = 0;
        for (int p = 0; p < paths; p++) {
            int base = p * width;
            normals.set(base + row, random.nextGaussian());
            double omega = normals.dot(0, current, base, row + 1);
            int gradientBase = p * steps;
            double r = gradients.dot(omega, negatedResponse, gradientBase, t);
            double y = labels[p];
            if (lookAhead) {
                double omegaIterate = normals.dot(iteratePivot * random.nextGaussian(), iterateRow, base, row + 1);
                omegaIterate = gradients.dot(omegaIterate, negatedIterateResponse, gradientBase, t);
                trainLoss += loss.value(y, omegaIterate);
            } else {
                trainLoss += loss.value(y, r);
            }
            if (!withKernels) {
                continue;
            }
            double selection = batch.draw(random) ? selected : 0;
            double g = gradients.set(gradientBase + t, selection * loss.firstDerivative(y, r));
            mu += normals.get(base) * g;
            gradients.addTo(products, 0, g, gradientBase, t + 1);
            double curvature = recentCurvatures.set(p * window + t % window,
                    selection == 0 ? 0 : selection * loss.secondDerivative(y, r));
            accumulateRecentResponse(p, t, response, curvature);
            if (p < responsePaths) {
                curvatures.set(p * steps + t, curvature);
                accumulateResponse(p, t, response, curvature);
            }
        }
        if (withKernels) {
            double sdH0 = factor[0][0];
            for (int u = 0; u <= t; u++) {
                memoryRow[u] = t - u < window ? alpha * recentMemorySums[u] / paths
                        : alpha * memorySums[u] / responsePaths;
                products[u] *= alpha / paths;
            }
            kernels.publishRow(t, memoryRow, products, alpha * sdH0 * mu / paths, aggregates);
        }
        return trainLoss / paths;
    }

    /**
     * G(t, t−j) for lags j &lt; window of path p, in its ring, and the contributions s^t ℓ″^t G(t,u) to the sums of
     * Γ's short lags. G(t, t−j) = δ_{j0} − Σ_{d=1}^{j} R(t, t−d) c^{t−d} G(t−d, t−j), and G(t−d, t−j) is lag j − d
     * &lt; window of the ring row of step t − d. Rows of curvature 0 are skipped as in {@link #accumulateResponse}.
     */
    private void accumulateRecentResponse(int p, int t, double[] response, double curvature) {
        if (curvature == 0) {
            return;
        }
        int base = p * window * window;
        int rowT = base + (t % window) * window;
        Arrays.fill(recentRow, 0);
        recentRow[0] = 1;
        for (int d = 1; d < window && d <= t; d++) {
            int earlierSlot = (t - d) % window;
            double weight = -response[t - d] * recentCurvatures.get(p * window + earlierSlot);
            if (weight != 0) {
                recentResponses.addTo(recentRow, d, weight, base + earlierSlot * window, window - d);
            }
        }
        recentResponses.store(recentRow, 0, rowT, window);
        int lags = Math.min(window - 1, t);
        for (int j = 0; j <= lags; j++) {
            recentMemorySums[t - j] += curvature * recentResponses.get(rowT + j);
        }
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
            double weight = -response[s] * curvatures.get(curvatureBase + s);
            if (weight != 0) {
                responses.addTo(responseRow, 0, weight, base + s * (s + 1) / 2, s + 1);
            }
        }
        int rowT = base + t * (t + 1) / 2;
        responses.store(responseRow, 0, rowT, t + 1);
        responses.addTo(memorySums, 0, curvature, rowT, t + 1);
    }

    /** to[j] = −from[j] for j &lt; count. */
    private static void negate(double[] from, double[] to, int count) {
        for (int j = 0; j < count; j++) {
            to[j] = -from[j];
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

    @Override
    public void exchange(StateChannel channel) {
        normals.exchange(channel);
        channel.doubles(labels);
        gradients.exchange(channel);
        curvatures.exchange(channel);
        responses.exchange(channel);
        recentCurvatures.exchange(channel);
        recentResponses.exchange(channel);
        channel.doubles(factor);
        channel.doubles(iterateRow);
        channel.doubles(responseRow);
        channel.doubles(recentRow);
        channel.doubles(negatedResponse);
        channel.doubles(negatedIterateResponse);
        channel.doubles(products);
        channel.doubles(memorySums);
        channel.doubles(recentMemorySums);
        channel.doubles(memoryRow);
        kernels.exchange(channel);
        random.exchange(channel);
    }
}
