package org.dmftlab.core.problem;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The steps at which the two-time functions of SPEC §3.1 are recorded, the same in both engines: every step
 * 0…T when T ≤ {@value #FULL_STEPS}, else every k-th step with k = ⌈T / {@value #FULL_STEPS}⌉, and T. A pair is
 * two grid points i ≥ j (t = step(i) ≥ s = step(j)); there are size (size + 1)/2 of them, at most about
 * 20 500, so the table and the simulation's stored iterates (one d-vector per grid point) stay small at any T.
 *
 * @since 0.1.0
 */
public final class TwoTimeGrid {

    /** The longest run whose every step is on the grid. */
    public static final int FULL_STEPS = 200;

    private final int[] steps;
    /** position[t] = the grid index of step t, or −1. */
    private final int[] position;

    private TwoTimeGrid(int[] steps, int horizon) {
        this.steps = steps;
        position = new int[horizon + 1];
        Arrays.fill(position, -1);
        for (int i = 0; i < steps.length; i++) {
            position[steps[i]] = i;
        }
    }

    /** The grid of a run of T = {@code horizon} ≥ 0 updates. */
    public static TwoTimeGrid of(int horizon) {
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0");
        }
        int stride = stride(horizon);
        int[] steps = IntStream.concat(
                IntStream.iterate(0, t -> t <= horizon, t -> t + stride),
                IntStream.of(horizon)).distinct().toArray();
        return new TwoTimeGrid(steps, horizon);
    }

    /** k: 1 for T ≤ {@value #FULL_STEPS}, else ⌈T / {@value #FULL_STEPS}⌉. */
    public static int stride(int horizon) {
        return Math.max(1, (horizon + FULL_STEPS - 1) / FULL_STEPS);
    }

    /** The number of grid points. */
    public int size() {
        return steps.length;
    }

    /** The step of grid point i, increasing in i. */
    public int step(int i) {
        return steps[i];
    }

    /** The grid index of step t (0 ≤ t ≤ T), or −1 when t is not on the grid. */
    public int indexOf(int t) {
        return position[t];
    }

    /** The number of pairs i ≥ j. */
    public int pairs() {
        return size() * (size() + 1) / 2;
    }

    /** The index of pair (i, j), i ≥ j, among {@link #pairs()}: rows i in order, j = 0…i within a row. */
    public static int pair(int i, int j) {
        if (j > i || j < 0) {
            throw new IllegalArgumentException("a pair needs 0 <= j <= i, got i = " + i + ", j = " + j);
        }
        return i * (i + 1) / 2 + j;
    }
}
