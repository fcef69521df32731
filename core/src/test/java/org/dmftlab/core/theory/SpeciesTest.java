package org.dmftlab.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Quadrature;
import org.junit.jupiter.api.Test;

class SpeciesTest {

    @Test
    void stepSpectrumIsExactWhateverTheNumberOfNodes() {
        Covariance twoLevel = u -> u <= 2.0 / 3 ? 0.5 : 2.0;

        Species species = Species.of(twoLevel, 64);

        assertArrayEquals(new double[] {0.5, 2.0}, species.sigma());
        assertArrayEquals(new double[] {1.0 / 3 * 2, 1.0 / 3}, species.weight(), 1e-15);
        assertEquals(1.0, species.rho(), 1e-15);
    }

    @Test
    void continuousSpectrumUsesGaussLegendreInTheSquareRootOfTheQuantile() {
        Covariance powerLaw = u -> 2 * u;

        Species species = Species.of(powerLaw, 8);

        assertEquals(8, species.size());
        assertFalse(species.exact());
        Quadrature rule = Quadrature.uniform(8);
        double mean = 0;
        double cube = 0;
        for (int k = 0; k < 8; k++) {
            double v = rule.node(k);
            assertEquals(2 * v * v, species.sigma()[k], 1e-15);
            assertEquals(2 * v * rule.weight(k), species.weight()[k], 1e-15);
            mean += species.weight()[k] * species.sigma()[k];
            cube += species.weight()[k] * Math.pow(species.sigma()[k], 3);
        }
        // ∫ (2u)^j du = 2^j / (j + 1): σ^j is a polynomial of degree 2j + 1 in v, exact up to j = 7.
        assertEquals(1, mean, 1e-14);
        assertEquals(2, cube, 1e-14);
    }

    @Test
    void coarserRuleHasHalfTheNodesAndExactSpectraHaveNone() {
        Covariance powerLaw = u -> 2 * u;

        assertEquals(4, Species.coarser(powerLaw, Species.of(powerLaw, 9)).orElseThrow().size());
        assertTrue(Species.coarser(powerLaw, Species.of(powerLaw, 1)).isEmpty());
        assertTrue(Species.coarser(u -> 1.0, Species.of(u -> 1.0, 64)).isEmpty());
        assertTrue(Species.of(u -> 1.0, 64).exact());
    }

    @Test
    void isotropicSpectrumIsOneSpecies() {
        Species species = Species.of(u -> 1.0, 64);

        assertEquals(1, species.size());
        assertEquals(1.0, species.weight()[0]);
    }
}
