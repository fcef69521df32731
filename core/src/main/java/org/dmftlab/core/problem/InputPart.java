package org.dmftlab.core.problem;

/**
 * What an input error found by core is about, in core's own terms: a part of the experiment, a setting of an
 * engine, or the plugin set-up. A program that reads its input from somewhere (the command line reads experiment
 * files) names the place in its own terms; core never knows file keys.
 *
 * @since 0.1.0
 */
public enum InputPart {
    /** The optimizer's update rule (SPEC §2.1). */
    UPDATE_RULE("the update rule"),
    /** The loss (SPEC §1). */
    LOSS("the loss"),
    /** The data covariance and its teacher power (SPEC §1). */
    COVARIANCE("the covariance"),
    /** How the theory solves the data side ({@code TheorySettings.Mode}). */
    THEORY_MODE("the theory's mode"),
    /** The number of steps T of the experiment. */
    STEPS("the number of steps"),
    /** The theory's sample paths N. */
    THEORY_PATHS("the theory's paths"),
    /** The theory's paths that carry the responses. */
    THEORY_RESPONSE_PATHS("the theory's response paths"),
    /** The theory's independent groups G. */
    THEORY_GROUPS("the theory's groups"),
    /** The theory's most species K. */
    THEORY_SPECIES("the theory's species"),
    /** The simulation's dimension d. */
    SIMULATION_DIMENSION("the simulation's dimension"),
    /** The folder of plugin jars ({@code PluginRegistry.discover(Path)}). */
    PLUGINS_FOLDER("the plugins folder");

    private final String description;

    InputPart(String description) {
        this.description = description;
    }

    /** A short noun phrase for messages, e.g. {@code the update rule}. */
    public String description() {
        return description;
    }
}
