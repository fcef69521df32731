package org.dmftlab.validation.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.simulation.SimulationEngine;
import org.dmftlab.core.simulation.SimulationSettings;
import org.dmftlab.core.theory.TheoryEngine;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6: a rule outside the linear family (here {@code sign-sgd}) runs in the simulation, where its gradient
 * map really changes the trajectory, and the theory refuses it with a stable code instead of numbers.
 */
class NonlinearRuleTest {

    private static Experiment experiment(String optimizer) {
        Problem problem = new Problem(2, 0.1, Plugins.create(PluginFamily.TEACHER, "linear", Map.of()),
                Plugins.create(PluginFamily.LOSS, "square", Map.of()),
                Plugins.create(PluginFamily.COVARIANCE, "identity", Map.of()), 0.2, 1);
        return new Experiment(problem, Plugins.create(PluginFamily.OPTIMIZER, optimizer,
                Map.of("learning-rate", 0.05)), 5);
    }

    @Test
    void simulationRunsTheSignOfTheGradient() {
        SimulationSettings settings = new SimulationSettings(400, 2, 3, 1);
        Trajectory sign = new SimulationEngine().run(experiment("sign-sgd"), settings, Progress.NONE);
        Trajectory plain = new SimulationEngine().run(experiment("sgd"), settings, Progress.NONE);

        // Every coordinate moves by exactly η per step, so |w¹ − w⁰|²/d = η² and q changes by O(η) at once.
        double signStep = Math.abs(sign.value(Observable.NORM, 1) - sign.value(Observable.NORM, 0));
        double plainStep = Math.abs(plain.value(Observable.NORM, 1) - plain.value(Observable.NORM, 0));
        assertTrue(Math.abs(signStep - plainStep) > 1e-3, "sign-sgd " + signStep + " vs sgd " + plainStep);
        assertTrue(sign.value(Observable.OVERLAP, 5) > sign.value(Observable.OVERLAP, 0), "it still learns");
    }

    @Test
    void theoryRefusesIt() {
        RefusedInputException refusal = assertThrows(RefusedInputException.class, () -> new TheoryEngine()
                .run(experiment("sign-sgd"), new TheorySettings(100, 1, 1, 100, TheorySettings.Mode.AUTO, 1),
                        Progress.NONE));

        assertEquals("theory/nonlinear-rule", refusal.code());
        assertEquals(2, refusal.exitCode());
        assertTrue(refusal.getMessage().contains("--engine simulation"), refusal.getMessage());
    }
}
