package org.dmftlab.core.spi;

import java.util.Arrays;

/**
 * A quadrature rule for a one-dimensional law: E f(X) ≈ Σ_i weights[i] f(nodes[i]). Weights sum to 1.
 * Used for the label-noise law of a {@link Teacher}, over which the test loss of SPEC §3 is integrated.
 *
 * @since 0.1.0
 */
public final class Quadrature {

    private final double[] nodes;
    private final double[] weights;

    private Quadrature(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * A discrete law with the given atoms and probabilities (copied; probabilities must sum to 1), e.g. the label
     * flips of a sign teacher (SPEC §1).
     */
    public static Quadrature of(double[] nodes, double[] weights) {
        if (nodes.length != weights.length || nodes.length == 0) {
            throw new IllegalArgumentException("need as many weights as nodes, at least one");
        }
        double total = Arrays.stream(weights).sum();
        if (Math.abs(total - 1) > 1e-12) {
            throw new IllegalArgumentException("weights sum to " + total + ", not 1");
        }
        return new Quadrature(nodes.clone(), weights.clone());
    }

    /** The point mass at x: a noiseless teacher (SPEC §1). */
    public static Quadrature pointMass(double x) {
        return new Quadrature(new double[] {x}, new double[] {1});
    }

    /**
     * Gauss–Hermite rule with n nodes for the standard normal law (exact for polynomials of degree up to 2n−1), e.g.
     * the noise of a linear teacher (SPEC §1) and the Gaussian integrals of SPEC §3. Nodes are found by Newton's
     * method on the orthonormal Hermite recurrence.
     */
    public static Quadrature standardNormal(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        double[] x = new double[n];
        double[] w = new double[n];
        // Physicists' Hermite H_n roots z with weights for e^{-z²}; then x = √2 z, weight / √π.
        int half = (n + 1) / 2;
        double z = 0;
        for (int i = 0; i < half; i++) {
            if (i == 0) {
                z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -1.0 / 6);
            } else if (i == 1) {
                z -= 1.14 * Math.pow(n, 0.426) / z;
            } else if (i == 2) {
                z = 1.86 * z - 0.86 * x[0];
            } else if (i == 3) {
                z = 1.91 * z - 0.91 * x[1];
            } else {
                z = 2.0 * z - x[i - 2];
            }
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p1 = Math.pow(Math.PI, -0.25);
                double p2 = 0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
                }
                derivative = Math.sqrt(2.0 * n) * p2;
                double step = p1 / derivative;
                z -= step;
                if (Math.abs(step) < 1e-15) {
                    break;
                }
            }
            x[i] = z;
            x[n - 1 - i] = -z;
            w[i] = 2.0 / (derivative * derivative);
            w[n - 1 - i] = w[i];
        }
        double[] nodes = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = Math.sqrt(2) * x[n - 1 - i];
            weights[i] = w[n - 1 - i] / Math.sqrt(Math.PI);
        }
        return new Quadrature(nodes, weights);
    }

    /**
     * Gauss–Legendre rule with n nodes for the uniform law on (0, 1) (exact for polynomials of degree up to
     * 2n−1); the test metrics of SPEC §3 integrate the teacher field with it.
     */
    public static Quadrature uniform(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        double[] nodes = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 1;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j - 1) * z * p2 - (j - 1.0) * p3) / j;
                }
                derivative = n * (z * p1 - p2) / (z * z - 1);
                double step = p1 / derivative;
                z -= step;
                if (Math.abs(step) < 1e-15) {
                    break;
                }
            }
            double weight = 1.0 / ((1 - z * z) * derivative * derivative);
            nodes[i] = (1 - z) / 2;
            nodes[n - 1 - i] = (1 + z) / 2;
            weights[i] = weight;
            weights[n - 1 - i] = weight;
        }
        return new Quadrature(nodes, weights);
    }

    /** Number of nodes (SPEC §3: the points E f(ε) is evaluated at). */
    public int size() {
        return nodes.length;
    }

    /** Node i (SPEC §3). */
    public double node(int i) {
        return nodes[i];
    }

    /** Weight i (SPEC §3). */
    public double weight(int i) {
        return weights[i];
    }
}
