package org.dmftlab.app.launcher.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** The condition's decision, for every answer {@code sinfo} can give and every value of the variable. */
class SlurmAvailableTest {

    @Test
    void anIdleOrPartlyUsedNodeIsUsable() {
        assertEquals(Optional.empty(), SlurmAvailable.unusable("idle\n"));
        assertEquals(Optional.empty(), SlurmAvailable.unusable("down*\nmix\n"));
    }

    @Test
    void aNodeThatIsFullDownOrNotRespondingIsNot() {
        assertEquals(Optional.of("no idle node; sinfo says alloc, down*, idle*, drain"),
                SlurmAvailable.unusable("alloc\ndown*\nidle*\ndrain\n"));
        assertEquals(Optional.of("sinfo lists no node"), SlurmAvailable.unusable(""));
    }

    @Test
    void runsWhereSlurmAnswersWhateverTheVariable() {
        for (String required : new String[] {null, "", "0", "1"}) {
            assertFalse(SlurmAvailable.decide(Optional.empty(), required).isDisabled(), () -> "required=" + required);
        }
    }

    @Test
    void skipsWithHowToStartItWhereSlurmIsAbsentAndNotRequired() {
        for (String required : new String[] {null, "", "0"}) {
            ConditionEvaluationResult result = SlurmAvailable.decide(Optional.of("sinfo: not found"), required);
            assertTrue(result.isDisabled(), () -> "required=" + required);
            assertEquals(Optional.of("no Slurm here (sinfo: not found): start it with scripts/slurm-single-node.sh start"),
                    result.getReason());
        }
    }

    @Test
    void failsWhereSlurmIsAbsentButRequired() {
        for (String required : new String[] {"1", "yes"}) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> SlurmAvailable.decide(Optional.of("sinfo: not found"), required));
            assertEquals("DMFTLAB_SLURM_REQUIRED=" + required
                    + " but no Slurm here (sinfo: not found): start it with scripts/slurm-single-node.sh start",
                    failure.getMessage());
        }
    }
}
