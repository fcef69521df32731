package org.dmftlab.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's read bandwidth, STREAM-like: one pass summing an array of {@code megabytes} MiB of doubles per
 * thread with 256-bit vector loads (four independent vector sums, so the loop waits on memory, not on additions).
 * Bandwidth = threads × megabytes / time per pass; run with {@code -t 1} and {@code -t 2}. 32 MiB is about the
 * size of the simulation's X at d = 2000 in single precision (it partly fits the last-level cache), 512 MiB is far
 * beyond every cache. See {@code docs/performance.md}, "Simulation end to end".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "--add-modules", "jdk.incubator.vector"})
public class ReadBandwidthBenchmark {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;

    /** MiB read per thread and pass. */
    @Param({"32", "512"})
    public int megabytes;

    private double[] data;

    @Setup
    public void fill() {
        data = new double[megabytes * (1 << 20) / Double.BYTES];
        java.util.Arrays.fill(data, 1.0);
    }

    @Benchmark
    public double sum() {
        DoubleVector s0 = DoubleVector.zero(LANES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int step = 4 * LANES.length();
        for (int i = 0; i < data.length; i += step) {
            s0 = s0.add(DoubleVector.fromArray(LANES, data, i));
            s1 = s1.add(DoubleVector.fromArray(LANES, data, i + LANES.length()));
            s2 = s2.add(DoubleVector.fromArray(LANES, data, i + 2 * LANES.length()));
            s3 = s3.add(DoubleVector.fromArray(LANES, data, i + 3 * LANES.length()));
        }
        return s0.add(s1).add(s2).add(s3).lane(0);
    }
}
