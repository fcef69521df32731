package org.dmftlab.covariance;

import java.util.List;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;

/**
 * {@code two-level}: a fraction f of the eigenvalues equals {@code high}, the rest {@code low} (SPEC §1; two
 * species in SPEC §4). Quantile σ(u) = low for u ≤ 1 − f, high for u &gt; 1 − f; isotropic teacher.
 *
 * <p>The eigenvalues are used as given, not rescaled: the mean eigenvalue is (1 − f)·low + f·high. The defaults
 * (low 0.5, high 2, f 1/3) have mean 1 like the other standard covariances.
 */
public final class TwoLevelCovarianceProvider implements CovarianceProvider {

    static final String LOW = "low";
    static final String HIGH = "high";
    static final String FRACTION = "fraction";

    @Override
    public String id() {
        return "two-level";
    }

    @Override
    public String description() {
        return "two eigenvalues: a fraction f equal to high, the rest to low (mean (1-f) low + f high, not rescaled)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real(LOW, 0.5, Range.nonNegative(), "the smaller eigenvalue, at most high"),
                Parameter.real(HIGH, 2.0, Range.nonNegative(), "the larger eigenvalue, at least low"),
                Parameter.real(FRACTION, 1.0 / 3, Range.open(0, 1), "the fraction f of eigenvalues equal to high"));
    }

    @Override
    public Covariance create(PluginConfig config) {
        double low = config.real(LOW);
        double high = config.real(HIGH);
        if (low > high) {
            throw config.invalid(LOW, "low must be at most high = " + high + " (σ(u) is non-decreasing)");
        }
        double threshold = 1 - config.real(FRACTION);
        return u -> u <= threshold ? low : high;
    }
}
