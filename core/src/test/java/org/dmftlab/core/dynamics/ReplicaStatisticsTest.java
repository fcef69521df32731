package org.dmftlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.junit.jupiter.api.Test;

/** {@link ReplicaStatistics} and {@link Divergence}: mean ± standard error over replicas, and when a run diverged. */
class ReplicaStatisticsTest {

    /** A replica whose every observable at step t is {@code values[t]}. */
    private static Trajectory replica(double... values) {
        Trajectory trajectory = new Trajectory(values.length - 1);
        for (int t = 0; t < values.length; t++) {
            for (Observable observable : Observable.values()) {
                trajectory.set(observable, t, values[t] + observable.ordinal(), Double.NaN);
            }
        }
        return trajectory;
    }

    @Test
    void meanAndStandardErrorOfTheMean() {
        Trajectory combined = ReplicaStatistics.combine(List.of(replica(1, 2), replica(3, 2), replica(5, 2)));
        assertEquals(3, combined.value(Observable.OVERLAP, 0));
        assertEquals(9, combined.value(Observable.TEST_ERROR, 0));
        // sample variance 4 over 3 replicas: standard error √(4/3)
        assertEquals(Math.sqrt(4.0 / 3), combined.error(Observable.NORM, 0), 1e-15);
        assertEquals(0, combined.error(Observable.NORM, 1));
    }

    @Test
    void oneReplicaHasAnUnknownErrorAndAnExactResultErrorZero() {
        Trajectory single = ReplicaStatistics.combine(List.of(replica(0.5, 0.25)));
        assertEquals(0.25, single.value(Observable.OVERLAP, 1));
        assertTrue(Double.isNaN(single.error(Observable.OVERLAP, 1)));
        Trajectory exact = ReplicaStatistics.exact(replica(0.5, 0.25));
        assertEquals(1.25, exact.value(Observable.NORM, 1));
        assertEquals(0, exact.error(Observable.NORM, 1));
    }

    @Test
    void combiningIsAPureFunctionOfTheReplicasInOrder() {
        SplittableRandom random = new SplittableRandom(7);
        List<Trajectory> replicas = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            replicas.add(replica(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()));
        }
        Trajectory first = ReplicaStatistics.combine(replicas);
        Trajectory again = ReplicaStatistics.combine(List.copyOf(replicas));
        for (int t = 0; t <= 2; t++) {
            for (Observable observable : Observable.values()) {
                assertEquals(Double.doubleToRawLongBits(first.value(observable, t)),
                        Double.doubleToRawLongBits(again.value(observable, t)));
                assertEquals(Double.doubleToRawLongBits(first.error(observable, t)),
                        Double.doubleToRawLongBits(again.error(observable, t)));
            }
        }
    }

    @Test
    void aDivergedMeanEndsTheRunAtItsFirstStep() {
        Trajectory exploding = replica(0, 3e12, Double.NaN);
        RunFailedException error = assertThrows(RunFailedException.class,
                () -> ReplicaStatistics.combine(List.of(replica(0, 0, 0), exploding)));
        assertEquals("run/diverged", error.code());
        assertTrue(error.getMessage().contains("at step 1: m = 1.5E12"), error.getMessage());
        assertThrows(RunFailedException.class, () -> ReplicaStatistics.exact(exploding));
    }

    @Test
    void divergenceIsANonFiniteValueOrOneBeyondTheLimit() {
        assertTrue(Divergence.diverged(Double.NaN));
        assertTrue(Divergence.diverged(Double.NEGATIVE_INFINITY));
        assertTrue(Divergence.diverged(-Math.nextUp(Divergence.LIMIT)));
        assertEquals(false, Divergence.diverged(Divergence.LIMIT));
    }

    @Test
    void replicasMustHaveTheSameSteps() {
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaStatistics.combine(List.of(replica(1), replica(1, 2))));
        assertThrows(IllegalArgumentException.class, () -> ReplicaStatistics.combine(List.of()));
    }

    @Test
    void twoTimeFunctionsAreCombinedPairByPairAndExactOnesGetErrorZero() {
        List<Trajectory> replicas = new ArrayList<>();
        for (double value : new double[] {1, 3, 5}) {
            Trajectory replica = replica(1, 2);
            TwoTimeFunctions twoTime = replica.recordTwoTime(TwoTimeGrid.of(1));
            twoTime.set(TwoTimeFunctions.Function.CORRELATION, 1, 0, value, Double.NaN);
            twoTime.set(TwoTimeFunctions.Function.RESPONSE, 1, 0, 2 * value, Double.NaN);
            replicas.add(replica);
        }

        TwoTimeFunctions combined = ReplicaStatistics.combine(replicas).twoTime().orElseThrow();
        TwoTimeFunctions exact = ReplicaStatistics.exact(replicas.get(0)).twoTime().orElseThrow();

        assertEquals(3, combined.value(TwoTimeFunctions.Function.CORRELATION, 1, 0));
        assertEquals(Math.sqrt(4.0 / 3), combined.error(TwoTimeFunctions.Function.CORRELATION, 1, 0), 1e-15);
        assertEquals(6, combined.value(TwoTimeFunctions.Function.RESPONSE, 1, 0));
        assertTrue(Double.isNaN(combined.value(TwoTimeFunctions.Function.CORRELATION, 0, 0)), "not recorded");
        assertEquals(0, exact.error(TwoTimeFunctions.Function.RESPONSE, 1, 0));
        assertTrue(Double.isNaN(exact.error(TwoTimeFunctions.Function.RESPONSE, 1, 1)), "not recorded, no error");
        assertTrue(ReplicaStatistics.combine(List.of(replica(1, 2), replica(3, 2))).twoTime().isEmpty());
    }
}
