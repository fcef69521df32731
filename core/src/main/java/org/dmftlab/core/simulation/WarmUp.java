package org.dmftlab.core.simulation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.random.Streams;
import org.dmftlab.core.spi.Covariance;

/**
 * Compiles the simulation's hot code in a background thread, once per JVM and precision: first the drawing of the
 * data (the generator's normals stored in that precision, the labels' dot products), then the vector kernels
 * ({@link RowKernels#compileAndSwitch}). Code that has not been compiled runs in the interpreter, many times
 * slower (the Vector API some hundred times); started while a program reads its input, this work is off the
 * critical path of its first simulation. Results never depend on it.
 */
final class WarmUp {

    /** Rows drawn at a time, columns, and how often: past the JIT's thresholds for an optimised compilation. */
    private static final int ROWS = 4;
    private static final int COLUMNS = 16;
    private static final int DRAWS = 20_000;

    /** The precisions whose warm-up has started. */
    private static final Set<Precision> STARTED = EnumSet.noneOf(Precision.class);
    /** A population with Σ = I, the simulation's default. */
    private static final Population POPULATION = Population.of((Covariance) u -> 1.0, COLUMNS);

    private WarmUp() {
    }

    /** Starts the warm-up of a precision, unless it has started before. */
    static synchronized void start(Precision precision) {
        if (STARTED.add(precision)) {
            Thread thread = new Thread(() -> run(precision),
                    "dmftlab-" + precision.name().toLowerCase(Locale.ROOT) + "-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run(Precision precision) {
        RandomGenerator random = Streams.root(0).split();
        DataMatrix x = DataMatrix.allocate(precision, ROWS, COLUMNS);
        double[] v = new double[COLUMNS];
        for (int draw = 0; draw < DRAWS; draw++) {
            x.draw(POPULATION, random, 0, ROWS);
            v[draw % COLUMNS] = x.dot(draw % ROWS, v) * 1e-3;
        }
        RowKernels.compileAndSwitch(precision);
    }
}
