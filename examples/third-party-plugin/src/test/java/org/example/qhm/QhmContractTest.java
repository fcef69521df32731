package org.example.qhm;

import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.testkit.OptimizerContract;

/**
 * dmftlab's optimizer contract for {@code qhm}: id, parameters and their validation, and finite coefficients of the
 * declared memory at the defaults and at a variant of every parameter.
 */
class QhmContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new QhmProvider();
    }
}
