package org.dmftlab.validation.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginDescriptor;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Range;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every provider of every family meets (DESIGN "The SPI"): a well-formed id unique in its family,
 * documented parameters with valid defaults, a product built from the defaults, and validation that rejects
 * unknown keys and values just outside each finite range end with a message naming plugin, key and value.
 * Runs over every discovered provider: a new plugin is tested with no new test.
 */
class ProviderContractTest {

    static Stream<Named<PluginDescriptor<?>>> providers() {
        return Contracts.allProviders();
    }

    static Stream<PluginFamily<?>> families() {
        return PluginFamily.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void idIsLowercaseKebab(PluginDescriptor<?> plugin) {
        assertTrue(plugin.id().matches(PluginProvider.ID_PATTERN), () -> "id '" + plugin.id() + "' of " + plugin.describe());
        assertFalse(plugin.provider().description().isBlank(), "description");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void idsAreUniqueAmongTheServiceLoaderProviders(PluginFamily<?> family) {
        List<String> ids = ServiceLoader.load(family.service()).stream().map(p -> p.get().id()).toList();
        assertFalse(ids.isEmpty(), "no " + family + " provider on the class path");
        assertEquals(ids.size(), ids.stream().distinct().count(), () -> family + " ids " + ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void parametersAreDocumentedWithValidDefaults(PluginDescriptor<?> plugin) {
        List<Parameter> parameters = plugin.provider().parameters();
        assertNotNull(parameters);
        assertEquals(parameters.size(), parameters.stream().map(Parameter::name).distinct().count(), "duplicate names");
        for (Parameter parameter : parameters) {
            String where = plugin.id() + "." + parameter.name();
            assertTrue(parameter.name().matches(PluginProvider.ID_PATTERN), where + " is not lowercase-kebab");
            assertFalse(parameter.description().isBlank(), where + " has no description");
            Object value = parameter.defaultValue();
            switch (parameter.type()) {
                case PATH -> assertTrue(value == null || value instanceof String, where);
                case REAL -> assertTrue(value instanceof Double number && parameter.range().contains(number)
                        || parameter.symbols().contains(value), where + " default " + value + " not in " + parameter.range());
                case INTEGER -> assertTrue(value instanceof Integer number && parameter.range().contains(number)
                        || parameter.symbols().contains(value), where + " default " + value + " not in " + parameter.range());
            }
            assertTrue(!parameter.required() || parameter.type() == Parameter.Type.PATH,
                    where + ": only paths may lack a default");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void buildsFromItsDefaults(PluginDescriptor<?> plugin) {
        assertNotNull(Contracts.createWithDefaults(plugin.provider()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void rejectsAnUnknownKey(PluginDescriptor<?> plugin) {
        PluginProvider<?> provider = plugin.provider();
        Map<String, Object> values = new HashMap<>(Contracts.requiredValues(provider));
        values.put("no-such-key", 0.125);
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> PluginConfig.of(provider.id(), provider.parameters(), values, Path.of(".")));
        assertEquals("config/unknown-key", error.code());
        assertNamesPluginKeyAndValue(error, provider.id(), "no-such-key", "0.125");
    }

    /** One case per finite end of every numeric range: (provider, parameter, a value just outside). */
    static Stream<Arguments> valuesJustOutside() {
        List<Arguments> cases = new ArrayList<>();
        providers().map(Named::getPayload).forEach(plugin -> {
            for (Parameter parameter : plugin.provider().parameters()) {
                if (parameter.type() == Parameter.Type.PATH) {
                    continue;
                }
                Range range = parameter.range();
                boolean integer = parameter.type() == Parameter.Type.INTEGER;
                if (Double.isFinite(range.min())) {
                    double below = !range.minInclusive() ? range.min() : integer ? range.min() - 1 : Math.nextDown(range.min());
                    cases.add(outside(plugin, parameter, integer, below));
                }
                if (Double.isFinite(range.max())) {
                    double above = !range.maxInclusive() ? range.max() : integer ? range.max() + 1 : Math.nextUp(range.max());
                    cases.add(outside(plugin, parameter, integer, above));
                }
            }
        });
        return cases.stream();
    }

    private static Arguments outside(PluginDescriptor<?> plugin, Parameter parameter, boolean integer, double value) {
        Object written = integer ? (Object) (long) value : (Object) value;
        return Arguments.of(Named.of(plugin.family() + " " + plugin.id(), plugin.provider()),
                parameter.name(), written);
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("valuesJustOutside")
    void rejectsAValueJustOutsideItsRange(PluginProvider<?> provider, String key, Object value) {
        Map<String, Object> values = new HashMap<>(Contracts.requiredValues(provider));
        values.put(key, value);
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> PluginConfig.of(provider.id(), provider.parameters(), values, Path.of(".")));
        assertEquals("config/out-of-range", error.code());
        assertNamesPluginKeyAndValue(error, provider.id(), key, String.valueOf(value));
    }

    private static void assertNamesPluginKeyAndValue(InvalidInputException error, String plugin, String key,
                                                     String value) {
        String message = error.getMessage();
        assertTrue(message.contains("'" + plugin + "'"), () -> "no plugin in: " + message);
        assertTrue(message.contains(key + " = " + value), () -> "no key = value in: " + message);
        assertEquals(2, error.exitCode());
    }
}
