package org.dmftlab.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pairs (t,s) of SPEC §3.1: every step up to T = 200, a stride beyond, always T. */
class TwoTimeGridTest {

    private static int[] steps(TwoTimeGrid grid) {
        return IntStream.range(0, grid.size()).map(grid::step).toArray();
    }

    @Test
    void everyStepUpToTwoHundred() {
        TwoTimeGrid grid = TwoTimeGrid.of(200);

        assertEquals(201, grid.size());
        assertEquals(201 * 202 / 2, grid.pairs());
        for (int t = 0; t <= 200; t++) {
            assertEquals(t, grid.indexOf(t));
        }
    }

    @Test
    void beyondTwoHundredEveryKthStepAndTheLast() {
        TwoTimeGrid grid = TwoTimeGrid.of(1001);

        assertEquals(6, TwoTimeGrid.stride(1001), "k = ceil(1001 / 200)");
        int[] steps = steps(grid);
        assertEquals(0, steps[0]);
        assertEquals(996, steps[steps.length - 2]);
        assertEquals(1001, steps[steps.length - 1], "T is always on the grid");
        assertEquals(168, grid.size());
        assertEquals(-1, grid.indexOf(1));
        assertEquals(2, grid.indexOf(12));
        assertEquals(201, TwoTimeGrid.of(400).size(), "T a multiple of the stride: no extra point");
    }

    @Test
    void pairsAreRowsOfTheLowerTriangle() {
        assertEquals(0, TwoTimeGrid.pair(0, 0));
        assertEquals(1, TwoTimeGrid.pair(1, 0));
        assertEquals(2, TwoTimeGrid.pair(1, 1));
        assertEquals(3, TwoTimeGrid.pair(2, 0));
        assertThrows(IllegalArgumentException.class, () -> TwoTimeGrid.pair(1, 2));
    }
}
