package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftlab.core.dynamics.Experiment;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.StepCoefficients;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.ConstantRule;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6: what the theory cannot answer it refuses with a stable code (exit 2), never with numbers; a rule outside
 * SPEC §2.1 is refused before any engine runs.
 */
class RefusalTest {

    /** The exact hinge max(0, 1 − yr): ℓ′ jumps at yr = 1. */
    private static final Loss HINGE = new Loss() {
        @Override
        public double value(double y, double r) {
            return Math.max(0, 1 - y * r);
        }

        @Override
        public double firstDerivative(double y, double r) {
            return y * r < 1 ? -y : 0;
        }

        @Override
        public double secondDerivative(double y, double r) {
            return 0;
        }

        @Override
        public boolean curvatureCarriesResponse() {
            return false;
        }
    };

    @Test
    void lossWithoutPathwiseResponseIsRefused() {
        Problem problem = new Problem(2, 0.1, Plugins.signTeacher(0), HINGE, Plugins.identity(), 0.2, 1);
        RefusedInputException error = assertThrows(RefusedInputException.class,
                () -> Experiments.theory(problem, Plugins.sgd(0.1, 1), 5, Experiments.monteCarlo(100, 1, 1)));
        assertEquals("theory/unsupported-loss", error.code());
        assertEquals(2, error.exitCode());
        assertTrue(error.getMessage().contains("smooth-hinge"), error.getMessage());
    }

    @Test
    void exactModeIsRefusedWhereTheDataSideIsNotLinear() {
        Problem logistic = new Problem(2, 0.1, Plugins.signTeacher(0), Plugins.loss("logistic"), Plugins.identity(),
                0.2, 1);
        Problem square = Experiments.squareProblem(2, 0.1, 0.2, 1);
        TheorySettings exact = Experiments.exact();
        RefusedInputException curvature = assertThrows(RefusedInputException.class,
                () -> Experiments.theory(logistic, Plugins.sgd(0.1, 1), 5, exact));
        RefusedInputException batch = assertThrows(RefusedInputException.class,
                () -> Experiments.theory(square, Plugins.sgd(0.1, 0.5), 5, exact));
        assertEquals("theory/exact-unavailable", curvature.code());
        assertEquals("theory/exact-unavailable", batch.code());
        assertTrue(batch.getMessage().contains("0.5"), batch.getMessage());
    }

    @Test
    void ruleOutsideTheLinearMemoryFormIsRefusedWhenTheExperimentIsBuilt() {
        UpdateRule notFinite = new ConstantRule(StepCoefficients.momentum(Double.NaN, 0.5, 0), 1, 0);
        RefusedInputException error = assertThrows(RefusedInputException.class,
                () -> new Experiment(Experiments.squareProblem(2, 0.1, 0.2, 1), notFinite, 3));
        assertEquals("optimizer/invalid-rule", error.code());
        assertEquals(InputPart.UPDATE_RULE, error.part());
        assertTrue(error.getMessage().contains("step 0 has a non-finite coefficient"), error.getMessage());
    }
}
