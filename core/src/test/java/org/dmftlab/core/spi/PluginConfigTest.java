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

/**
 * {@link PluginConfig}: defaults, string numbers, symbols, paths, integer lists, nested schedule blocks, and every
 * rejection with plugin, key (dotted into nested blocks) and value.
 */
class PluginConfigTest {

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.real("learning-rate", 0.1, Range.positive(), "step size"),
            Parameter.integer("steps", 10, Range.closed(1, 100), "number of steps"),
            Parameter.real("momentum", 0.5, Range.closedOpen(0, 1), "momentum").orSymbols("t/(t+3)"));
    private static final List<Parameter> WITH_PATH = List.of(Parameter.requiredPath("path", "a spectrum file"));
    private static final Path BASE = Path.of("/experiments/a");
    private static final int STEPS = 20;

    /** {@code decay {rate}}: v rate^t. */
    private static final ScheduleProvider DECAY = new FakeSchedule("decay",
            List.of(Parameter.real("rate", 0.5, Range.openClosed(0, 1), "decay per step")),
            config -> {
                double rate = config.real("rate");
                return (base, t, steps) -> base * Math.pow(rate, t);
            });
    /** {@code twice {then}}: 2 S′(v, t, T). */
    private static final ScheduleProvider TWICE = new FakeSchedule("twice",
            List.of(Parameter.schedule("then", "the schedule doubled")),
            config -> {
                Schedule then = config.schedule("then");
                return (base, t, steps) -> 2 * then.value(base, t, steps);
            });
    private static final ScheduleProvider CONSTANT = new FakeSchedule("constant", List.of(), config -> Schedule.CONSTANT);
    private static final PluginContext CONTEXT = new PluginContext(BASE, STEPS, id -> switch (id) {
        case "decay" -> DECAY;
        case "twice" -> TWICE;
        case "constant" -> CONSTANT;
        default -> throw new InvalidInputException(ConfigError.OUT_OF_RANGE, "id", id, "known: constant, decay, twice");
    });
    private static final List<Parameter> SCHEDULED = List.of(
            Parameter.real("learning-rate", 0.1, Range.positive(), "step size"),
            Parameter.schedule("learning-rate-schedule", "learning-rate", "its schedule"),
            Parameter.real("fraction", 0.5, Range.openClosed(0, 1), "a fraction"),
            Parameter.schedule("fraction-schedule", "fraction", "its schedule"),
            Parameter.integers("milestones", List.of(), Range.atLeast(1), "steps"));

    private record FakeSchedule(String id, List<Parameter> parameters,
                                java.util.function.Function<PluginConfig, Schedule> factory)
            implements ScheduleProvider {
        @Override
        public String description() {
            return "a schedule for tests";
        }

        @Override
        public Schedule create(PluginConfig config) {
            return factory.apply(config);
        }
    }

    private static PluginConfig config(Map<String, ?> raw) {
        return PluginConfig.of("fake", PARAMETERS, raw, CONTEXT);
    }

    private static InvalidInputException rejected(List<Parameter> parameters, Map<String, ?> raw) {
        return assertThrows(InvalidInputException.class, () -> PluginConfig.of("fake", parameters, raw, CONTEXT));
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
        PluginConfig defaulted = PluginConfig.of("fake", List.of(byDefault), Map.of(), CONTEXT);
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
        PluginConfig config = PluginConfig.of("fake", WITH_PATH, Map.of("path", "../data/s.csv"), CONTEXT);
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
    void aKeyWithoutAValueIsRejected() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("learning-rate", null);
        assertNames(rejected(PARAMETERS, raw), "config/wrong-type", "learning-rate");
    }

    @Test
    void integerListsAreParsedElementByElement() {
        PluginConfig config = PluginConfig.of("fake", SCHEDULED, Map.of("milestones", List.of(5, "7", 9.0)), CONTEXT);
        assertEquals(List.of(5, 7, 9), config.integers("milestones"));
        assertEquals(List.of(), PluginConfig.of("fake", SCHEDULED, Map.of(), CONTEXT).integers("milestones"));
        assertNames(rejected(SCHEDULED, Map.of("milestones", List.of(5, 0))), "config/out-of-range",
                "milestones = [5, 0]");
        assertNames(rejected(SCHEDULED, Map.of("milestones", List.of(5, 2.5))), "config/wrong-type",
                "milestones = [5, 2.5]");
        assertNames(rejected(SCHEDULED, Map.of("milestones", 5)), "config/wrong-type", "milestones = 5");
        assertTrue(rejected(SCHEDULED, Map.of("milestones", 5)).getMessage().contains("a list of integers >= 1"));
    }

    @Test
    void anAbsentScheduleIsConstantAndRecordedAsABlock() {
        PluginConfig config = PluginConfig.of("fake", SCHEDULED, Map.of(), CONTEXT);
        assertEquals(0.1, config.schedule("learning-rate-schedule").value(0.1, 7, STEPS));
        assertEquals(Map.of("id", "constant"), config.values().get("learning-rate-schedule"));
        assertEquals("constant", config.nested().get("learning-rate-schedule").pluginId());
        assertEquals(STEPS, config.steps());
    }

    @Test
    void aNestedScheduleBlockIsValidatedAndRecordedWithItsDefaults() {
        PluginConfig config = PluginConfig.of("fake", SCHEDULED, Map.of("learning-rate-schedule",
                Map.of("id", "twice", "then", Map.of("id", "decay"))), CONTEXT);
        assertEquals(2 * 0.1 * 0.125, config.schedule("learning-rate-schedule").value(0.1, 3, STEPS), 1e-17);
        Map<String, Object> then = new LinkedHashMap<>();
        then.put("id", "decay");
        then.put("rate", 0.5);
        assertEquals(Map.of("id", "twice", "then", then), config.values().get("learning-rate-schedule"));
        PluginConfig twice = config.nested().get("learning-rate-schedule");
        assertEquals("twice", twice.pluginId());
        assertEquals("decay", twice.nested().get("then").pluginId());
    }

    @Test
    void errorsInsideANestedBlockNameTheDottedKey() {
        InvalidInputException inner = rejected(SCHEDULED, Map.of("learning-rate-schedule",
                Map.of("id", "twice", "then", Map.of("id", "decay", "rate", 2))));
        assertEquals("config/out-of-range", inner.code());
        assertEquals("learning-rate-schedule.then.rate", inner.key());
        assertTrue(inner.getMessage().contains("'decay' allows a real in (0, 1]"), inner.getMessage());
        InvalidInputException unknown = rejected(SCHEDULED, Map.of("fraction-schedule", Map.of("id", "cosin")));
        assertEquals("fraction-schedule.id", unknown.key());
        assertTrue(unknown.getMessage().contains("known: constant, decay, twice"), unknown.getMessage());
        InvalidInputException noId = rejected(SCHEDULED, Map.of("fraction-schedule", Map.of("rate", 0.5)));
        assertEquals("config/missing-key", noId.code());
        assertEquals("fraction-schedule.id", noId.key());
        assertNames(rejected(SCHEDULED, Map.of("fraction-schedule", "decay")), "config/wrong-type",
                "fraction-schedule = decay");
        InvalidInputException extra = rejected(SCHEDULED, Map.of("fraction-schedule", Map.of("id", "decay", "x", 1)));
        assertEquals("config/unknown-key", extra.code());
        assertEquals("fraction-schedule.x", extra.key());
    }

    @Test
    void aScheduleMustKeepItsParameterInRangeAtEveryUpdate() {
        // 0.5 · 2 = 1 is allowed; 0.6 · 2 = 1.2 leaves (0, 1] at step 0.
        PluginConfig.of("fake", SCHEDULED, Map.of("fraction-schedule", Map.of("id", "twice")), CONTEXT);
        InvalidInputException error = rejected(SCHEDULED, Map.of("fraction", 0.6,
                "fraction-schedule", Map.of("id", "twice")));
        assertNames(error, "config/out-of-range", "fraction-schedule = {id: twice, then: {id: constant}}");
        assertTrue(error.getMessage().contains("'fake' needs fraction to be a real in (0, 1] at every step"),
                error.getMessage());
        assertTrue(error.getMessage().contains("gives 1.2 at step 0 of 20"), error.getMessage());
        // 0.1 · 1e-300^t underflows to 0 at step 2: not > 0.
        InvalidInputException late = rejected(SCHEDULED, Map.of("learning-rate-schedule",
                Map.of("id", "decay", "rate", 1e-300)));
        assertTrue(late.getMessage().contains("at step 2 of 20"), late.getMessage());
    }

    @Test
    void onlyTheUpdatesCountNotTheRecordingStep() {
        // rate^t underflows to 0 at t = 1: the recording step of a one-step run, but an update of a two-step run.
        Map<String, Object> raw = Map.of("learning-rate-schedule", Map.of("id", "decay", "rate", Double.MIN_VALUE));
        PluginConfig oneStep = PluginConfig.of("fake", SCHEDULED, raw, new PluginContext(BASE, 1, CONTEXT.schedules()));
        assertEquals(0.0, oneStep.schedule("learning-rate-schedule").value(0.1, 1, 1));
        InvalidInputException twoSteps = assertThrows(InvalidInputException.class,
                () -> PluginConfig.of("fake", SCHEDULED, raw, new PluginContext(BASE, 2, CONTEXT.schedules())));
        assertTrue(twoSteps.getMessage().contains("gives 0.0 at step 1 of 2"), twoSteps.getMessage());
    }

    @Test
    void keyPrefixAndSourceAreAddedByOuterLayers() {
        InvalidInputException error = rejected(PARAMETERS, Map.of("learning-rate", -1))
                .withKeyPrefix("optimizer").withSource("examples/x.yaml");
        assertEquals("examples/x.yaml: [config/out-of-range] optimizer.learning-rate = -1: 'fake' allows a real > 0",
                error.getMessage());
    }
}
