package org.dmftlab.validation.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.testkit.PluginContracts;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testkit's plugin contracts ({@link PluginContracts}: ids, parameters and their validation, and the checks
 * of each family, SPEC §1–§4) over every discovered provider, so a new plugin is tested with no new test; and the
 * discovery itself: every family has providers with distinct ids.
 */
class PluginContractTest {

    @TestFactory
    Stream<DynamicNode> everyDiscoveredPluginMeetsItsContract() {
        return PluginFamily.all().stream()
                .flatMap(family -> Plugins.REGISTRY.all(family).stream())
                .map(plugin -> PluginContracts.of(plugin, Contracts.values(plugin.provider())));
    }

    static Stream<PluginFamily<?>> families() {
        return PluginFamily.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void idsAreUniqueAmongTheServiceLoaderProviders(PluginFamily<?> family) {
        List<String> ids = ServiceLoader.load(family.service()).stream().map(p -> p.get().id()).toList();
        assertFalse(ids.isEmpty(), "no " + family + " provider on the class path");
        assertEquals(ids.size(), ids.stream().distinct().count(), () -> family + " ids " + ids);
    }
}
