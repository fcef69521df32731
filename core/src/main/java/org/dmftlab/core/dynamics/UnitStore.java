package org.dmftlab.core.dynamics;

import java.util.Optional;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.UnitState;

/**
 * Where an engine run keeps its finished units, so that a run that stops (a signal, {@code kill -9}, a node that
 * died) continues later from them, and so that units computed elsewhere are merged. A run is a list of independent
 * units (DESIGN.md, "Units of a run"): the theory's marches (its groups, then the coarser quadrature's march, SPEC
 * §4.4–4.5), the simulation's seeds (SPEC §1–3). Each unit is a pure function of the experiment, the settings and
 * its index; the run's result is a pure function of its units in index order ({@link ReplicaStatistics}). So a
 * unit loaded from a store gives the same bits as the unit computed again.
 *
 * <p>The engines call {@link #load} for every unit before computing anything, and {@link #save} from worker
 * threads as each unit they compute finishes; an implementation must be safe for concurrent calls.
 *
 * <p>A unit in progress can be kept too, between two of its steps: as it starts, a unit offers its fresh state to
 * {@link #resume}, which may overwrite it with a state saved earlier, and after every step it offers its state to
 * {@link #stepDone}, which saves it when it is due (an interval elapsed, the process is stopping). A unit continued
 * from a saved state gives the same bits as one that never stopped ({@link UnitState}).
 */
public interface UnitStore {

    /** A store that keeps nothing: every unit is computed. */
    UnitStore NONE = new UnitStore() {
        @Override
        public Optional<Trajectory> load(int unit) {
            return Optional.empty();
        }

        @Override
        public void save(int unit, Trajectory trajectory) {
        }
    };

    /**
     * The finished unit, if the store holds it whole and of this run.
     *
     * @param unit the unit's index, 0 ≤ unit &lt; the engine's unit count
     */
    Optional<Trajectory> load(int unit);

    /**
     * Keeps a unit that has just finished (its values at t = 0…T with their two-time functions, errors NaN), before
     * the run goes on; when it returns, the unit survives the process.
     *
     * @param unit       the unit's index
     * @param trajectory the unit's trajectory, exactly as the engine combines it
     */
    void save(int unit, Trajectory trajectory);

    /**
     * Overwrites a unit's fresh state (its step 0) with the state saved when it last stopped, if the store holds one
     * whole and of this run; called once, as the unit starts. By default there is none.
     *
     * @param unit  the unit's index
     * @param state the unit's fresh state
     * @return whether the state was restored; when false, it is untouched
     */
    default boolean resume(int unit, UnitState state) {
        return false;
    }

    /**
     * A unit in progress has finished a step: saves its state when that is due, else returns at once (a clock read;
     * it is called after every step). By default nothing is saved.
     *
     * @param unit  the unit's index
     * @param state the unit's state, between two steps
     */
    default void stepDone(int unit, UnitState state) {
    }

    /**
     * The units in progress of a store, without its finished units: nothing is loaded or saved whole, states are
     * restored from and saved to {@code store}. For a unit computed alone whose caller saves it when it finishes.
     */
    static UnitStore inProgress(UnitStore store) {
        return new UnitStore() {
            @Override
            public Optional<Trajectory> load(int unit) {
                return Optional.empty();
            }

            @Override
            public void save(int unit, Trajectory trajectory) {
            }

            @Override
            public boolean resume(int unit, UnitState state) {
                return store.resume(unit, state);
            }

            @Override
            public void stepDone(int unit, UnitState state) {
                store.stepDone(unit, state);
            }
        };
    }
}
