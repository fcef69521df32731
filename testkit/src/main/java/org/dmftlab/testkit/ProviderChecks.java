package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Range;

/**
 * The contract every provider of every family meets (the {@link PluginProvider} SPI): a well-formed id and a
 * description, documented parameters with valid defaults, a product built from the defaults, and validation
 * that rejects unknown keys and values just outside each finite range end with a message naming plugin, key and
 * value.
 */
final class ProviderChecks {

    private ProviderChecks() {
    }

    static void idIsLowercaseKebab(PluginProvider<?> provider) {
        String id = provider.id();
        assertTrue(id != null && id.matches(PluginProvider.ID_PATTERN),
                () -> "id '" + id + "' of " + provider.getClass().getName() + " must match "
                        + PluginProvider.ID_PATTERN);
        assertTrue(provider.description() != null && !provider.description().isBlank(), "description is blank");
    }

    static void parametersAreDocumentedWithValidDefaults(PluginProvider<?> provider, ParameterValues values) {
        List<Parameter> parameters = provider.parameters();
        assertNotNull(parameters, "parameters() must not be null");
        assertEquals(parameters.size(), parameters.stream().map(Parameter::name).distinct().count(), "duplicate names");
        for (Parameter parameter : parameters) {
            String where = provider.id() + "." + parameter.name();
            assertTrue(parameter.name().matches(PluginProvider.ID_PATTERN), where + " is not lowercase-kebab");
            assertFalse(parameter.description().isBlank(), where + " has no description");
            Object value = parameter.defaultValue();
            String notInRange = where + " default " + value + " not in " + parameter.range();
            switch (parameter.type()) {
                case PATH -> assertTrue(value == null || value instanceof String, where);
                case REAL -> assertTrue(value instanceof Double number && parameter.range().contains(number)
                        || parameter.symbols().contains(value), notInRange);
                case INTEGER -> assertTrue(value instanceof Integer number && parameter.range().contains(number)
                        || parameter.symbols().contains(value), notInRange);
            }
            assertTrue(!parameter.required() || parameter.type() == Parameter.Type.PATH,
                    where + ": only paths may lack a default");
            assertTrue(!parameter.required() || values.required().containsKey(parameter.name()),
                    where + " has no default: give the contract a value for it (override requiredValues())");
        }
    }

    static void buildsFromItsDefaults(PluginProvider<?> provider, ParameterValues values) {
        assertNotNull(values.createWithDefaults(provider), "create() returned null");
    }

    static void rejectsAnUnknownKey(PluginProvider<?> provider, ParameterValues values) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> values.config(provider, Map.of("no-such-key", 0.125)));
        assertEquals(ConfigError.UNKNOWN_KEY, error.errorCode());
        assertNamesPluginKeyAndValue(error, provider.id(), "no-such-key", "0.125");
    }

    static void rejectsAValueOutsideItsRange(PluginProvider<?> provider, ParameterValues values, OutsideValue outside) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> values.config(provider, Map.of(outside.key(), outside.value())));
        assertEquals(ConfigError.OUT_OF_RANGE, error.errorCode());
        assertNamesPluginKeyAndValue(error, provider.id(), outside.key(), String.valueOf(outside.value()));
    }

    /**
     * A value just outside one finite end of a numeric parameter's range.
     *
     * @param key   the parameter
     * @param value the value as written (a {@code Long} for integers)
     */
    record OutsideValue(String key, Object value) {
        @Override
        public String toString() {
            return key + " = " + value;
        }
    }

    /** One value per finite end of every numeric range of the provider. */
    static List<OutsideValue> valuesJustOutside(PluginProvider<?> provider) {
        List<OutsideValue> cases = new ArrayList<>();
        for (Parameter parameter : provider.parameters()) {
            if (parameter.type() == Parameter.Type.PATH) {
                continue;
            }
            Range range = parameter.range();
            boolean integer = parameter.type() == Parameter.Type.INTEGER;
            if (Double.isFinite(range.min())) {
                double below = !range.minInclusive() ? range.min()
                        : integer ? range.min() - 1 : Math.nextDown(range.min());
                cases.add(new OutsideValue(parameter.name(), integer ? (Object) (long) below : (Object) below));
            }
            if (Double.isFinite(range.max())) {
                double above = !range.maxInclusive() ? range.max()
                        : integer ? range.max() + 1 : Math.nextUp(range.max());
                cases.add(new OutsideValue(parameter.name(), integer ? (Object) (long) above : (Object) above));
            }
        }
        return cases;
    }

    private static void assertNamesPluginKeyAndValue(InvalidInputException error, String plugin, String key,
                                                     String value) {
        String message = error.getMessage();
        assertTrue(message.contains("'" + plugin + "'"), () -> "no plugin in: " + message);
        assertTrue(message.contains(key + " = " + value), () -> "no key = value in: " + message);
        assertEquals(2, error.exitCode());
    }
}
