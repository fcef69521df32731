package org.dmftlab.losses;

/**
 * Overflow-free softplus and logistic function, shared by the {@code logistic} and {@code smooth-hinge} losses.
 * Both stay finite and accurate for any finite argument (the losses are called with |r| up to 1e4 and more).
 */
final class Logistic {

    private Logistic() {
    }

    /** softplus(x) = log(1 + e^x), computed as x + log(1 + e^{−x}) for x &gt; 0. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** σ(x) = 1/(1 + e^{−x}) = softplus′(x), without overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** σ(x)(1 − σ(x)) = softplus″(x), computed from σ(|x|) so it does not cancel to 0 for large |x|. */
    static double sigmoidSlope(double x) {
        double large = sigmoid(Math.abs(x));
        return large * (1 - large);
    }
}
