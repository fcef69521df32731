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
 * {@code linear}: y = h0 + √Δ ε with ε ~ N(0, 1) (SPEC §1); test error E(y − x·w)² = ρ − 2M + Q + Δ (SPEC §3).
 */
public final class LinearTeacherProvider implements TeacherProvider {

    static final String NOISE = "noise";

    @Override
    public String id() {
        return "linear";
    }

    @Override
    public String description() {
        return "linear teacher y = x.w* + sqrt(noise) eps, eps ~ N(0,1); test error E(y - x.w)^2";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real(NOISE, 0.0, Range.nonNegative(), "label noise variance Δ"));
    }

    @Override
    public Teacher create(PluginConfig config) {
        double noiseVariance = config.real(NOISE);
        return new LinearTeacher(noiseVariance,
                noiseVariance == 0 ? Quadrature.pointMass(0) : Quadrature.standardNormal(NOISE_NODES));
    }

    /** Gauss–Hermite nodes for ε; exact for the polynomial losses and accurate for smooth ones. */
    private static final int NOISE_NODES = 24;

    /** y = h0 + √Δ ε; the noise law is built once, since test metrics read it at every step. */
    private record LinearTeacher(double noiseVariance, Quadrature noiseLaw) implements Teacher {

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public double drawNoise(RandomGenerator random) {
            return random.nextGaussian();
        }

        @Override
        public double label(double h0, double noise) {
            return h0 + Math.sqrt(noiseVariance) * noise;
        }

        @Override
        public double testError(double rho, double m, double q) {
            return rho - 2 * m + q + noiseVariance;
        }
    }
}
