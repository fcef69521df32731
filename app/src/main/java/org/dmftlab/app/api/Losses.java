package org.dmftlab.app.api;

import java.util.Objects;
import org.dmftlab.core.spi.Loss;

/**
 * Losses of SPEC §1 written inline, from lambdas: {@code Losses.smooth(ℓ, ℓ′, ℓ″)} for
 * {@link org.dmftlab.app.api.ExperimentBuilder#loss(String, Loss)}.
 *
 * <pre>{@code
 * Loss pseudoHuber = Losses.smooth(
 *         (y, r) -> Math.sqrt(1 + (r - y) * (r - y)) - 1,
 *         (y, r) -> (r - y) / Math.sqrt(1 + (r - y) * (r - y)),
 *         (y, r) -> Math.pow(1 + (r - y) * (r - y), -1.5));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Losses {

    /**
     * A function of the label y and the preactivation r = x·w.
     *
     * @since 0.1.0
     */
    @FunctionalInterface
    public interface Function {

        /** Its value at (y, r). */
        double at(double y, double r);
    }

    private Losses() {
    }

    /**
     * A loss whose first derivative ℓ′ is continuous in r, so that ℓ″ carries the pathwise response of SPEC §4.2
     * and the theory accepts it ({@link Loss#curvatureCarriesResponse()} is true). The functions must be immutable,
     * allocation-free and stable for |r| up to 1e4 (the engines call them in their hot loops).
     *
     * @param value            ℓ(y, r)
     * @param firstDerivative  ℓ′(y, r) = ∂ℓ/∂r
     * @param secondDerivative ℓ″(y, r) = ∂²ℓ/∂r²
     */
    public static Loss smooth(Function value, Function firstDerivative, Function secondDerivative) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(firstDerivative, "firstDerivative");
        Objects.requireNonNull(secondDerivative, "secondDerivative");
        return new Loss() {
            @Override
            public double value(double y, double r) {
                return value.at(y, r);
            }

            @Override
            public double firstDerivative(double y, double r) {
                return firstDerivative.at(y, r);
            }

            @Override
            public double secondDerivative(double y, double r) {
                return secondDerivative.at(y, r);
            }

            @Override
            public boolean curvatureCarriesResponse() {
                return true;
            }
        };
    }
}
