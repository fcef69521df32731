package org.dmftlab.validation.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.dmftlab.core.problem.Experiment;
import org.dmftlab.core.problem.Problem;
import org.dmftlab.core.registry.PluginFamily;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.UpdateRule;
import org.dmftlab.validation.Plugins;

/** Experiments for the simulation tests, built from the real plugins or from the reference files. */
final class Cases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cases() {
    }

    /** A reference file of {@code src/test/resources/reference}. */
    static JsonNode reference(String name) {
        try (InputStream in = Cases.class.getResourceAsStream("/reference/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The experiment block of a reference file, built with the standard plugins. */
    static Experiment experiment(JsonNode reference) {
        JsonNode e = reference.get("experiment");
        JsonNode p = e.get("problem");
        Problem problem = new Problem(p.get("alpha").asDouble(), p.get("ridge").asDouble(),
                Plugins.create(PluginFamily.TEACHER, p.get("teacher").get("id").asText(), parameters(p.get("teacher"))),
                Plugins.create(PluginFamily.LOSS, p.get("loss").get("id").asText(), parameters(p.get("loss"))),
                Plugins.create(PluginFamily.COVARIANCE, p.get("covariance").get("id").asText(),
                        parameters(p.get("covariance"))),
                p.get("init").get("overlap").asDouble(), p.get("init").get("variance").asDouble());
        UpdateRule rule = Plugins.create(PluginFamily.OPTIMIZER, e.get("optimizer").get("id").asText(),
                parameters(e.get("optimizer")));
        return new Experiment(problem, rule, e.get("steps").asInt());
    }

    /** A plugin block's parameters: every key but {@code id}. */
    private static Map<String, Object> parameters(JsonNode block) {
        Map<String, Object> values = new HashMap<>();
        block.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("id")) {
                values.put(field.getKey(), field.getValue().isNumber() ? field.getValue().asDouble()
                        : field.getValue().asText());
            }
        });
        return values;
    }

    static Loss loss(String id) {
        return Plugins.create(PluginFamily.LOSS, id, Map.of());
    }

    static Teacher teacher(String id, Map<String, ?> values) {
        return Plugins.create(PluginFamily.TEACHER, id, values);
    }

    static Covariance identity() {
        return Plugins.create(PluginFamily.COVARIANCE, "identity", Map.of());
    }

    static UpdateRule optimizer(String id, Map<String, ?> values) {
        return Plugins.create(PluginFamily.OPTIMIZER, id, values);
    }
}
