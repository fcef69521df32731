package org.dmftlab.optimizers;

import java.util.List;
import org.dmftlab.core.spi.GradientMap;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.UpdateRule;

/**
 * {@code sign-sgd}: w^{t+1} = w^t − η sign(∇L_{s^t}(w^t)), the sign taken coordinate by coordinate. The sign is
 * not linear in the gradient, so this rule is outside the family of SPEC §2.1: the simulation runs it and the
 * theory refuses it (SPEC §6).
 */
public final class SignSgdProvider implements OptimizerProvider {

    /** g_i ← sign(g_i), in place. */
    private static final GradientMap SIGN = gradient -> {
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = Math.signum(gradient[i]);
        }
    };

    @Override
    public String id() {
        return "sign-sgd";
    }

    @Override
    public String description() {
        return "sign-SGD w <- w - eta sign(grad L_s(w)) per coordinate; not linear, so simulation only (SPEC 6)";
    }

    @Override
    public List<Parameter> parameters() {
        return CommonParameters.common();
    }

    @Override
    public UpdateRule create(PluginConfig config) {
        return MomentumRule.of(config, t -> 0, t -> 0, SIGN);
    }
}
