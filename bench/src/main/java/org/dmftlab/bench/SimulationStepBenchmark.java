package org.dmftlab.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.registry.PluginRegistry;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.simulation.SimulationStepper;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step of the finite-size simulation (SPEC §2): square-loss gradient descent (b = 1) at d = 2000,
 * n = 4000, through {@link SimulationStepper}, with X in single or double precision. A step is everything the
 * engine does per update: one pass over X (r = x·w per row, then ℓ′ x accumulated into fixed row-block buffers
 * while the rows are in cache), the block sum, the update and all observables of SPEC §3 (including the training
 * loss and the test-loss quadrature). The warm-up iterations give the background compilation time to switch to
 * the vector kernels. Compare with {@code bench/numpy_matvec.py} ({@code X@w} plus {@code X.T@g}) and with the
 * memory bandwidth ({@link ReadBandwidthBenchmark}); see {@code docs/performance.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class SimulationStepBenchmark {

    private static final int DIMENSION = 2000;
    /** Enough updates for every warm-up and measurement invocation (a step takes milliseconds). */
    private static final int STEPS = 50_000;

    /** Worker threads of the row-block pass. */
    @Param({"1", "2"})
    public int threads;

    /** How X is stored. */
    @Param({"SINGLE", "DOUBLE"})
    public Precision precision;

    private SimulationStepper stepper;

    @Setup(Level.Trial)
    public void open() {
        PluginRegistry registry = PluginRegistry.discover();
        Problem problem = new Problem(2.0, 0.5, create(registry, PluginFamily.TEACHER, "linear"),
                create(registry, PluginFamily.LOSS, "square"), create(registry, PluginFamily.COVARIANCE, "identity"),
                0.2, 1.0);
        Experiment experiment = new Experiment(problem, create(registry, PluginFamily.OPTIMIZER, "sgd"), STEPS);
        stepper = SimulationStepper.open(experiment, new SimulationSettings(DIMENSION, 1, 1, threads, precision));
    }

    private static <P> P create(PluginRegistry registry, PluginFamily<? extends PluginProvider<P>> family, String id) {
        PluginProvider<P> provider = registry.find(family, id).provider();
        return provider.create(PluginConfig.of(id, provider.parameters(), Map.of(), registry.context(Path.of("."),
                STEPS)));
    }

    @Benchmark
    public void step() {
        stepper.step();
    }

    @TearDown(Level.Trial)
    public void close() {
        stepper.close();
    }
}
