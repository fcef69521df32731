package org.dmftlab.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Precision;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.random.CountedStream;
import org.dmftlab.core.random.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pre-flight plan ({@link TheoryMemory#plan}) against what a group of the sampled solve really allocates: one
 * march's {@link ParameterSide}, its {@link ParameterAggregates}, {@link PathDataSide} and {@link DataKernels} are
 * built as {@link ForwardMarch} builds them, and every array they reach is measured. The plan must not miss a
 * part (it once left out every path's ring of recent responses, as large as the rest of the data side at T = 200),
 * nor count one twice.
 */
class TheoryMemoryAccountingTest {

    /** Arrays' contents only: headers and the objects holding them are the plan's slack, not its formula. */
    private static final double TOLERANCE = 0.02;

    @ParameterizedTest(name = "T = {0}, {1} paths ({2} with G), K = {3}, momentum {4}, temperature {5}, {6}")
    @CsvSource({
        "20, 400, 40, 1, 0, 0, DOUBLE",       // T ≤ W: the ring holds every lag, no response triangles
        "120, 800, 80, 16, 0.5, 0, DOUBLE",   // heavy ball, many species
        "90, 600, 60, 4, 0, 0.01, DOUBLE",    // Langevin noise: two series per step on the parameter side
        "20, 400, 40, 1, 0, 0, SINGLE",       // the histories in float
        "120, 800, 400, 2, 0, 0, SINGLE",     // the response triangles in float the largest part
    })
    void thePlanCountsWhatAGroupAllocates(int steps, int paths, int responsePaths, int species, double momentum,
                                          double temperature, Precision precision) {
        Problem problem = new Problem(2, 0.1, TestLaws.NOISY_LINEAR, TestLaws.LOG_COSH, u -> 1, 0.2, 1);
        Experiment experiment = new Experiment(problem, TestLaws.sgd(0.5, momentum, temperature), steps);
        Species quadrature = species(species);
        ParameterSide parameters = new ParameterSide(quadrature, experiment.schedule(), 0.1, 0.2, 1);
        PathDataSide data = new PathDataSide(parameters.aggregates(), problem.loss(), problem.teacher(), 2,
                experiment.schedule(), paths, responsePaths, precision, new CountedStream(Streams.root(1)));

        long allocated = arrayBytes(parameters, data);
        TheoryMemory plan = TheoryMemory.plan(experiment,
                new TheorySettings(paths, 1, species, responsePaths, TheorySettings.Mode.MONTE_CARLO, 1, 1, precision),
                false, 1,
                species, 0, 1L << 40);
        long planned = plan.dataBytes() + plan.parameterBytes() + plan.kernelBytes();

        assertEquals(1, planned / (double) allocated, TOLERANCE,
                "planned " + planned + " bytes against " + allocated + " allocated: " + plan.summary());
        assertTrue(plan.longestArray() >= longestArray(parameters, data), "the longest array is not underestimated");
    }

    private static long arrayBytes(Object... roots) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        long bytes = 0;
        for (Object root : roots) {
            bytes += walk(root, seen, false);
        }
        return bytes;
    }

    private static long longestArray(Object... roots) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        long longest = 0;
        for (Object root : roots) {
            longest = Math.max(longest, walk(root, seen, true));
        }
        return longest;
    }

    /**
     * The bytes of the primitive arrays reachable from {@code object} through the theory package's own objects and
     * arrays (each counted once), or, when {@code longest}, the most entries of one of them.
     */
    private static long walk(Object object, Map<Object, Boolean> seen, boolean longest) {
        if (object == null || seen.put(object, Boolean.TRUE) != null) {
            return 0;
        }
        Class<?> type = object.getClass();
        if (type.isArray()) {
            int length = Array.getLength(object);
            if (type.getComponentType().isPrimitive()) {
                return longest ? length : (long) length * elementBytes(type.getComponentType());
            }
            long total = 0;
            for (int i = 0; i < length; i++) {
                long part = walk(Array.get(object, i), seen, longest);
                total = longest ? Math.max(total, part) : total + part;
            }
            return total;
        }
        if (type.getPackage() != TheoryMemoryAccountingTest.class.getPackage()) {
            return 0;
        }
        long total = 0;
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                continue;
            }
            try {
                field.setAccessible(true);
                long part = walk(field.get(object), seen, longest);
                total = longest ? Math.max(total, part) : total + part;
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return total;
    }

    private static int elementBytes(Class<?> primitive) {
        return primitive == double.class || primitive == long.class ? Long.BYTES
                : primitive == float.class || primitive == int.class ? Integer.BYTES
                : primitive == char.class || primitive == short.class ? Short.BYTES : Byte.BYTES;
    }

    private static Species species(int count) {
        double[] sigma = new double[count];
        double[] tau = new double[count];
        double[] weight = new double[count];
        for (int k = 0; k < count; k++) {
            sigma[k] = 0.5 + k;
            tau[k] = 1;
            weight[k] = 1.0 / count;
        }
        return new Species(sigma, tau, weight, false);
    }
}
