package org.dmftlab.app.api;

import java.util.EnumSet;
import java.util.Set;
import org.dmftlab.app.experiment.Engine;

/**
 * Which engines a run uses: the DMFT theory of SPEC §4, the finite-size simulation of SPEC §1–3, or both (then the
 * run also compares them). The command line's {@code --engine theory|simulation|both}.
 *
 * @since 0.1.0
 */
public enum EngineChoice {
    /** The theory alone ({@code theory.csv}). */
    THEORY,
    /** The simulation alone ({@code simulation.csv}). */
    SIMULATION,
    /** Both, theory first ({@code theory.csv}, {@code simulation.csv} and {@code comparison.csv}). */
    BOTH;

    /** The engines of this choice. */
    Set<Engine> engines() {
        return switch (this) {
            case THEORY -> EnumSet.of(Engine.THEORY);
            case SIMULATION -> EnumSet.of(Engine.SIMULATION);
            case BOTH -> EnumSet.allOf(Engine.class);
        };
    }

    /**
     * The engines an experiment runs when none is chosen: those whose block it has ({@code theory:},
     * {@code simulation:}), both when it has neither.
     */
    static EngineChoice declaredBy(Set<Engine> declared) {
        if (declared.size() == 1) {
            return declared.contains(Engine.THEORY) ? THEORY : SIMULATION;
        }
        return BOTH;
    }
}
