package org.dmftlab.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Range}: open and closed ends, infinite ends, non-finite values, and the text shown to people. */
class RangeTest {

    @Test
    void endsAreOpenOrClosedAsDeclared() {
        Range openClosed = Range.openClosed(0, 1);
        assertFalse(openClosed.contains(0));
        assertTrue(openClosed.contains(Double.MIN_VALUE));
        assertTrue(openClosed.contains(1));
        assertFalse(openClosed.contains(Math.nextUp(1.0)));

        Range closedOpen = Range.closedOpen(0, 0.5);
        assertTrue(closedOpen.contains(0));
        assertFalse(closedOpen.contains(0.5));
        assertTrue(Range.closed(-1, 1).contains(-1) && Range.closed(-1, 1).contains(1));
        assertFalse(Range.open(-1, 1).contains(-1) || Range.open(-1, 1).contains(1));
        assertTrue(Range.nonNegative().contains(0));
        assertFalse(Range.positive().contains(0));
        assertTrue(Range.positive().contains(1e300));
    }

    @Test
    void nonFiniteValuesAreNeverContained() {
        for (Range range : new Range[] {Range.anyReal(), Range.atLeast(0), Range.closed(-5, 5)}) {
            assertFalse(range.contains(Double.NaN), range.toString());
            assertFalse(range.contains(Double.POSITIVE_INFINITY), range.toString());
            assertFalse(range.contains(Double.NEGATIVE_INFINITY), range.toString());
        }
        assertTrue(Range.anyReal().contains(-Double.MAX_VALUE));
    }

    @Test
    void textShowsEndsAndInfinities() {
        assertEquals("any real", Range.anyReal().toString());
        assertEquals("> 0", Range.positive().toString());
        assertEquals(">= 0", Range.nonNegative().toString());
        assertEquals("< 2", new Range(Double.NEGATIVE_INFINITY, false, 2, false).toString());
        assertEquals("<= 2", new Range(Double.NEGATIVE_INFINITY, false, 2, true).toString());
        assertEquals("(0, 1]", Range.openClosed(0, 1).toString());
        assertEquals("[0, 0.5)", Range.closedOpen(0, 0.5).toString());
        assertEquals("(-1, 1)", Range.open(-1, 1).toString());
        assertEquals("[0.25, 2.5]", Range.closed(0.25, 2.5).toString());
    }

    @Test
    void emptyOrNaNRangesAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> Range.closed(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Range.closed(Double.NaN, 1));
    }
}
