package org.dmftlab.validation.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.testkit.ParameterValues;

/**
 * The parameter values the standard plugins are checked at: the testkit's automatic sets, a temporary spectrum
 * CSV for every required path (spectrum-file), and ar1 at two more correlations (negative, and weak) so its dense
 * operator is diagonalised on both sides of 0.
 */
final class Contracts {

    /**
     * The spectrum used for every required path: eigenvalues with mean exactly 1 and teacher powers with mean 1.5
     * (the plugin rescales them to 1).
     */
    static final String SPECTRUM_CSV = """
            eigenvalue,teacher-power
            2.0,1
            0.25,3
            1.25,0
            0.5,2
            """;

    private static Path spectrumFile;

    private Contracts() {
    }

    /** The parameter sets of a standard plugin. */
    static ParameterValues values(PluginProvider<?> provider) {
        ParameterValues values = ParameterValues.automatic(provider, requiredValues(provider));
        if (provider.id().equals("ar1")) {
            values = values.and(Map.of("correlation", -0.6)).and(Map.of("correlation", 0.2));
        }
        return values;
    }

    /** Values for the parameters that have no default (a path to {@link #SPECTRUM_CSV}); empty for most plugins. */
    private static Map<String, Object> requiredValues(PluginProvider<?> provider) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : provider.parameters()) {
            if (parameter.required() && parameter.type() == Parameter.Type.PATH) {
                values.put(parameter.name(), spectrumFile().toString());
            }
        }
        return values;
    }

    /** A temporary copy of {@link #SPECTRUM_CSV}, written once per test run. */
    private static synchronized Path spectrumFile() {
        if (spectrumFile == null) {
            try {
                spectrumFile = Files.createTempFile("dmftlab-contract-spectrum", ".csv");
                Files.writeString(spectrumFile, SPECTRUM_CSV);
                spectrumFile.toFile().deleteOnExit();
            } catch (IOException cannotWrite) {
                throw new UncheckedIOException(cannotWrite);
            }
        }
        return spectrumFile;
    }
}
