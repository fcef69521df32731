package org.dmftlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginProvider;
import org.dmftlab.core.spi.Range;
import org.dmftlab.core.spi.ScheduleProvider;

/**
 * The contract every provider of every family meets (the {@link PluginProvider} SPI): a well-formed id and a
 * description, documented parameters with valid defaults, a product built from the defaults, and validation
 * that rejects unknown keys, values just outside each finite range end, and schedules that leave the range of the
 * parameter they vary (SPEC §2.2), with a message naming plugin, key and value.
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
                case INTEGER_LIST -> assertTrue(value instanceof List<?> list && list.stream().allMatch(
                        element -> element instanceof Integer number && parameter.range().contains(number)),
                        notInRange);
                case TEXT -> assertTrue(value instanceof String text && text.matches(parameter.pattern()),
                        where + " default " + value + " does not match " + parameter.pattern());
                case SCHEDULE -> {
                    assertEquals(Parameter.CONSTANT_SCHEDULE, value, where + ": a schedule's default is constant");
                    assertTrue(parameter.scheduled() != null || provider instanceof ScheduleProvider,
                            where + " must name the parameter it varies (Parameter.schedule(name, scheduled, …)):"
                                    + " only a schedule nested in a schedule varies no parameter of its own");
                    assertTrue(parameter.scheduled() == null || parameters.stream().anyMatch(p -> p.type()
                            == Parameter.Type.REAL && p.name().equals(parameter.scheduled())),
                            where + " varies '" + parameter.scheduled() + "', which is not a real parameter of "
                                    + provider.id());
                }
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

    /**
     * One value per finite end of every numeric range of the provider (for a list, a one-element list holding
     * it).
     */
    static List<OutsideValue> valuesJustOutside(PluginProvider<?> provider) {
        List<OutsideValue> cases = new ArrayList<>();
        for (Parameter parameter : provider.parameters()) {
            Parameter.Type type = parameter.type();
            if (type == Parameter.Type.PATH || type == Parameter.Type.SCHEDULE || type == Parameter.Type.TEXT) {
                continue;
            }
            Range range = parameter.range();
            boolean integer = type != Parameter.Type.REAL;
            List<Double> outside = new ArrayList<>();
            if (Double.isFinite(range.min())) {
                outside.add(!range.minInclusive() ? range.min() : integer ? range.min() - 1 : Math.nextDown(range.min()));
            }
            if (Double.isFinite(range.max())) {
                outside.add(!range.maxInclusive() ? range.max() : integer ? range.max() + 1 : Math.nextUp(range.max()));
            }
            for (double value : outside) {
                Object written = integer ? (Object) (long) value : (Object) value;
                cases.add(new OutsideValue(parameter.name(),
                        type == Parameter.Type.INTEGER_LIST ? List.of(written) : written));
            }
        }
        return cases;
    }

    /**
     * For every schedule of a real parameter whose range has a finite end: a {@code cosine} schedule (a standard
     * plugin) that ends one beyond that end, so it leaves the range at the last updates.
     */
    static List<OutsideValue> schedulesLeavingTheRange(PluginProvider<?> provider) {
        List<OutsideValue> cases = new ArrayList<>();
        for (Parameter parameter : provider.parameters()) {
            if (parameter.scheduled() == null) {
                continue;
            }
            Range range = provider.parameters().stream().filter(p -> p.name().equals(parameter.scheduled()))
                    .findFirst().map(Parameter::range).orElse(Range.anyReal());
            double beyond = Double.isFinite(range.min()) ? range.min() - 1
                    : Double.isFinite(range.max()) ? range.max() + 1 : Double.NaN;
            if (!Double.isNaN(beyond)) {
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("id", "cosine");
                block.put("final", beyond);
                cases.add(new OutsideValue(parameter.name(), block));
            }
        }
        return cases;
    }

    static void rejectsAScheduleLeavingTheRange(PluginProvider<?> provider, ParameterValues values,
                                                OutsideValue outside) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> values.config(provider, Map.of(outside.key(), outside.value())));
        assertEquals(ConfigError.OUT_OF_RANGE, error.errorCode());
        String message = error.getMessage();
        assertTrue(message.contains("'" + provider.id() + "'"), () -> "no plugin in: " + message);
        assertTrue(message.contains(outside.key() + " = {id: cosine"), () -> "no key = value in: " + message);
        assertTrue(message.contains("at step"), () -> "no step in: " + message);
        assertEquals(2, error.exitCode());
    }

    private static void assertNamesPluginKeyAndValue(InvalidInputException error, String plugin, String key,
                                                     String value) {
        String message = error.getMessage();
        assertTrue(message.contains("'" + plugin + "'"), () -> "no plugin in: " + message);
        assertTrue(message.contains(key + " = " + value), () -> "no key = value in: " + message);
        assertEquals(2, error.exitCode());
    }
}
