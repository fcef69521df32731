package org.dmftlab.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.PluginContext;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PluginRegistry} built by hand with tiny fake providers: lookup and every fail-fast rule. */
class PluginRegistryTest {

    private static final PluginOrigin FIRST = new PluginOrigin("org.example.first", "1.0", "/plugins/first.jar");
    private static final PluginOrigin SECOND = new PluginOrigin("org.example.second", "2.1", "/plugins/second.jar");

    /** A loss provider with a given id whose product is never used. */
    private static class FakeLoss implements LossProvider {

        private final String id;

        FakeLoss(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "fake loss for registry tests";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Loss create(PluginConfig config) {
            throw new UnsupportedOperationException("not used");
        }
    }

    /** A second class, so that a duplicate names two different classes. */
    private static final class OtherFakeLoss extends FakeLoss {
        OtherFakeLoss(String id) {
            super(id);
        }
    }

    @Test
    void findsProvidersByFamilyAndIdInInsertionOrder() {
        FakeLoss square = new FakeLoss("square");
        FakeLoss huber = new FakeLoss("huber");
        PluginRegistry registry = PluginRegistry.builder()
                .add(PluginFamily.LOSS, square, FIRST)
                .add(PluginFamily.LOSS, huber, SECOND)
                .build();
        PluginDescriptor<LossProvider> found = registry.find(PluginFamily.LOSS, "huber");
        assertSame(huber, found.provider());
        assertEquals(SECOND, found.origin());
        assertEquals("org.example.second@2.1", found.origin().moduleAtVersion());
        assertEquals(List.of("square", "huber"), registry.all(PluginFamily.LOSS).stream().map(PluginDescriptor::id).toList());
    }

    @Test
    void duplicateIdNamesBothClassesModulesAndJars() {
        PluginRegistry.Builder builder = PluginRegistry.builder().add(PluginFamily.LOSS, new FakeLoss("square"), FIRST);
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> builder.add(PluginFamily.LOSS, new OtherFakeLoss("square"), SECOND));
        assertEquals("plugins/duplicate-id", error.code());
        String message = error.getMessage();
        for (String part : List.of("'square'", FakeLoss.class.getName(), OtherFakeLoss.class.getName(),
                "org.example.first@1.0", "/plugins/first.jar", "org.example.second@2.1", "/plugins/second.jar")) {
            assertTrue(message.contains(part), () -> "no " + part + " in: " + message);
        }
        assertEquals(2, error.exitCode());
    }

    @Test
    void theSameIdInAnotherFamilyIsNoDuplicate() {
        PluginRegistry registry = PluginRegistry.builder().add(PluginFamily.LOSS, new FakeLoss("linear"), FIRST).build();
        assertThrows(InvalidInputException.class, () -> registry.find(PluginFamily.TEACHER, "linear"));
        assertEquals("linear", registry.find(PluginFamily.LOSS, "linear").id());
    }

    @Test
    void unknownIdListsTheKnownIds() {
        PluginRegistry registry = PluginRegistry.builder()
                .add(PluginFamily.LOSS, new FakeLoss("square"), FIRST)
                .add(PluginFamily.LOSS, new FakeLoss("logistic"), FIRST)
                .build();
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> registry.find(PluginFamily.LOSS, "hinge"));
        assertEquals("plugins/unknown-id", error.code());
        assertEquals("id", error.key());
        assertEquals("hinge", error.value());
        assertTrue(error.getMessage().contains("known: square, logistic"), error.getMessage());
    }

    @Test
    void emptyFamilyIsReportedWhenUsed() {
        PluginRegistry registry = PluginRegistry.builder().add(PluginFamily.LOSS, new FakeLoss("square"), FIRST).build();
        for (Runnable use : List.<Runnable>of(() -> registry.all(PluginFamily.OPTIMIZER),
                () -> registry.find(PluginFamily.OPTIMIZER, "sgd"))) {
            InvalidInputException error = assertThrows(InvalidInputException.class, use::run);
            assertEquals("plugins/empty-family", error.code());
            assertTrue(error.getMessage().contains("no optimizer plugin")
                    && error.getMessage().contains("org.dmftlab.core.spi.OptimizerProvider"), error.getMessage());
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "Square", "1loss", "-loss", "loss-", "two--hyphens", "snake_case", "with space"})
    void malformedOrBlankIdIsRejected(String id) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> PluginRegistry.builder().add(PluginFamily.LOSS, new FakeLoss(id), FIRST));
        assertEquals("plugins/malformed-id", error.code());
        String message = error.getMessage();
        assertTrue(message.contains("'" + id + "'") && message.contains(FakeLoss.class.getName())
                && message.contains("org.example.first@1.0"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "heavy-ball", "ar1", "smooth-hinge", "t2-level"})
    void wellFormedIdsAreAccepted(String id) {
        PluginRegistry registry = PluginRegistry.builder().add(PluginFamily.LOSS, new FakeLoss(id), FIRST).build();
        assertEquals(id, registry.find(PluginFamily.LOSS, id).id());
    }

    @Test
    void theContextOfAnExperimentFindsItsSchedulesInTheRegistry() {
        ScheduleProvider halving = new ScheduleProvider() {
            @Override
            public String id() {
                return "halving";
            }

            @Override
            public String description() {
                return "fake schedule for registry tests";
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Schedule create(PluginConfig config) {
                return (base, t, steps) -> base / 2;
            }
        };
        PluginRegistry registry = PluginRegistry.builder().add(PluginFamily.SCHEDULE, halving, FIRST).build();
        PluginContext context = registry.context(Path.of("/experiments"), 40);

        assertEquals(40, context.steps());
        ScheduleProvider found = context.schedules().find("halving");
        assertEquals("halving", found.id(), "the registry's guarded view of the provider");
        Schedule built = found.create(PluginConfig.of("halving", List.of(), Map.of(), context));
        assertEquals(0.25, built.value(0.5, 3, 40), "it builds through the provider");
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> context.schedules().find("cosine"));
        assertEquals("plugins/unknown-id", unknown.code());
        assertTrue(unknown.getMessage().contains("no schedule plugin has this id; known: halving"),
                unknown.getMessage());
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> PluginRegistry.builder().build()
                .context(Path.of("."), 1).schedules().find("constant"));
        assertEquals("plugins/empty-family", empty.code());
    }
}
