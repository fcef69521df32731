package org.dmftlab.app.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmftlab.core.dynamics.Estimates;
import org.dmftlab.core.simulation.SimulationMemory;
import org.dmftlab.core.theory.TheoryMemory;

/**
 * What a run will need, known before it starts ({@link ExperimentRunner#preflight}): the memory and rough time of
 * each engine that runs. Only a run that fits gets one.
 *
 * @param theory     the theory's plan, when it runs
 * @param simulation the simulation's plan, when it runs
 */
public record Preflight(Optional<TheoryMemory> theory, Optional<SimulationMemory> simulation) {

    /** The heap the run needs at its peak (the engines run one after the other). */
    public long peakBytes() {
        return Math.max(theory.map(TheoryMemory::peakBytes).orElse(0L),
                simulation.map(SimulationMemory::inFlightBytes).orElse(0L));
    }

    /** The part of the heap a run may fill ({@link Estimates#budget}). */
    public long budgetBytes() {
        return Estimates.budget(theory.map(TheoryMemory::heapBytes)
                .or(() -> simulation.map(SimulationMemory::heapBytes)).orElse(Runtime.getRuntime().maxMemory()));
    }

    /**
     * One line per engine whose run is large (1 GiB or more) or long (a minute or more), worth reading before it
     * starts, for example {@code estimate: simulation: X is 40000 × 20000 in single precision, …; about 12 min}.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        theory.filter(plan -> plan.large() || plan.slow())
                .ifPresent(plan -> notes.add("estimate: theory: " + plan.summary()));
        simulation.filter(plan -> plan.large() || plan.slow())
                .ifPresent(plan -> notes.add("estimate: simulation: " + plan.summary()));
        return notes;
    }
}
