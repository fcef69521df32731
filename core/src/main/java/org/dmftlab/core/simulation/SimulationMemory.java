package org.dmftlab.core.simulation;

import java.util.Locale;
import org.dmftlab.core.dynamics.Estimates;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Precision;

/**
 * The heap a simulation needs and how many of its seeds run at once (docs/performance.md, "Memory"). A seed in
 * flight holds its data matrix X (n d entries in the chosen precision) and O(n + d) besides: the labels, its
 * iterates and gradients (with two-time functions also the iterates of the grid steps, at most 202 d), and one
 * gradient buffer of d per row block of {@link SeedRun#BLOCK_ROWS} rows (n d / 256 doubles: 0.8 % of X in single
 * precision, 0.4 % in double). The seeds in flight are never more than fit in the heap's budget, and a simulation
 * of which not even one seed {@link #fits()} is refused before it starts. Every seed keeps its trajectory until all
 * are averaged (2 (T+1) values per observable, and 4 per pair of the two-time grid), which counts as shared, like
 * the population and the update's schedule. The rough time is {@value #NANOS_PER_ENTRY} ns per entry of X and step
 * on one thread (docs/performance.md: one step reads X once).
 *
 * @param rows          n
 * @param dimension     d
 * @param precision     the precision of X
 * @param matrixBytes   X of one seed
 * @param seedBytes     everything one seed in flight holds, X included
 * @param sharedBytes   what all seeds share: the population (Σ for a dense covariance) and its drawing scratch
 * @param heapBytes     the heap (the JVM's -Xmx)
 * @param seeds         the seeds of the run
 * @param threads       the worker threads of the run
 * @param seedsInFlight seeds simulated at once: min(seeds, threads, the seeds that fit in the budget); 0 when not
 *                      even one fits
 * @param seconds       a rough wall time of the run
 */
public record SimulationMemory(long rows, int dimension, Precision precision, long matrixBytes, long seedBytes,
                               long sharedBytes, long heapBytes, int seeds, int threads, int seedsInFlight,
                               double seconds) {

    /** Per row block: its task, scratch arrays and two random streams (an upper bound). */
    private static final long BLOCK_OVERHEAD_BYTES = 512;
    /** Per seed, besides its trajectory: its task and its random stream (an upper bound). */
    private static final long SEED_OVERHEAD_BYTES = 256;
    /** Rough time per entry of X and step, on one thread. */
    private static final double NANOS_PER_ENTRY = 0.5;

    /** The memory of a simulation in a heap of {@code heapBytes} (for a dimension the engine accepts). */
    static SimulationMemory plan(Experiment experiment, SimulationSettings settings, long heapBytes) {
        int d = settings.dimension();
        long n = experiment.problem().samples(d);
        int blocks = SeedRun.blocks(n);
        int memory = experiment.schedule().memory();
        long matrix = DataMatrix.bytes(settings.precision(), (int) n, d);
        long vectors = (2L * memory + 8) * Double.BYTES * d;
        long trajectory = 2L * (experiment.steps() + 1) * Observable.values().length * Double.BYTES
                + experiment.twoTimeGrid().map(grid -> 4L * grid.pairs() * Double.BYTES).orElse(0L);
        long gridIterates = experiment.twoTimeGrid().map(grid -> (long) grid.size() * d * Double.BYTES).orElse(0L);
        long seed = matrix + Double.BYTES * n + blocks * (Double.BYTES * (d + 1L) + DataMatrix.ARRAY_HEADER_BYTES
                + BLOCK_OVERHEAD_BYTES) + vectors + gridIterates + trajectory;
        long shared = Estimates.plus(Estimates.plus(Population.bytes(experiment.problem().covariance(), d,
                settings.threads(), SeedRun.BLOCK_ROWS), experiment.schedule().bytes()),
                Estimates.times(settings.seeds(), trajectory + SEED_OVERHEAD_BYTES));
        long fitting = Math.max(0, Estimates.budget(heapBytes) - shared) / seed;
        int inFlight = (int) Math.min(wanted(settings.seeds(), settings.threads()), fitting);
        double seconds = NANOS_PER_ENTRY * 1e-9 * n * d * experiment.steps() * settings.seeds()
                / Math.max(1, inFlight);
        return new SimulationMemory(n, d, settings.precision(), matrix, seed, shared, heapBytes, settings.seeds(),
                settings.threads(), inFlight, seconds);
    }

    /** Whether at least one seed fits in the heap's budget; a simulation that does not is refused. */
    public boolean fits() {
        return seedsInFlight >= 1;
    }

    /** The part of the heap the simulation may fill: the heap less a reserve for the JVM and the rest of dmftlab. */
    public long budgetBytes() {
        return Estimates.budget(heapBytes);
    }

    /** What the run holds at its peak: the seeds in flight and what they share. */
    public long inFlightBytes() {
        return seedsInFlight * seedBytes + sharedBytes;
    }

    /** Seeds the run would simulate at once with memory to spare: one per thread. */
    private static int wanted(int seeds, int threads) {
        return Math.min(seeds, threads);
    }

    /** Whether the seeds the run would simulate at once ({@code min(seeds, threads)}) need 1 GiB or more. */
    public boolean large() {
        return wanted(seeds, threads) * seedBytes >= Estimates.LARGE_BYTES;
    }

    /** Whether the run is expected to take a minute or more. */
    public boolean slow() {
        return seconds >= Estimates.LONG_SECONDS;
    }

    /**
     * One line: X's shape and size, the memory per seed, how many seeds run at once and the heap, for example
     * {@code X is 40000 × 20000 in single precision, 2.98 GiB; 3.00 GiB per seed, 2 of 2 seeds at a time in the
     * 8.00 GiB heap}.
     */
    public String summary() {
        return "X is " + rows + " × " + dimension + " in " + name(precision) + " precision, " + size(matrixBytes)
                + "; " + size(seedBytes) + " per seed, " + seedsInFlight + " of " + seeds + " seeds at a time in the "
                + size(heapBytes) + " heap; about " + Estimates.duration(seconds);
    }

    /**
     * Why a simulation that does not {@link #fits() fit} is refused, with what would help, naming the inputs with
     * the given words: for example {@code need("steps", "simulation.seeds", "simulation.precision: single",
     * "simulation.dimension", "-Xmx in DMFTLAB_JAVA_OPTS")} gives {@code one seed needs 572.95 MiB (X is 15000 × 5000
     * in double precision, 572.20 MiB) and the heap of 300.00 MiB leaves 217.25 MiB for it; simulation.seeds = 10
     * would run one at a time, but not even one fits. Lower simulation.dimension, set simulation.precision: single
     * (half the memory), or raise -Xmx in DMFTLAB_JAVA_OPTS}. When the trajectories the seeds keep are what does not
     * fit, it says so and names the steps and the seeds.
     *
     * @param stepsName     the number of steps
     * @param seedsName     the number of seeds
     * @param singleName    the choice of single precision
     * @param dimensionName the dimension
     * @param heapName      the heap's setting
     */
    public String need(String stepsName, String seedsName, String singleName, String dimensionName,
                       String heapName) {
        long budget = Estimates.budget(heapBytes);
        if (sharedBytes >= budget) {
            return "the " + seeds + " seeds keep their trajectories until they are averaged, which with what they share"
                    + " needs " + size(sharedBytes) + ", and the heap of " + size(heapBytes) + " leaves " + size(budget)
                    + " in all; lower " + seedsName + " or " + stepsName + ", or raise " + heapName;
        }
        String remedy = precision == Precision.DOUBLE ? "set " + singleName + " (half the memory), " : "";
        String lower = seedBytes - matrixBytes > matrixBytes ? stepsName + " (each seed keeps its trajectory), "
                + dimensionName + ", " : dimensionName + ", " + remedy;
        return "one seed needs " + size(seedBytes) + " (X is " + rows + " × " + dimension + " in " + name(precision)
                + " precision, " + size(matrixBytes) + ") and the heap of " + size(heapBytes) + " leaves "
                + size(Math.max(0, budget - sharedBytes)) + " for it; " + seedsName + " = " + seeds
                + " would run one at a time, but not even one fits. Lower " + lower + "or raise " + heapName;
    }

    private static String name(Precision precision) {
        return precision.name().toLowerCase(Locale.ROOT);
    }

    private static String size(long bytes) {
        return Estimates.size(bytes);
    }
}
