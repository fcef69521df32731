package org.dmftlab.core.theory;

import java.util.Arrays;
import org.dmftlab.core.dynamics.UpdateSchedule;

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
 * <p>Series of one step are stored in one row, interleaved so that the series that are non-zero at step t form a
 * prefix: [e, P, χ̃(·,0), ψ(·,0), χ̃(·,1), ψ(·,1), …] (no ψ without Langevin noise). Memory about
 * K (T + 2p + 4) (2 + T) doubles for K species, (2 + 2T) with Langevin noise.
 */
final class ParameterSide {

    private static final int MEAN = 0;
    private static final int INIT = 1;
    private static final int FIRST_KICK = 2;

    private final Species species;
    private final double ridge;
    private final double initVariance;
    private final double temperature;
    private final int memory;
    private final UpdateSchedule schedule;
    /** 1 without Langevin noise (kicks only), 2 with (kick and noise series per step). */
    private final int seriesPerStep;
    private final boolean lookAhead;

    /**
     * [k][row][series]: query points x̂ of every step; iterates x and fields H only of the last p+2 and p+1 steps
     * (ring buffers: the recursion reads no further back).
     */
    private final double[][][] query;
    private final double[][][] iterate;
    private final double[][][] field;
    /** Scratch: Σ_s χ̃(t,s) C_ℓ(s,·) for the query point and the iterate of the current step. */
    private final double[] queryNoise;
    private final double[] iterateNoise;
    /** Scratch: row t of the aggregates while the species are summed. */
    private final double[] covarianceRow;
    private final double[] responseRow;
    private final double[] iterateResponseRow;
    private final double[] iterateCovarianceRow;
    private final ParameterAggregates aggregates;

    ParameterSide(Species species, UpdateSchedule schedule, double ridge, double initOverlap, double initVariance) {
        this.species = species;
        this.schedule = schedule;
        this.ridge = ridge;
        this.initVariance = initVariance;
        this.temperature = schedule.temperature();
        this.memory = schedule.memory();
        this.lookAhead = schedule.lookAhead();
        int steps = schedule.steps();
        seriesPerStep = temperature > 0 ? 2 : 1;
        int series = active(steps);
        int size = species.size();
        iterate = new double[size][memory + 2][series];
        query = new double[size][steps + 1][series];
        field = new double[size][memory + 1][series];
        for (int k = 0; k < size; k++) {
            iterate[k][0][MEAN] = initOverlap * Math.sqrt(species.tau()[k]);
            iterate[k][0][INIT] = 1;
        }
        queryNoise = new double[steps + 1];
        iterateNoise = new double[steps + 1];
        covarianceRow = new double[steps + 1];
        responseRow = new double[steps + 1];
        iterateResponseRow = new double[steps + 1];
        iterateCovarianceRow = new double[steps + 1];
        aggregates = new ParameterAggregates(steps, species.rho());
    }

    /** The aggregates this side publishes, for the data side to read. */
    ParameterAggregates aggregates() {
        return aggregates;
    }

    /** The iterate row of step t of species k, x(−j) := x(0) (row 0 is still in the ring while t &lt; 0 is read). */
    private double[] iterate(int k, int t) {
        return iterate[k][Math.max(t, 0) % iterate[k].length];
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
        int series = active(t);
        double[] cRow = covarianceRow;
        Arrays.fill(cRow, 0, t + 1, 0);
        Arrays.fill(responseRow, 0, t, 0);
        Arrays.fill(iterateResponseRow, 0, t, 0);
        Arrays.fill(iterateCovarianceRow, 0, t + 1, 0);
        double mHat = 0;
        double overlap = 0;
        double norm = 0;
        double populationOverlap = 0;
        double populationNorm = 0;
        for (int k = 0; k < species.size(); k++) {
            double sigma = species.sigma()[k];
            double weight = species.weight()[k];
            double teacher = Math.sqrt(species.tau()[k]);
            double[] x = iterate(k, t);
            double[] xHat = query[k][t];
            Arrays.fill(xHat, 0);
            for (int j = 0; j <= memory; j++) {
                double[] past = iterate(k, t - j);
                double cj = schedule.c(t, j);
                for (int i = 0; i < series; i++) {
                    xHat[i] += cj * past[i];
                }
            }
            // Σ_s χ̃(t,s) C_ℓ(s,·) for the query point and, when it differs, the iterate.
            projectNoise(xHat, kernels, t, queryNoise);
            if (lookAhead) {
                projectNoise(x, kernels, t, iterateNoise);
            }
            double[] noiseAtIterate = lookAhead ? iterateNoise : queryNoise;
            for (int u = 0; u <= t; u++) {
                double[] uHat = query[k][u];
                double fluctuation = fluctuation(xHat, queryNoise, uHat, u, sigma);
                cRow[u] += weight * sigma * (xHat[MEAN] * uHat[MEAN] + fluctuation);
                if (lookAhead) {
                    double cross = fluctuation(x, noiseAtIterate, uHat, u, sigma);
                    iterateCovarianceRow[u] += weight * sigma * (x[MEAN] * uHat[MEAN] + cross);
                }
            }
            for (int s = 0; s < t; s++) {
                responseRow[s] += weight * sigma * xHat[kickIndex(s)];
                iterateResponseRow[s] += weight * sigma * x[kickIndex(s)];
            }
            double second = x[MEAN] * x[MEAN] + fluctuation(x, noiseAtIterate, x, t, sigma);
            mHat += weight * sigma * teacher * xHat[MEAN];
            overlap += weight * teacher * x[MEAN];
            populationOverlap += weight * sigma * teacher * x[MEAN];
            norm += weight * second;
            populationNorm += weight * sigma * second;
        }
        aggregates.publishRow(t, cRow, mHat, responseRow, iterateResponseRow,
                lookAhead ? iterateCovarianceRow : cRow, lookAhead ? populationOverlap : mHat,
                lookAhead ? populationNorm : cRow[t]);
        return new IterateMoments(overlap, norm, populationOverlap, populationNorm);
    }

    /** out[s'] = Σ_{s&lt;t} row[χ̃(·,s)] C_ℓ(s,s') for s' &lt; t (C_ℓ is symmetric: read along its row s'). */
    private void projectNoise(double[] row, DataKernels kernels, int t, double[] out) {
        for (int s2 = 0; s2 < t; s2++) {
            double[] ell = kernels.noiseCovariance(s2);
            double sum = 0;
            for (int s = 0; s < t; s++) {
                sum += row[kickIndex(s)] * ell[s];
            }
            out[s2] = sum;
        }
    }

    /**
     * S_k(t,u) in w-coordinates for series rows x (step t) and y (step u ≤ t), given noise = Σ_s x_χ̃(s) C_ℓ(s,·).
     */
    private double fluctuation(double[] x, double[] noise, double[] y, int u, double sigma) {
        double kicks = 0;
        for (int s = 0; s < u; s++) {
            kicks += noise[s] * y[kickIndex(s)];
        }
        double langevin = 0;
        if (seriesPerStep == 2) {
            for (int s = 0; s < u; s++) {
                int i = noiseIndex(s);
                langevin += schedule.b(s, 0) * x[i] * y[i];
            }
        }
        return initVariance * x[INIT] * y[INIT] + sigma * kicks + 2 * temperature * langevin;
    }

    /**
     * Step t, second half: the fields H(t) from Γ(t, ≤t) and Γ*(t), then the iterates x(t+1) of every series.
     */
    void advance(int t, DataKernels kernels) {
        double[] gamma = kernels.memory(t);
        double drift = kernels.teacherDrift(t);
        int series = active(t);
        for (int k = 0; k < species.size(); k++) {
            double sigma = species.sigma()[k];
            double[] h = field[k][t % field[k].length];
            double[] xHat = query[k][t];
            for (int i = 0; i < series; i++) {
                h[i] = ridge * xHat[i];
            }
            for (int v = 0; v <= t; v++) {
                double weight = sigma * gamma[v];
                double[] past = query[k][v];
                int pastSeries = active(v);
                for (int i = 0; i < pastSeries; i++) {
                    h[i] += weight * past[i];
                }
            }
            h[MEAN] += sigma * drift * Math.sqrt(species.tau()[k]);

            double[] out = iterate(k, t + 1);
            Arrays.fill(out, 0);
            for (int j = 0; j <= memory; j++) {
                double aj = schedule.a(t, j);
                double[] past = iterate(k, t - j);
                for (int i = 0; i < series; i++) {
                    out[i] += aj * past[i];
                }
                if (t - j >= 0) {
                    double bj = schedule.b(t, j);
                    double[] pastField = field[k][(t - j) % field[k].length];
                    int fieldSeries = active(t - j);
                    for (int i = 0; i < fieldSeries; i++) {
                        out[i] -= bj * pastField[i];
                    }
                    // the kick of the field at step t − j enters here with weight b_{t,j}
                    out[kickIndex(t - j)] += bj;
                }
            }
            if (seriesPerStep == 2) {
                out[noiseIndex(t)] += 1;
            }
        }
    }
}
