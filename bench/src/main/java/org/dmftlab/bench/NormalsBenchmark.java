package org.dmftlab.bench;

import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.concurrent.TimeUnit;
import org.dmftlab.core.random.Normals;
import org.dmftlab.core.random.Streams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generator's rate on one thread, in nanoseconds per number: L128X128MixRandom ({@code Streams}, the stream of
 * every seed and row block) giving 64-bit words, standard normals by the JDK's ziggurat ({@code nextGaussian}, one
 * word per normal most of the time) and by {@link Normals} (two normals per word), and normals scaled and stored as
 * floats, which is how the simulation fills X in single precision.
 * The simulation draws its row blocks in parallel, so its rate is about threads times this one. See
 * {@code docs/performance.md}, "Simulation end to end".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(NormalsBenchmark.COUNT)
public class NormalsBenchmark {

    static final int COUNT = 1 << 16;

    private SplittableGenerator random;
    private final float[] row = new float[COUNT];
    private final double[] normals = new double[COUNT];

    @Setup
    public void open() {
        random = Streams.root(1).split();
    }

    @Benchmark
    public long words() {
        long sum = 0;
        for (int i = 0; i < COUNT; i++) {
            sum += random.nextLong();
        }
        return sum;
    }

    @Benchmark
    public double normals() {
        double sum = 0;
        for (int i = 0; i < COUNT; i++) {
            sum += random.nextGaussian();
        }
        return sum;
    }

    @Benchmark
    public double[] twoPerWord() {
        Normals.fill(random, normals, 0, COUNT);
        return normals;
    }

    @Benchmark
    public float[] scaledFloats() {
        double scale = 1 / Math.sqrt(2000);
        Normals.fill(random, normals, 0, COUNT);
        for (int i = 0; i < COUNT; i++) {
            row[i] = (float) (scale * normals[i]);
        }
        return row;
    }
}
