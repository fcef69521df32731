package org.dmftlab.validation.bench;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.validation.Plugins;

/**
 * The problems of issue 10 (long horizons): logistic loss, noiseless sign teacher, α = 2, SGD with b = ½, the
 * default initialisation (overlap 0, variance 1).
 * <ul>
 *   <li>{@code identity}: Σ = I, λ = 0.1, η = 0.2;</li>
 *   <li>{@code power-law}: power-law spectrum with exponent 1 (σ uniform on [0, 2]), λ = 0.01, η = 0.3.</li>
 * </ul>
 */
public final class LongHorizonCases {

    private LongHorizonCases() {
    }

    /** The case by name, {@code identity} or {@code power-law}, run for T steps. */
    public static Experiment experiment(String name, int steps) {
        return switch (name) {
            case "identity" -> new Experiment(new Problem(2, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"),
                    Plugins.identity(), 0, 1), Plugins.sgd(0.2, 0.5), steps);
            case "power-law" -> new Experiment(new Problem(2, 0.01, Plugins.signTeacher(0),
                    Plugins.loss("logistic"), Plugins.covariance("power-law", Map.of("exponent", 1.0)), 0, 1),
                    Plugins.sgd(0.3, 0.5), steps);
            default -> throw new IllegalArgumentException("unknown case " + name + "; identity or power-law");
        };
    }
}
