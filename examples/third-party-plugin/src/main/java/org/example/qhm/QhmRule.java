package org.example.qhm;

import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;

/**
 * Quasi-hyperbolic momentum as a rule of the linear-memory form of SPEC §2.1 (memory p = 1).
 *
 * <p>QHM keeps an exponential average of the gradients ∇^t = ∇L_{s^t}(w^t) and steps along a mix of the average
 * and the fresh gradient:
 * <pre>
 *   g^t     = β g^{t−1} + (1 − β) ∇^t,     g^{−1} = 0
 *   w^{t+1} = w^t − η [(1 − ν) ∇^t + ν g^t]
 * </pre>
 * Eliminating g: write u^t = w^{t+1} − w^t = −η[(1 − ν)∇^t + ν g^t]. Then, for t ≥ 1,
 * <pre>
 *   u^t − β u^{t−1} = −η [(1 − ν)(∇^t − β∇^{t−1}) + ν (g^t − β g^{t−1})]
 *                   = −η [(1 − ν)(∇^t − β∇^{t−1}) + ν (1 − β) ∇^t]
 *                   = −η [(1 − νβ) ∇^t − β(1 − ν) ∇^{t−1}],
 * </pre>
 * that is w^{t+1} = (1 + β) w^t − β w^{t−1} − η(1 − νβ) ∇^t + ηβ(1 − ν) ∇^{t−1}:
 * <pre>
 *   a = (1 + β, −β),   b = (η(1 − νβ), −ηβ(1 − ν)),   c = (1, 0).
 * </pre>
 * At t = 0, g^{−1} = 0 gives w¹ = w⁰ − η(1 − νβ)∇⁰, so step 0 has b = (η(1 − νβ), 0); its a-term vanishes because
 * w^{−1} := w⁰. The Langevin noise √(2 T_L b_{t,0}) ζ^t of SPEC §2.1 therefore has the variance of a step
 * η(1 − νβ).
 *
 * @param learningRate  η &gt; 0
 * @param momentum      β in [0, 1)
 * @param nu            ν in [0, 1]
 * @param batchFraction b in (0, 1]
 * @param temperature   T_L ≥ 0
 */
record QhmRule(double learningRate, double momentum, double nu, double batchFraction, double temperature)
        implements UpdateRule {

    @Override
    public int memory() {
        return 1;
    }

    @Override
    public StepCoefficients coefficients(int t) {
        double beta = momentum;
        double lag = t == 0 ? 0 : -learningRate * beta * (1 - nu);
        return StepCoefficients.of(new double[] {1 + beta, -beta},
                new double[] {learningRate * (1 - nu * beta), lag}, new double[] {1, 0});
    }
}
