package org.dmftlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link BatchSelection}: s = 1/b with probability b (SPEC §2), and which random numbers a draw consumes. */
class BatchSelectionTest {

    @Test
    void fullBatchSelectsEverySampleWithoutDrawing() {
        SplittableRandom random = new SplittableRandom(3);
        BatchSelection full = new BatchSelection(1);
        for (int i = 0; i < 10; i++) {
            assertTrue(full.draw(random));
        }
        assertEquals(new SplittableRandom(3).nextLong(), random.nextLong(), "the stream was not touched");
        assertEquals(1, full.weight());
        assertEquals(-0.7, full.weigh(-0.7));
    }

    @Test
    void aPartialBatchSelectsWithProbabilityBAndWeighsByOneOverB() {
        BatchSelection selection = new BatchSelection(0.3);
        SplittableRandom random = new SplittableRandom(5);
        SplittableRandom twin = new SplittableRandom(5);
        int draws = 200_000;
        int selected = 0;
        for (int i = 0; i < draws; i++) {
            boolean drawn = selection.draw(random);
            assertEquals(twin.nextDouble() < 0.3, drawn, "one uniform per draw, selected below b");
            selected += drawn ? 1 : 0;
        }
        // binomial standard deviation √(n b (1 − b)) ≈ 205; five of them
        assertEquals(0.3 * draws, selected, 5 * Math.sqrt(draws * 0.3 * 0.7));
        assertEquals(1 / 0.3, selection.weight());
        assertEquals(2 / 0.3, selection.weigh(2));
        assertEquals(1, selection.weight() * 0.3, 1e-15, "E[s] = b · 1/b = 1");
    }
}
