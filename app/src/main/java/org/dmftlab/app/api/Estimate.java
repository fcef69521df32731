package org.dmftlab.app.api;

import java.io.PrintWriter;
import java.util.List;

/**
 * What a run will need and what it warns of, known before it starts ({@link Experiment#estimate}): the command
 * line's pre-flight. A run that does not fit in the heap, or that an engine refuses, gets none: {@code estimate}
 * throws the error the run would. A script looping over a grid sizes its parallelism from it, as
 * {@code dmftlab sweep} does: {@code heapBudgetBytes() / peakBytes()} runs fit at once.
 *
 * @param warnings        the warnings shown before the run and recorded in its {@code run.json}: a replay's, and a
 *                        step size outside the full-batch stability region of SPEC §6
 * @param notes           one line per engine whose run is large (1 GiB or more) or long (a minute or more), e.g.
 *                        {@code estimate: simulation: X is 40000 × 20000 in single precision, …; about 12 min}
 * @param peakBytes       the heap the run needs at its peak (its engines run one after the other)
 * @param heapBudgetBytes the part of the heap a run may fill
 * @since 0.1.0
 */
public record Estimate(List<String> warnings, List<String> notes, long peakBytes, long heapBudgetBytes) {

    /** Copies the lists. */
    public Estimate {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /**
     * Prints the warnings and notes as {@code dmftlab run} does before it runs: {@code dmftlab: warning: …} per
     * warning, then {@code dmftlab: …} per note.
     *
     * @param out where they go (the command line's standard error)
     */
    public void print(PrintWriter out) {
        warnings.forEach(warning -> out.println("dmftlab: warning: " + warning));
        notes.forEach(note -> out.println("dmftlab: " + note));
        out.flush();
    }
}
