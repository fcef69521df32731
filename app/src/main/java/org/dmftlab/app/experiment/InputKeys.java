package org.dmftlab.app.experiment;

import java.util.List;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * Where each {@link InputPart} of core is written in dmftlab's input, in one place: its experiment-file key, or
 * for the plugins folder the command-line option. Core refuses input in its own terms
 * ({@link RefusedInputException}); {@link #keyed} turns a refusal into the {@link InvalidInputException} a person
 * reads, e.g. {@code [theory/nonlinear-rule] optimizer.id = sign-sgd: …}.
 */
public final class InputKeys {

    private InputKeys() {
    }

    /** The key of a part: {@code optimizer}, {@code problem.loss}, …, {@code --plugins}. */
    public static String of(InputPart part) {
        return switch (part) {
            case UPDATE_RULE -> "optimizer";
            case LOSS -> "problem.loss";
            case COVARIANCE -> "problem.covariance";
            case THEORY_MODE -> "theory.mode";
            case STEPS -> "steps";
            case THEORY_PATHS -> "theory.paths";
            case THEORY_RESPONSE_PATHS -> "theory.response-paths";
            case THEORY_SPECIES -> "theory.species";
            case THEORY_GROUPS -> "theory.groups";
            case SIMULATION_DIMENSION -> "simulation.dimension";
            case PLUGINS_FOLDER -> "--plugins";
        };
    }

    /**
     * The refusal with its key: a plugin block refused as a whole (no value) is named by the plugin's id,
     * {@code <block>.id = <id>}; anything else by its key and the offending value.
     *
     * @param plugins the plugins the experiment chose; empty when the refusal is not about an experiment
     */
    public static InvalidInputException keyed(RefusedInputException refused, List<PluginChoice> plugins) {
        String key = of(refused.part());
        if (refused.value() == null) {
            for (PluginChoice choice : plugins) {
                if (choice.key().equals(key)) {
                    return new InvalidInputException(refused.errorCode(), key + ".id", choice.descriptor().id(),
                            refused.detail());
                }
            }
        }
        return new InvalidInputException(refused.errorCode(), key, refused.value(), refused.detail());
    }
}
