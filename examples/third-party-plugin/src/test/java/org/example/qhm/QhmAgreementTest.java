package org.example.qhm;

import java.util.Map;
import org.dmftlab.testkit.Agreement;
import org.junit.jupiter.api.Test;

/**
 * dmftlab's theory and its simulation agree on {@code qhm} (square loss, linear teacher, identity covariance): the
 * proof that the two gradient lags of this plugin reach both engines.
 */
class QhmAgreementTest {

    @Test
    void theoryAgreesWithSimulationAtMiniBatches() {
        Agreement.forOptimizer(new QhmProvider(), Map.of("batch-fraction", 0.5, "momentum", 0.8)).assertAgrees();
    }
}
