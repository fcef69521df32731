package org.dmftlab.app.experiment;

import java.util.List;

/**
 * An earlier run to repeat ({@code dmftlab run --replay DIR/run.json}): its validated configuration, which runs the
 * engines recorded there, and the warnings about plugins whose version changed since.
 *
 * @param plan     the resolved configuration of the earlier run; {@link ExperimentPlan#declared()} are its engines
 * @param warnings one line per plugin whose {@code module@version} differs from the recorded one
 */
public record Replay(ExperimentPlan plan, List<String> warnings) {

    public Replay {
        warnings = List.copyOf(warnings);
    }
}
