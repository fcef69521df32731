package org.dmftlab.core.theory;

import java.util.Arrays;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeGrid;

/**
 * The parameter side of SPEC §4.3 for the general linear-memory rule of SPEC §2.1: per species k, deterministic
 * linear recursions in w-coordinates (v-quantities are √σ_k times these, so no division by √σ_k ever happens).
 *
 * <p>Every series x obeys, for t ≥ 0,
 * <pre>
 *   x(t+1) = Σ_j a_{t,j} x(t−j) − Σ_{j: t−j ≥ 0} b_{t,j} H(t−j) + source(t+1),   x(−j) := x(0),
 *   H(u)   = λ x̂(u) + σ_k Σ_{v≤u} Γ(u,v) x̂(v)  [+ σ_k Γ*(u) w*_k for the mean],  x̂(u) = Σ_j c_{u,j} x(u−j),
 * </pre>
 * H being the effective gradient field of step u (gradients of steps before 0 do not exist). The series are
 * the mean e_k (e_k(0) = m0 w*_k), the initial-condition response P_k (P_k(0) = 1), the kick responses
 * χ̃_k(·,s) to lowering the field of step s by 1 (source b_{t,t−s} at t+1 for 0 ≤ t−s ≤ p; for b = (η, 0)
 * this is η χ_k of SPEC §4.3) and, with Langevin noise, the responses ψ_k(·,s) to a unit kick of w^{s+1}. The
 * fluctuation covariance in w-coordinates is
 * <pre>
 *   S_k(t,t') = c0 P_k(t) P_k(t') + σ_k Σ_{s,s'} χ̃_k(t,s) χ̃_k(t',s') C_ℓ(s,s') + 2 T_L Σ_s b_{s,0} ψ_k(t,s) ψ_k(t',s)
 * </pre>
 * (hatted or not per argument); v-coordinates multiply by σ_k.
 *
 * <p>Each step publishes row t of the {@link ParameterAggregates} it owns (the only writer) and returns the
 * {@link IterateMoments}; it reads the {@link DataKernels} of earlier steps.
 *
 * <p>Layout: a row of step u holds the series that can be non-zero at u, [e, P, χ̃(·,0), ψ(·,0), χ̃(·,1), …] (no ψ
 * without Langevin noise), each series with its K species side by side ([series][species], species innermost).
 * The three passes of a step that cost O(K t²) are then each one contiguous loop: C_ℓ applied to the kick
 * responses of all species at once (C_ℓ read once per step, by rows), the covariance row C(t,·) as one dot
 * product per u over (series, species) against a weight row W_t that folds in the species weights, C_ℓ, c0 and
 * the Langevin term, and the memory field as one axpy per v. Query rows are kept for every step as a triangle:
 * about 8 K (T + 2)²/2 bytes for K species (twice with Langevin noise); iterates and fields only for the last
 * p + 2 and p + 1 steps.
 *
 * <p>When asked, a step on the {@link TwoTimeGrid} also records the two-time functions of SPEC §3.1 at the iterate,
 * in w-coordinates, from the same rows: C(t,s) = ⟨e_k(t) e_k(s) + S_k(t,s)⟩ as one more dot product per grid step s
 * (against the query row of s, which is the iterate without look-ahead; with look-ahead the iterate rows of the grid
 * steps are kept as well), and R(t,s) = ⟨χ̃_k(t,s)⟩ from the kick series already in the iterate row.
 */
final class ParameterSide {

    private static final int MEAN = 0;
    private static final int INIT = 1;
    private static final int FIRST_KICK = 2;

    private final int size;
    private final double[] sigma;
    private final double[] weight;
    /** w*_k = √τ_k. */
    private final double[] teacher;
    private final double ridge;
    private final double initVariance;
    private final double temperature;
    private final int memory;
    private final UpdateSchedule schedule;
    /** 1 without Langevin noise (kicks only), 2 with (kick and noise series per step). */
    private final int seriesPerStep;
    private final boolean lookAhead;

    /** Query rows x̂(u), u ≤ t, each active(u)·K long; iterates and fields in ring buffers of full width. */
    private final double[][] query;
    private final double[][] iterate;
    private final double[][] field;
    /** Scratch: the weight rows W_t of the query point and of the iterate, and C_ℓ applied to kick responses. */
    private final double[] queryWeights;
    private final double[] iterateWeights;
    private final double[] noise;
    /** Scratch: per-species second moments, then the memory sums of {@link #advance}. */
    private final double[] second;
    private final double[] memorySums;
    /** Scratch: row t of the aggregates. */
    private final double[] covarianceRow;
    private final double[] responseRow;
    private final double[] iterateResponseRow;
    private final double[] iterateCovarianceRow;
    private final ParameterAggregates aggregates;
    /** Where the two-time functions go (null: not recorded); the iterate rows of grid steps (look-ahead only). */
    private final TwoTimeFunctions twoTime;
    private final double[][] gridIterates;
    /** Scratch: the iterate's weight row times the species weights. */
    private final double[] twoTimeWeights;

    ParameterSide(Species species, UpdateSchedule schedule, double ridge, double initOverlap, double initVariance) {
        this(species, schedule, ridge, initOverlap, initVariance, null);
    }

    /** @param twoTime the table the two-time functions of SPEC §3.1 are recorded in, or null */
    ParameterSide(Species species, UpdateSchedule schedule, double ridge, double initOverlap, double initVariance,
                  TwoTimeFunctions twoTime) {
        this.schedule = schedule;
        this.ridge = ridge;
        this.initVariance = initVariance;
        this.temperature = schedule.temperature();
        this.memory = schedule.memory();
        this.lookAhead = schedule.lookAhead();
        size = species.size();
        sigma = species.sigma().clone();
        weight = species.weight().clone();
        teacher = new double[size];
        for (int k = 0; k < size; k++) {
            teacher[k] = Math.sqrt(species.tau()[k]);
        }
        int steps = schedule.steps();
        seriesPerStep = temperature > 0 ? 2 : 1;
        int width = active(steps) * size;
        query = new double[steps + 1][];
        for (int u = 0; u <= steps; u++) {
            query[u] = new double[active(u) * size];
        }
        iterate = new double[memory + 2][width];
        field = new double[memory + 1][width];
        for (int k = 0; k < size; k++) {
            iterate[0][MEAN * size + k] = initOverlap * teacher[k];
            iterate[0][INIT * size + k] = 1;
        }
        queryWeights = new double[width];
        iterateWeights = new double[width];
        noise = new double[Math.max(steps, 1) * size];
        second = new double[size];
        memorySums = new double[width];
        covarianceRow = new double[steps + 1];
        responseRow = new double[steps + 1];
        iterateResponseRow = new double[steps + 1];
        iterateCovarianceRow = new double[steps + 1];
        aggregates = new ParameterAggregates(steps, species.rho());
        this.twoTime = twoTime;
        gridIterates = twoTime != null && lookAhead ? new double[twoTime.grid().size()][] : null;
        twoTimeWeights = twoTime != null ? new double[width] : null;
    }

    /** The aggregates this side publishes, for the data side to read. */
    ParameterAggregates aggregates() {
        return aggregates;
    }

    /** The iterate row of step t, x(−j) := x(0) (row 0 is still in the ring while t &lt; 0 is read). */
    private double[] iterate(int t) {
        return iterate[Math.max(t, 0) % iterate.length];
    }

    /** Number of series that can be non-zero at step t (those of kicks at steps s &lt; t, plus e and P). */
    private int active(int t) {
        return FIRST_KICK + seriesPerStep * t;
    }

    /** The series of χ̃(·,s). */
    private int kickIndex(int s) {
        return FIRST_KICK + seriesPerStep * s;
    }

    /** The series of ψ(·,s) (Langevin noise only). */
    private int noiseIndex(int s) {
        return kickIndex(s) + 1;
    }

    /**
     * Step t, first half: the query points x̂(t), then row t of the aggregates that feed the data side (C(t,≤t),
     * M̂(t), R(t,&lt;t), and the iterate's R_w, cross-covariances, M and Q, which for a rule without look-ahead are
     * those of the query point).
     *
     * @param kernels C_ℓ of the steps before t
     * @return the observables m, q, M, Q of the iterate w^t
     */
    IterateMoments prepare(int t, DataKernels kernels) {
        int n = active(t) * size;
        double[] xHat = query[t];
        for (int j = 0; j <= memory; j++) {
            double cj = schedule.c(t, j);
            if (cj != 0) {
                double[] past = iterate(t - j);
                for (int i = 0; i < n; i++) {
                    xHat[i] += cj * past[i];
                }
            }
        }
        double[] x = iterate(t);
        // W_t without the species weights; the iterate's own row gives its second moments, then both get w_k σ_k.
        weights(xHat, kernels, t, queryWeights);
        if (lookAhead) {
            weights(x, kernels, t, iterateWeights);
        }
        double[] own = lookAhead ? iterateWeights : queryWeights;
        Arrays.fill(second, 0);
        for (int i = 0; i < n; i += size) {
            for (int k = 0; k < size; k++) {
                second[k] += own[i + k] * x[i + k];
            }
        }
        if (twoTime != null && twoTime.grid().indexOf(t) >= 0) {
            recordTwoTime(t, own, x);
        }
        scaleBySpecies(queryWeights, n);
        if (lookAhead) {
            scaleBySpecies(iterateWeights, n);
        }
        for (int u = 0; u <= t; u++) {
            double[] uHat = query[u];
            int m = active(u) * size;
            covarianceRow[u] = dot(queryWeights, uHat, m);
            if (lookAhead) {
                iterateCovarianceRow[u] = dot(iterateWeights, uHat, m);
            }
        }
        for (int s = 0; s < t; s++) {
            int base = kickIndex(s) * size;
            double response = 0;
            double iterateResponse = 0;
            for (int k = 0; k < size; k++) {
                response += weight[k] * sigma[k] * xHat[base + k];
                iterateResponse += weight[k] * sigma[k] * x[base + k];
            }
            responseRow[s] = response;
            iterateResponseRow[s] = iterateResponse;
        }
        double mHat = 0;
        double overlap = 0;
        double norm = 0;
        double populationOverlap = 0;
        double populationNorm = 0;
        for (int k = 0; k < size; k++) {
            double spectral = weight[k] * sigma[k];
            mHat += spectral * teacher[k] * xHat[MEAN * size + k];
            overlap += weight[k] * teacher[k] * x[MEAN * size + k];
            populationOverlap += spectral * teacher[k] * x[MEAN * size + k];
            norm += weight[k] * second[k];
            populationNorm += spectral * second[k];
        }
        aggregates.publishRow(t, covarianceRow, mHat, responseRow, iterateResponseRow,
                lookAhead ? iterateCovarianceRow : covarianceRow, lookAhead ? populationOverlap : mHat,
                lookAhead ? populationNorm : covarianceRow[t]);
        return new IterateMoments(overlap, norm, populationOverlap, populationNorm);
    }

    /**
     * The weight row W_t[i][k] of a series row x of step t, such that Σ_i W_t[i][k] y[i][k] = x_e y_e + S_k(x, y)
     * (in w-coordinates) for the row y of any step u ≤ t: the mean, c0 on the initial-condition response,
     * σ_k (C_ℓ χ̃_k)(s) on the kick responses (entries s ≥ u of y are 0) and 2 T_L b_{s,0} ψ_k(s) on the noise
     * responses.
     */
    private void weights(double[] x, DataKernels kernels, int t, double[] out) {
        int n = active(t) * size;
        Arrays.fill(out, 0, n, 0);
        // noise[s'][k] = Σ_{s<t} C_ℓ(s', s) χ̃_k(t, s), C_ℓ read along its rows (it is symmetric)
        for (int s2 = 0; s2 < t; s2++) {
            double[] ell = kernels.noiseCovariance(s2);
            int o = s2 * size;
            if (size == 1) {
                double sum = 0;
                for (int s = 0; s < t; s++) {
                    sum += ell[s] * x[kickIndex(s)];
                }
                noise[o] = sum;
            } else {
                Arrays.fill(noise, o, o + size, 0);
                for (int s = 0; s < t; s++) {
                    double e = ell[s];
                    int base = kickIndex(s) * size;
                    for (int k = 0; k < size; k++) {
                        noise[o + k] += e * x[base + k];
                    }
                }
            }
        }
        for (int k = 0; k < size; k++) {
            out[MEAN * size + k] = x[MEAN * size + k];
            out[INIT * size + k] = initVariance * x[INIT * size + k];
        }
        for (int s = 0; s < t; s++) {
            int kick = kickIndex(s) * size;
            for (int k = 0; k < size; k++) {
                out[kick + k] = sigma[k] * noise[s * size + k];
            }
            if (seriesPerStep == 2) {
                int noiseSeries = noiseIndex(s) * size;
                double langevin = 2 * temperature * schedule.b(s, 0);
                for (int k = 0; k < size; k++) {
                    out[noiseSeries + k] = langevin * x[noiseSeries + k];
                }
            }
        }
    }

    /**
     * The two-time functions at grid step t (SPEC §3.1): C(t,s) = Σ_i Σ_k ω_k W_t[i][k] x_s[i][k] with the weight row
     * {@code own} of the iterate x = x(t) (before the σ_k scaling) and the iterate row x_s of every grid step s ≤ t,
     * and R(t,s) = ⟨χ̃_k(t,s)⟩ for s &lt; t (0 at s = t).
     */
    private void recordTwoTime(int t, double[] own, double[] x) {
        TwoTimeGrid grid = twoTime.grid();
        int i = grid.indexOf(t);
        int n = active(t) * size;
        if (gridIterates != null) {
            gridIterates[i] = Arrays.copyOf(x, n);
        }
        for (int e = 0; e < n; e += size) {
            for (int k = 0; k < size; k++) {
                twoTimeWeights[e + k] = weight[k] * own[e + k];
            }
        }
        for (int j = 0; j <= i; j++) {
            int s = grid.step(j);
            double[] past = gridIterates != null ? gridIterates[j] : query[s];
            twoTime.set(TwoTimeFunctions.Function.CORRELATION, i, j,
                    dot(twoTimeWeights, past, active(s) * size), Double.NaN);
            double response = 0;
            if (s < t) {
                int base = kickIndex(s) * size;
                for (int k = 0; k < size; k++) {
                    response += weight[k] * x[base + k];
                }
            }
            twoTime.set(TwoTimeFunctions.Function.RESPONSE, i, j, response, Double.NaN);
        }
    }

    /** Multiplies every entry of species k by w_k σ_k (the factor of C, R and Q in SPEC §4.3). */
    private void scaleBySpecies(double[] row, int n) {
        for (int i = 0; i < n; i += size) {
            for (int k = 0; k < size; k++) {
                row[i + k] *= weight[k] * sigma[k];
            }
        }
    }

    /** Σ_{i&lt;n} x_i y_i. */
    private static double dot(double[] x, double[] y, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /**
     * Step t, second half: the fields H(t) from Γ(t, ≤t) and Γ*(t), then the iterates x(t+1) of every series.
     */
    void advance(int t, DataKernels kernels) {
        double[] gamma = kernels.memory(t);
        double drift = kernels.teacherDrift(t);
        int n = active(t) * size;
        double[] h = field[t % field.length];
        Arrays.fill(memorySums, 0, n, 0);
        for (int v = 0; v <= t; v++) {
            double g = gamma[v];
            if (g == 0) {
                continue;
            }
            double[] past = query[v];
            int m = active(v) * size;
            for (int i = 0; i < m; i++) {
                memorySums[i] += g * past[i];
            }
        }
        double[] xHat = query[t];
        for (int i = 0; i < n; i += size) {
            for (int k = 0; k < size; k++) {
                h[i + k] = ridge * xHat[i + k] + sigma[k] * memorySums[i + k];
            }
        }
        for (int k = 0; k < size; k++) {
            h[MEAN * size + k] += sigma[k] * drift * teacher[k];
        }
        double[] out = iterate(t + 1);
        Arrays.fill(out, 0);
        for (int j = 0; j <= memory; j++) {
            double aj = schedule.a(t, j);
            double[] past = iterate(t - j);
            for (int i = 0; i < n; i++) {
                out[i] += aj * past[i];
            }
            if (t - j >= 0) {
                double bj = schedule.b(t, j);
                double[] pastField = field[(t - j) % field.length];
                int m = active(t - j) * size;
                for (int i = 0; i < m; i++) {
                    out[i] -= bj * pastField[i];
                }
                // the kick of the field at step t − j enters here with weight b_{t,j}
                int kick = kickIndex(t - j) * size;
                for (int k = 0; k < size; k++) {
                    out[kick + k] += bj;
                }
            }
        }
        if (seriesPerStep == 2) {
            int noiseSeries = noiseIndex(t) * size;
            for (int k = 0; k < size; k++) {
                out[noiseSeries + k] += 1;
            }
        }
    }

    /**
     * Sends the side's state through a channel (a march's state, {@link ForwardMarch}): the query rows, the rings of
     * iterates and fields, the grid's iterate rows, the aggregates, and the scratch rows too, so that nothing a step
     * leaves behind is lost.
     */
    void exchange(StateChannel channel) {
        channel.doubles(query);
        channel.doubles(iterate);
        channel.doubles(field);
        channel.doubles(queryWeights);
        channel.doubles(iterateWeights);
        channel.doubles(noise);
        channel.doubles(second);
        channel.doubles(memorySums);
        channel.doubles(covarianceRow);
        channel.doubles(responseRow);
        channel.doubles(iterateResponseRow);
        channel.doubles(iterateCovarianceRow);
        if (twoTimeWeights != null) {
            channel.doubles(twoTimeWeights);
        }
        if (gridIterates != null) {
            for (int i = 0; i < gridIterates.length; i++) {
                gridIterates[i] = channel.optionalDoubles(gridIterates[i]);
            }
        }
        aggregates.exchange(channel);
    }
}
