package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Range;
import org.junit.jupiter.api.Test;

/** The automatic parameter sets of {@link ParameterValues}: defaults, then one variant per real parameter. */
class ParameterValuesTest {

    /** A provider whose product is the raw config, to see what the contracts would build. */
    private record Declared(List<Parameter> parameters) implements PluginProvider<PluginConfig> {
        @Override
        public String id() {
            return "declared";
        }

        @Override
        public String description() {
            return "parameters only";
        }

        @Override
        public PluginConfig create(PluginConfig config) {
            return config;
        }
    }

    @Test
    void variesEveryRealParameterAwayFromItsDefaultInsideItsRange() {
        Declared provider = new Declared(List.of(
                Parameter.real("rate", 0.1, Range.positive(), "four times the default is allowed"),
                Parameter.real("fraction", 0.5, Range.openClosed(0, 1), "4 × 0.5 is not: the middle of (0, 1]"),
                Parameter.real("noise", 0, Range.nonNegative(), "a zero default: one above the lower end"),
                Parameter.real("shift", 0, Range.anyReal(), "no finite end: one above the default"),
                Parameter.integer("levels", 2, Range.atLeast(1), "integers keep their default"),
                Parameter.requiredPath("file", "given with every set")));
        ParameterValues values = ParameterValues.automatic(provider, Map.of("file", "spectrum.csv"));

        assertEquals(List.of(Map.of(), Map.of("rate", 0.4), Map.of("fraction", 0.5), Map.of("noise", 1.0),
                Map.of("shift", 1.0)), values.sets());
        PluginConfig rateVariant = values.create(provider, values.sets().get(1));
        assertEquals(0.4, rateVariant.real("rate"));
        assertEquals(0.5, rateVariant.real("fraction"));
        assertEquals("spectrum.csv", rateVariant.values().get("file"));
        assertEquals(7, values.and(Map.of("levels", 3)).and(Map.of("rate", 2.0)).sets().size());
    }
}
