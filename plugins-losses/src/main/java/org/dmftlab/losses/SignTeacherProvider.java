package org.dmftlab.losses;

import java.util.List;
import java.util.random.RandomGenerator;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Quadrature;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.TeacherProvider;

/**
 * {@code sign}: y = ε sign(h0) with ε = −1 (a flip) with probability p (SPEC §1); test error
 * P(sign(x·w) ≠ y) = p + (1 − 2p) arccos(M/√(ρQ))/π (SPEC §3).
 */
public final class SignTeacherProvider implements TeacherProvider {

    static final String FLIP = "flip";

    @Override
    public String id() {
        return "sign";
    }

    @Override
    public String description() {
        return "sign teacher y = sign(x.w*), flipped with probability flip; test error P(sign(x.w) != y)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real(FLIP, 0.0, Range.closedOpen(0, 0.5), "probability p of a flipped label"));
    }

    @Override
    public Teacher create(PluginConfig config) {
        double flip = config.real(FLIP);
        return new SignTeacher(flip,
                flip == 0 ? Quadrature.pointMass(1) : Quadrature.of(new double[] {-1, 1}, new double[] {flip, 1 - flip}));
    }

    /** y = ε sign(h0), ε = ±1. */
    private record SignTeacher(double flip, Quadrature noiseLaw) implements Teacher {

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public double drawNoise(RandomGenerator random) {
            return random.nextDouble() < flip ? -1 : 1;
        }

        @Override
        public double label(double h0, double noise) {
            return noise * (h0 >= 0 ? 1 : -1);
        }

        @Override
        public double testError(double rho, double m, double q) {
            double cosine = Math.max(-1, Math.min(1, m / Math.sqrt(rho * q)));
            return flip + (1 - 2 * flip) * Math.acos(cosine) / Math.PI;
        }
    }
}
