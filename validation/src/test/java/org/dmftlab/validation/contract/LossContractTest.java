package org.dmftlab.validation.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Loss} contract (SPEC §1, §4.2) for every discovered loss, at its defaults and at parameter variants:
 * ℓ′ and ℓ″ are the derivatives of ℓ in r (checked against central finite differences of ℓ on a grid of labels
 * and preactivations), and ℓ, ℓ′, ℓ″ stay finite at r = ±1e4.
 */
class LossContractTest {

    /** Labels ±1 (classification) and a few reals (regression). */
    private static final double[] LABELS = {-1, 1, -2.3, 0.37, 1.71};
    /** Preactivations; |y − r| stays at least 0.01 away from the default Huber kink (δ = 1) and its variant. */
    private static final double[] PREACTIVATIONS = {-3.31, -1.27, -0.53, 0.13, 0.62, 1.09, 2.45, 4.1};
    /** Step of the central differences: truncation O(h²) and rounding O(ε/h²) both stay near 1e-7 here. */
    private static final double STEP = 1e-4;
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> losses() {
        return Contracts.providers(PluginFamily.LOSS).flatMap(named -> {
            LossProvider provider = named.getPayload().provider();
            return Contracts.variants(provider).stream()
                    .map(values -> Arguments.of(Named.of(named.getName() + " " + values, provider), values));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void derivativesMatchCentralDifferencesOfTheLoss(LossProvider provider, Map<String, Object> values) {
        Loss loss = Contracts.create(provider, values);
        for (double y : LABELS) {
            for (double r : PREACTIVATIONS) {
                double below = loss.value(y, r - STEP);
                double at = loss.value(y, r);
                double above = loss.value(y, r + STEP);
                double slope = (above - below) / (2 * STEP);
                double curvature = (above - 2 * at + below) / (STEP * STEP);
                String where = " at y = " + y + ", r = " + r;
                double first = loss.firstDerivative(y, r);
                double second = loss.secondDerivative(y, r);
                assertEquals(slope, first, TOLERANCE * (1 + Math.abs(slope)), "ℓ′" + where);
                assertEquals(curvature, second, 10 * TOLERANCE * (1 + Math.abs(curvature)), "ℓ″" + where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void staysFiniteForLargePreactivations(LossProvider provider, Map<String, Object> values) {
        Loss loss = Contracts.create(provider, values);
        for (double y : LABELS) {
            for (double r : new double[] {-1e4, 1e4}) {
                String where = " at y = " + y + ", r = " + r;
                assertTrue(Double.isFinite(loss.value(y, r)), "ℓ" + where);
                assertTrue(Double.isFinite(loss.firstDerivative(y, r)), "ℓ′" + where);
                assertTrue(Double.isFinite(loss.secondDerivative(y, r)), "ℓ″" + where);
            }
        }
    }
}
