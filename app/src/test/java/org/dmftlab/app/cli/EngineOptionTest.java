package org.dmftlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.dmftlab.app.cli.RunCommand.EngineOption;
import org.dmftlab.app.experiment.Engine;
import org.junit.jupiter.api.Test;

/** Which engines {@code dmftlab run} runs, from {@code --engine} and the blocks the file has. */
class EngineOptionTest {

    private static final Set<Engine> BOTH = Set.of(Engine.THEORY, Engine.SIMULATION);

    @Test
    void withoutTheOptionTheFileDecides() {
        assertEquals(BOTH, EngineOption.engines(null, BOTH));
        assertEquals(Set.of(Engine.THEORY), EngineOption.engines(null, Set.of(Engine.THEORY)));
        assertEquals(Set.of(Engine.SIMULATION), EngineOption.engines(null, Set.of(Engine.SIMULATION)));
        assertEquals(BOTH, EngineOption.engines(null, Set.of()), "neither block: both, with defaults");
    }

    @Test
    void theOptionWinsOverTheFile() {
        assertEquals(Set.of(Engine.SIMULATION), EngineOption.engines(EngineOption.SIMULATION, Set.of(Engine.THEORY)));
        assertEquals(Set.of(Engine.THEORY), EngineOption.engines(EngineOption.THEORY, BOTH));
        assertEquals(BOTH, EngineOption.engines(EngineOption.BOTH, Set.of(Engine.SIMULATION)));
    }
}
