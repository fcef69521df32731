package org.dmftlab.covariance;

import java.util.List;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;

/**
 * {@code spectrum-file}: a measured or designed spectrum read from a CSV file (SPEC §1, §4). The file has a
 * header line naming its columns: {@code eigenvalue} (required, each ≥ 0) and {@code teacher-power}
 * (optional, each ≥ 0, default 1); other columns are ignored, blank lines are skipped. Example:
 * <pre>
 *   eigenvalue,teacher-power
 *   0.25,2
 *   1.75,0
 * </pre>
 * σ(u) is the empirical quantile of the rows (a step function, see {@link EmpiricalSpectrum}), so a problem
 * whose dimension equals the number of rows has exactly the file's eigenvalues. Teacher powers stay attached to
 * their eigenvalue and are rescaled to mean 1, so that |w*|² = d.
 *
 * <p>The eigenvalues are used as given, not rescaled: the mean eigenvalue is the mean of the file's column
 * (1 for the standard covariances). Every problem with the file (missing, unreadable, no {@code eigenvalue}
 * column, a bad or negative number, no rows) is an {@link org.dmftlab.core.spi.InvalidInputException} naming
 * the file, the line and the value.
 */
public final class SpectrumFileCovarianceProvider implements CovarianceProvider {

    static final String PATH = "path";

    @Override
    public String id() {
        return "spectrum-file";
    }

    @Override
    public String description() {
        return "empirical spectrum from a CSV file with columns eigenvalue[,teacher-power] (eigenvalues used as given)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.requiredPath(PATH,
                "CSV file with a header and a column 'eigenvalue' (and optionally 'teacher-power'), one row per eigenvalue"));
    }

    @Override
    public Covariance create(PluginConfig config) {
        return EmpiricalSpectrum.read(config.path(PATH), PATH);
    }
}
