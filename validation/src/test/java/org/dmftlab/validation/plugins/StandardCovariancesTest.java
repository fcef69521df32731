package org.dmftlab.validation.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/** The documented shapes of the standard covariances (SPEC §1) beyond the generic contract. */
class StandardCovariancesTest {

    @Test
    void twoLevelHasAFractionOfHighEigenvaluesUsedAsGiven() {
        Covariance twoLevel = Plugins.covariance("two-level", Map.of("low", 1, "high", 5, "fraction", 0.25));
        double[] sigma = twoLevel.eigenvalues(8);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 5, 5}, sigma);
        // Not rescaled: mean (1 − f) low + f high = 2.
        assertEquals(2, Arrays.stream(sigma).average().orElseThrow(), 1e-15);
        assertTrue(twoLevel.denseOperator().isEmpty());
    }

    @Test
    void twoLevelRejectsLowAboveHigh() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> Plugins.covariance("two-level", Map.of("low", 3, "high", 2)));
        assertEquals("config/invalid-combination", error.code());
        assertTrue(error.getMessage().contains("low = 3") && error.getMessage().contains("'two-level'"),
                error.getMessage());
    }

    @Test
    void powerLawQuantileIsOnePlusAToThePowerA() {
        Covariance powerLaw = Plugins.covariance("power-law", Map.of("exponent", 2));
        assertEquals(3, powerLaw.eigenvalueQuantile(1), 1e-15);
        assertEquals(3 * 0.25, powerLaw.eigenvalueQuantile(0.5), 1e-15);
    }

    @Test
    void ar1IsTheToeplitzMatrixWithItsSymbolQuantile() {
        Covariance.DenseOperator dense =
                Plugins.covariance("ar1", Map.of("correlation", -0.5)).denseOperator().orElseThrow();
        assertEquals(1, dense.entry(10, 3, 3));
        assertEquals(-0.125, dense.entry(10, 2, 5), 1e-15);
        assertEquals(0.0625, dense.entry(10, 9, 5), 1e-15);
        // Symbol range [(1 − |ρ|)/(1 + |ρ|), (1 + |ρ|)/(1 − |ρ|)] at both signs.
        for (double rho : new double[] {-0.5, 0.5}) {
            Covariance ar1 = Plugins.covariance("ar1", Map.of("correlation", rho));
            assertEquals(1.0 / 3, ar1.eigenvalueQuantile(Double.MIN_VALUE), 1e-12);
            assertEquals(3, ar1.eigenvalueQuantile(1), 1e-12);
        }
    }
}
