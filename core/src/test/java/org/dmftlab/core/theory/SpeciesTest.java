package org.dmftlab.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dmftlab.core.spi.Covariance;
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
    void continuousSpectrumUsesMidpointNodes() {
        Covariance powerLaw = u -> 2 * u;

        Species species = Species.of(powerLaw, 8);

        assertEquals(8, species.size());
        for (int k = 0; k < 8; k++) {
            assertEquals(2 * (k + 0.5) / 8, species.sigma()[k], 1e-15);
            assertEquals(1.0 / 8, species.weight()[k], 1e-15);
        }
    }

    @Test
    void isotropicSpectrumIsOneSpecies() {
        Species species = Species.of(u -> 1.0, 64);

        assertEquals(1, species.size());
        assertEquals(1.0, species.weight()[0]);
    }
}
