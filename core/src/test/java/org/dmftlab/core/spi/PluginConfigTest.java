package org.dmftlab.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PluginConfig}: defaults, string numbers, symbols, paths, and every rejection with plugin, key and value. */
class PluginConfigTest {

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.real("learning-rate", 0.1, Range.positive(), "step size"),
            Parameter.integer("steps", 10, Range.closed(1, 100), "number of steps"),
            Parameter.real("momentum", 0.5, Range.closedOpen(0, 1), "momentum").orSymbols("t/(t+3)"));
    private static final List<Parameter> WITH_PATH = List.of(Parameter.requiredPath("path", "a spectrum file"));
    private static final Path BASE = Path.of("/experiments/a");

    private static PluginConfig config(Map<String, ?> raw) {
        return PluginConfig.of("fake", PARAMETERS, raw, BASE);
    }

    private static InvalidInputException rejected(List<Parameter> parameters, Map<String, ?> raw) {
        return assertThrows(InvalidInputException.class, () -> PluginConfig.of("fake", parameters, raw, BASE));
    }

    private static void assertNames(InvalidInputException error, String code, String keyAndValue) {
        assertEquals(code, error.code());
        assertTrue(error.getMessage().contains("'fake'"), error.getMessage());
        assertTrue(error.getMessage().contains(keyAndValue), error.getMessage());
        assertEquals(2, error.exitCode());
    }

    @Test
    void absentKeysTakeTheirDefaultsInDeclarationOrder() {
        PluginConfig config = config(Map.of());
        assertEquals(0.1, config.real("learning-rate"));
        assertEquals(10, config.integer("steps"));
        assertEquals(Optional.empty(), config.symbol("momentum"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("learning-rate", 0.1);
        expected.put("steps", 10);
        expected.put("momentum", 0.5);
        assertEquals(expected, config.values());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(config.values().keySet()));
        assertEquals("fake", config.pluginId());
    }

    @Test
    void numbersWrittenAsStringsAreParsed() {
        // --set optimizer.learning-rate=0.25 arrives as text.
        PluginConfig config = config(Map.of("learning-rate", "0.25", "steps", " 12 ", "momentum", 0));
        assertEquals(0.25, config.real("learning-rate"));
        assertEquals(12, config.integer("steps"));
        assertEquals(0.0, config.real("momentum"));
        assertEquals(7, config(Map.of("steps", 7.0)).integer("steps"), "a whole double is an integer");
    }

    @Test
    void aSymbolIsKeptAsTheWord() {
        PluginConfig config = config(Map.of("momentum", "t/(t+3)"));
        assertEquals(Optional.of("t/(t+3)"), config.symbol("momentum"));
        assertThrows(IllegalStateException.class, () -> config.real("momentum"), "a symbol is not a number");
        Parameter byDefault = PARAMETERS.get(2).withSymbolDefault("t/(t+3)");
        PluginConfig defaulted = PluginConfig.of("fake", List.of(byDefault), Map.of(), BASE);
        assertEquals(Optional.of("t/(t+3)"), defaulted.symbol("momentum"));
        assertThrows(IllegalArgumentException.class, () -> PARAMETERS.get(2).withSymbolDefault("1/t"));
    }

    @Test
    void unknownKeyIsRejectedListingTheKnownOnes() {
        InvalidInputException error = rejected(PARAMETERS, Map.of("learnig-rate", 0.2));
        assertNames(error, "config/unknown-key", "learnig-rate = 0.2");
        assertTrue(error.getMessage().contains("known keys: learning-rate, steps, momentum"), error.getMessage());
        assertTrue(rejected(List.of(), Map.of("x", 1)).getMessage().contains("takes no parameters"));
    }

    @Test
    void wrongTypesAreRejected() {
        assertNames(rejected(PARAMETERS, Map.of("learning-rate", "fast")), "config/wrong-type", "learning-rate = fast");
        assertNames(rejected(PARAMETERS, Map.of("steps", 2.5)), "config/wrong-type", "steps = 2.5");
        assertNames(rejected(PARAMETERS, Map.of("momentum", "t/(t+2)")), "config/wrong-type", "momentum = t/(t+2)");
        assertNames(rejected(WITH_PATH, Map.of("path", 3)), "config/wrong-type", "path = 3");
        assertNames(rejected(WITH_PATH, Map.of("path", " ")), "config/wrong-type", "path");
    }

    @Test
    void outOfRangeValuesAreRejectedSayingWhatIsAllowed() {
        InvalidInputException error = rejected(PARAMETERS, Map.of("learning-rate", -1));
        assertNames(error, "config/out-of-range", "learning-rate = -1");
        assertTrue(error.getMessage().contains("allows a real > 0"), error.getMessage());
        assertNames(rejected(PARAMETERS, Map.of("momentum", "1")), "config/out-of-range", "momentum = 1");
        assertNames(rejected(PARAMETERS, Map.of("steps", 101)), "config/out-of-range", "steps = 101");
        assertNames(rejected(PARAMETERS, Map.of("learning-rate", "NaN")), "config/out-of-range", "learning-rate = NaN");
    }

    @Test
    void aRequiredPathMustBeGivenAndIsResolvedAgainstTheBase() {
        InvalidInputException missing = rejected(WITH_PATH, Map.of());
        assertEquals("config/missing-key", missing.code());
        assertEquals("path", missing.key());
        assertTrue(missing.getMessage().contains("'fake' needs a file path"), missing.getMessage());
        PluginConfig config = PluginConfig.of("fake", WITH_PATH, Map.of("path", "../data/s.csv"), BASE);
        assertEquals(Path.of("/experiments/data/s.csv"), config.path("path"));
    }

    @Test
    void invalidCombinationNamesPluginKeyAndValue() {
        InvalidInputException error = config(Map.of("steps", 3)).invalid("steps", "must exceed the memory depth");
        assertNames(error, "config/invalid-combination", "steps = 3");
    }

    @Test
    void readingUndeclaredOrMistypedParametersIsAPluginBug() {
        PluginConfig config = config(Map.of());
        assertThrows(IllegalStateException.class, () -> config.real("nope"));
        assertThrows(IllegalStateException.class, () -> config.integer("learning-rate"));
    }

    @Test
    void keyPrefixAndSourceAreAddedByOuterLayers() {
        InvalidInputException error = rejected(PARAMETERS, Map.of("learning-rate", -1))
                .withKeyPrefix("optimizer").withSource("examples/x.yaml");
        assertEquals("examples/x.yaml: [config/out-of-range] optimizer.learning-rate = -1: 'fake' allows a real > 0",
                error.getMessage());
    }
}
