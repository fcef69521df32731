package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ShortNumbersTest {

    @Test
    void realsGetAtMostFourSignificantDigitsAndNoTrailingZeros() {
        assertEquals("0.3333", ShortNumbers.format(1.0 / 3));
        assertEquals("0.6667", ShortNumbers.format(2.0 / 3));
        assertEquals("1", ShortNumbers.format(1.0));
        assertEquals("0", ShortNumbers.format(0.0));
        assertEquals("0.1", ShortNumbers.format(0.1));
        assertEquals("-2.5", ShortNumbers.format(-2.5));
        assertEquals("1235", ShortNumbers.format(1234.5678));
        assertEquals("0.0001", ShortNumbers.format(1e-4));
    }

    @Test
    void veryLargeAndVerySmallMagnitudesUseAnExponent() {
        assertEquals("2.5e-7", ShortNumbers.format(2.5e-7));
        assertEquals("1.235e7", ShortNumbers.format(12_345_678.0));
        assertEquals("-1e-5", ShortNumbers.format(-1e-5));
        assertEquals("NaN", ShortNumbers.format(Double.NaN));
    }

    @Test
    void theLocaleDoesNotMatterAndOnlyRealsAreShortened() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.3333", ShortNumbers.format((Object) (1.0 / 3)));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("1234567", ShortNumbers.format((Object) 1_234_567));
        assertEquals("t/(t+3)", ShortNumbers.format((Object) "t/(t+3)"));
    }
}
