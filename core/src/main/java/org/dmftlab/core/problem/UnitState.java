package org.dmftlab.core.problem;

/**
 * The state of a unit in progress between two steps (DESIGN.md, "Units of a run"): a theory march (SPEC §4.4) or a
 * simulation seed (SPEC §1–3) that stopped there continues from it with the same bits as if it had not stopped.
 *
 * @since 0.1.0
 */
public interface UnitState {

    /** The next step the unit computes: the steps before it are done. */
    int nextStep();

    /**
     * Sends every field of the state through the channel, in a fixed order; reading, the state is then the one
     * that was written (the step included).
     */
    void exchange(StateChannel channel);
}
