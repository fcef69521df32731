package org.dmftlab.validation.theory;

import org.dmftlab.core.spi.Quadrature;

/**
 * The Marchenko–Pastur law of XᵀX (SPEC §5.1) as a quadrature rule: density √((a₊−a)(a−a₋))/(2πa) on [a₋, a₊],
 * a± = (1 ± √α)², plus an atom 1 − α at 0 when α &lt; 1. The density is integrated in θ with
 * a = a₋ + (a₊ − a₋)(1 − cos θ)/2, which turns it into the smooth ((a₊−a₋)/2)² sin²θ / (2πa) on [0, π], with
 * Gauss–Legendre nodes: the error is far below 1e-12 for the smooth integrands of the tests.
 */
final class MarchenkoPastur {

    private static final int NODES = 400;

    /** Eigenvalues a_i. */
    final double[] nodes;
    /** Probabilities of the nodes (sum 1). */
    final double[] weights;

    MarchenkoPastur(double alpha) {
        int atom = alpha < 1 ? 1 : 0;
        nodes = new double[NODES + atom];
        weights = new double[NODES + atom];
        double lower = Math.pow(1 - Math.sqrt(alpha), 2);
        double upper = Math.pow(1 + Math.sqrt(alpha), 2);
        double halfWidth = (upper - lower) / 2;
        Quadrature rule = Quadrature.uniform(NODES);
        for (int i = 0; i < NODES; i++) {
            double theta = Math.PI * rule.node(i);
            double a = lower + halfWidth * (1 - Math.cos(theta));
            double sine = Math.sin(theta);
            nodes[i] = a;
            weights[i] = Math.PI * rule.weight(i) * halfWidth * halfWidth * sine * sine / (2 * Math.PI * a);
        }
        if (atom == 1) {
            nodes[NODES] = 0;
            weights[NODES] = 1 - alpha;
        }
    }
}
