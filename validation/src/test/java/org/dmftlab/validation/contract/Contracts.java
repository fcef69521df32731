package org.dmftlab.validation.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Range;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Named;

/**
 * What the contract tests share: every discovered provider of a family as a named test argument, the values
 * that providers with required parameters need (a temporary spectrum CSV for required paths), and parameter
 * variants away from the defaults.
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

    /** Every provider of the family, named {@code family id}, in discovery order. */
    static <T extends PluginProvider<?>> Stream<Named<PluginDescriptor<T>>> providers(PluginFamily<T> family) {
        return Plugins.REGISTRY.all(family).stream().map(d -> Named.of(family + " " + d.id(), d));
    }

    /** Every provider of every family. */
    static Stream<Named<PluginDescriptor<?>>> allProviders() {
        return PluginFamily.all().stream().flatMap(family -> providers(family)
                .map(named -> Named.<PluginDescriptor<?>>of(named.getName(), named.getPayload())));
    }

    /** Values for the parameters that have no default (a path to {@link #SPECTRUM_CSV}); empty for most plugins. */
    static Map<String, Object> requiredValues(PluginProvider<?> provider) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : provider.parameters()) {
            if (parameter.required()) {
                if (parameter.type() != Parameter.Type.PATH) {
                    throw new AssertionError(provider.id() + "." + parameter.name() + " has no default and is not a path");
                }
                values.put(parameter.name(), spectrumFile().toString());
            }
        }
        return values;
    }

    /** The product with default parameters (and {@link #requiredValues}). */
    static <P> P createWithDefaults(PluginProvider<P> provider) {
        return create(provider, Map.of());
    }

    /** The product with the given values on top of {@link #requiredValues}. */
    static <P> P create(PluginProvider<P> provider, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(requiredValues(provider));
        all.putAll(values);
        return provider.create(PluginConfig.of(provider.id(), provider.parameters(), all, Path.of(".")));
    }

    /**
     * The defaults, then one variant per real parameter with a value away from its default (four times the
     * default when allowed, else the middle of a finite range, else one above its lower end), so that contracts
     * are not only checked where the defaults happen to be harmless.
     */
    static List<Map<String, Object>> variants(PluginProvider<?> provider) {
        List<Map<String, Object>> variants = new ArrayList<>();
        variants.add(Map.of());
        for (Parameter parameter : provider.parameters()) {
            if (parameter.type() == Parameter.Type.REAL && parameter.defaultValue() instanceof Double value) {
                variants.add(Map.of(parameter.name(), awayFrom(value, parameter.range())));
            }
        }
        return variants;
    }

    private static double awayFrom(double value, Range range) {
        if (value != 0 && range.contains(4 * value)) {
            return 4 * value;
        }
        if (Double.isFinite(range.min()) && Double.isFinite(range.max())) {
            return (range.min() + range.max()) / 2;
        }
        return Double.isFinite(range.min()) ? range.min() + 1 : value + 1;
    }

    /** A temporary copy of {@link #SPECTRUM_CSV}, written once per test run. */
    static synchronized Path spectrumFile() {
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
