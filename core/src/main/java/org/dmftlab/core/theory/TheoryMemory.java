package org.dmftlab.core.theory;

import org.dmftlab.core.dynamics.Estimates;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.dynamics.UpdateSchedule;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Precision;

/**
 * The heap and the rough time a DMFT solve needs, known before it starts (docs/performance.md, "Where the time and
 * the memory go"; {@link #plan} is the one place that adds it up). Per group of n paths, n_G of which carry the
 * responses G, with T steps, K species, p the memory of the rule and s = 2 with Langevin noise (else 1), in doubles:
 * <ul>
 *   <li>data side ({@link PathDataSide}): n labels, and the histories, in the solve's
 *       {@link Precision} (4 bytes a value in single precision): n (T+2) normals, n T gradients,
 *       n W(W+1) for every path's ring of its last W = min({@value PathDataSide#RESPONSE_WINDOW}, T) responses and
 *       curvatures, and, when T &gt; W, n_G (T(T+1)/2 + T) responses and curvatures of the response paths; the exact
 *       solve ({@link GaussianDataSide}) two (T+1)² matrices instead;</li>
 *   <li>parameter side ({@link ParameterSide}): the query history, a triangle of K Σ_{u≤T} (2 + s u) values, and
 *       2p + 3 rows of K (2 + s T) for the last iterates and fields;</li>
 *   <li>the kernels and the Cholesky factor: seven (T+2)² matrices.</li>
 * </ul>
 * At most min(threads, groups) groups are alive at once (one for the exact solve); they share the update's schedule
 * ({@link UpdateSchedule#bytes()}). The time is about
 * {@value #NANOS_PER_OPERATION} ns per multiply-add on one thread: n T² for the fields, n_G T³ / 6 for G, K T³ for
 * the parameter side, 2 T³ for the exact data side, per group, and once more for the coarser quadrature's march
 * with its K' species (SPEC §4.5). Besides the heap, no single array may exceed
 * {@link Estimates#MAX_ARRAY_LENGTH} entries.
 *
 * @param groups         the independent groups of the solve (1 when exact)
 * @param groupsAtOnce   groups alive at once
 * @param paths          paths per group (0 when exact)
 * @param responsePaths  response paths per group (0 when exact)
 * @param steps          T
 * @param species        K, after merging
 * @param dataBytes      the data side of one group
 * @param parameterBytes the parameter side of one group
 * @param kernelBytes    the kernels and the factor of one group
 * @param sharedBytes    what the groups share: the update's schedule
 * @param longestArray   the most entries of one array
 * @param largest        the setting that the largest part grows with: {@link InputPart#STEPS} (kernels),
 *                       {@link InputPart#THEORY_PATHS} (data side), {@link InputPart#THEORY_RESPONSE_PATHS}
 *                       (responses) or {@link InputPart#THEORY_SPECIES} (parameter side)
 * @param heapBytes      the heap (the JVM's -Xmx)
 * @param seconds        a rough wall time
 */
public record TheoryMemory(int groups, int groupsAtOnce, long paths, long responsePaths, int steps, int species,
                           long dataBytes, long parameterBytes, long kernelBytes, long sharedBytes, long longestArray,
                           InputPart largest, long heapBytes, double seconds) {

    /** Rough time per multiply-add on one thread (docs/performance.md: T = 200, 60 000 paths, 4.4 s on 2 threads). */
    private static final double NANOS_PER_OPERATION = 1.0;
    /** Square matrices of (T+2)² doubles per group: C, R, R_w, the iterate's covariance and response, C_ℓ, Γ. */
    private static final int KERNELS = 7;

    /**
     * The plan of a solve.
     *
     * @param exact   whether the exact (path-free) data side runs
     * @param groups  the groups of the sampled solve
     * @param species K after merging
     * @param coarser K' of the coarser quadrature's march, 0 when there is none
     */
    static TheoryMemory plan(Experiment experiment, TheorySettings settings, boolean exact, int groups, int species,
                             int coarser, long heapBytes) {
        UpdateSchedule schedule = experiment.schedule();
        double t = schedule.steps();
        double series = schedule.temperature() > 0 ? 2 : 1;
        long n = exact ? 0 : ceiling(settings.paths(), groups);
        double window = Math.min(PathDataSide.RESPONSE_WINDOW, t);
        long responses = exact ? 0 : Math.min(n, Math.max(1, ceiling(settings.responsePaths(), groups)));
        // the response paths' triangles, stored only for lags beyond the ring
        double far = t > window ? responses : 0;
        // the histories in their precision, as a number of doubles
        double history = settings.precision().bytes() / (double) Double.BYTES;
        double responseShare = history * far * (t * (t + 1) / 2 + t);
        double data = exact ? 2 * (t + 1) * (t + 1) + 6 * (t + 1)
                : n + history * (n * (t + 2) + n * t + n * window * (window + 1)) + responseShare;
        double parameter = species * ((t + 1) * (2 + series * t / 2) + (2.0 * schedule.memory() + 3) * (2 + series * t));
        double kernels = KERNELS * (t + 2) * (t + 2);
        InputPart largest = kernels >= Math.max(data, parameter) ? InputPart.STEPS
                : parameter >= data ? InputPart.THEORY_SPECIES
                : responseShare >= data / 2 ? InputPart.THEORY_RESPONSE_PATHS : InputPart.THEORY_PATHS;
        double longest = Math.max(species * (2 + series * t), exact ? 0
                : Math.max(Math.max(n * (t + 2), n * window * window), far * t * (t + 1) / 2));
        int atOnce = exact ? 1 : Math.min(settings.threads(), groups);
        double dataOperations = exact ? 2 * t * t * t : n * t * t + far * t * t * t / 6;
        double march = dataOperations + species * t * t * t;
        double coarserMarch = coarser == 0 ? 0 : dataOperations + coarser * t * t * t;
        double seconds = NANOS_PER_OPERATION * 1e-9
                * (march * Math.ceil(groups / (double) atOnce) + coarserMarch / atOnce);
        return new TheoryMemory(groups, atOnce, n, responses, schedule.steps(), species, bytes(data),
                bytes(parameter), bytes(kernels), schedule.bytes(), (long) Math.min(Long.MAX_VALUE, longest), largest,
                heapBytes, seconds);
    }

    /** What the groups alive at once hold at the peak, with what they share. */
    public long peakBytes() {
        return Estimates.plus(Estimates.times(groupsAtOnce, Estimates.plus(Estimates.plus(dataBytes, parameterBytes),
                kernelBytes)), sharedBytes);
    }

    /** Whether the solve fits in the heap's budget and every array in the JVM's limit; one that does not is refused. */
    public boolean fits() {
        return peakBytes() <= Estimates.budget(heapBytes) && longestArray <= Estimates.MAX_ARRAY_LENGTH;
    }

    /** Whether the solve needs 1 GiB or more. */
    public boolean large() {
        return peakBytes() >= Estimates.LARGE_BYTES;
    }

    /** Whether the solve is expected to take a minute or more. */
    public boolean slow() {
        return seconds >= Estimates.LONG_SECONDS;
    }

    /**
     * One line, for example {@code 8 groups of 7500 paths (500 with responses), 2 at a time, T = 200, 1 species:
     * 1.20 GiB in the 8.00 GiB heap; about 4 s}.
     */
    public String summary() {
        String shape = paths == 0 ? "the exact solve" : groups + " groups of " + paths + " paths (" + responsePaths
                + " with responses), " + groupsAtOnce + " at a time";
        return shape + ", T = " + steps + ", " + species + " species: " + Estimates.size(peakBytes()) + " in the "
                + Estimates.size(heapBytes) + " heap; about " + Estimates.duration(seconds);
    }

    /**
     * Why a solve that does not {@link #fits() fit} is refused and what would help, naming the inputs with the given
     * words, for example {@code need("steps", "theory.paths", "theory.response-paths", "theory.species", "--threads",
     * "-Xmx in DMFTLAB_JAVA_OPTS")}.
     */
    public String need(String stepsName, String pathsName, String responsePathsName, String speciesName,
                       String threadsName, String heapName) {
        String parts = "data side " + Estimates.size(dataBytes) + ", parameter side " + Estimates.size(parameterBytes)
                + ", kernels " + Estimates.size(kernelBytes);
        String lower = "lower " + stepsName + (paths == 0 ? "" : ", " + pathsName + ", " + responsePathsName)
                + ", " + speciesName + (groupsAtOnce > 1 ? " or " + threadsName : "");
        if (longestArray > Estimates.MAX_ARRAY_LENGTH) {
            return "one of its arrays would hold " + longestArray + " numbers, more than Java allows ("
                    + Estimates.MAX_ARRAY_LENGTH + "), at T = " + steps + (paths == 0 ? "" : " with " + paths
                    + " paths per group") + " (" + parts + " per group); " + lower;
        }
        return "the solve needs about " + Estimates.size(peakBytes()) + " (" + groupsAtOnce + " group"
                + (groupsAtOnce > 1 ? "s" : "") + " at a time, each: " + parts + ") and the heap of "
                + Estimates.size(heapBytes) + " leaves " + Estimates.size(Math.max(0, Estimates.budget(heapBytes)))
                + "; " + lower + ", or raise " + heapName;
    }

    private static long ceiling(long total, int parts) {
        return (total + parts - 1) / parts;
    }

    private static long bytes(double doubles) {
        return (long) Math.min(Long.MAX_VALUE, doubles * Double.BYTES);
    }
}
