package org.dmftlab.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Quadrature}: Gauss–Hermite and Gauss–Legendre rules integrate the polynomials they promise exactly. */
class QuadratureTest {

    private static double moment(Quadrature rule, int power) {
        double sum = 0;
        for (int i = 0; i < rule.size(); i++) {
            sum += rule.weight(i) * Math.pow(rule.node(i), power);
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 20, 48})
    void standardNormalMomentsAreExact(int nodes) {
        Quadrature normal = Quadrature.standardNormal(nodes);
        assertEquals(nodes, normal.size());
        double doubleFactorial = 1;
        for (int k = 0; k <= 5; k++) {
            // E X^{2k} = (2k − 1)!! = 1, 1, 3, 15, 105, 945; odd moments vanish.
            assertEquals(doubleFactorial, moment(normal, 2 * k), 1e-12 * doubleFactorial, "E X^" + 2 * k);
            assertEquals(0, moment(normal, 2 * k + 1), 1e-12 * doubleFactorial, "E X^" + (2 * k + 1));
            doubleFactorial *= 2 * k + 1;
        }
        for (int i = 1; i < nodes; i++) {
            assertTrue(normal.node(i) > normal.node(i - 1), "nodes ascending");
        }
    }

    @Test
    void fewNodesAreExactOnlyUpToTheirDegree() {
        Quadrature three = Quadrature.standardNormal(3);
        assertEquals(3, moment(three, 4), 1e-12);
        // Degree 6 > 2·3 − 1: E X^6 = 15 exactly, but three nodes give 9.
        assertEquals(9, moment(three, 6), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 16, 48})
    void uniformIntegratesPolynomialsUpToDegreeTwoNMinusOne(int nodes) {
        Quadrature uniform = Quadrature.uniform(nodes);
        for (int power = 0; power <= 2 * nodes - 1; power++) {
            assertEquals(1.0 / (power + 1), moment(uniform, power), 1e-13, "∫ u^" + power);
        }
        for (int i = 0; i < nodes; i++) {
            assertTrue(uniform.node(i) > 0 && uniform.node(i) < 1, "node inside (0, 1)");
        }
    }

    @Test
    void discreteLawsMustBeProbabilities() {
        Quadrature coin = Quadrature.of(new double[] {-1, 1}, new double[] {0.25, 0.75});
        assertEquals(0.5, moment(coin, 1), 1e-15);
        assertEquals(3.0, moment(Quadrature.pointMass(3), 1));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.of(new double[] {0, 1}, new double[] {0.5, 0.6}));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.of(new double[] {0}, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.standardNormal(0));
    }
}
