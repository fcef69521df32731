package org.dmftlab.app.experiment;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The YAML layer of experiment files: text → tree (with {@code --set} overrides applied) → {@link ExperimentDocument}.
 * Every Jackson error becomes an {@link InvalidInputException} that names the dotted key, the value as written and
 * what is allowed: {@code config/yaml-syntax} (with line and column), {@code config/duplicate-key},
 * {@code config/unknown-key} (listing the keys allowed there) and {@code config/wrong-type}. Values are bound
 * strictly: no float to integer truncation, no boolean to number.
 */
final class ExperimentYaml {

    /** Jackson's message for a repeated key (with {@link DeserializationFeature#FAIL_ON_READING_DUP_TREE_KEY}). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private final ObjectMapper mapper = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /**
     * Parses YAML text into a tree; an empty document is an empty mapping.
     *
     * @throws InvalidInputException {@code config/yaml-syntax}, {@code config/duplicate-key}, or
     *                               {@code config/wrong-type} when the document is not a mapping
     */
    ObjectNode parse(String text) {
        JsonNode tree = readTree(text);
        if (tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject()) {
            throw new InvalidInputException(ConfigError.WRONG_TYPE, null, null, "the file must be a mapping of keys"
                    + " (name, problem, optimizer, steps, theory, simulation, figure, checkpoint), not a "
                    + describe(tree));
        }
        return (ObjectNode) tree;
    }

    /** Parses one value written in YAML (a scalar or a flow block such as {@code {id: sgd}}); empty is null. */
    JsonNode parseValue(String text) {
        JsonNode value = readTree(text);
        return value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value;
    }

    /** Binds a tree to the document records; the tree is not modified. */
    ExperimentDocument bind(ObjectNode tree) {
        try {
            return mapper.treeToValue(tree, ExperimentDocument.class);
        } catch (UnrecognizedPropertyException unknown) {
            List<String> path = path(unknown);
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            throw new InvalidInputException(ConfigError.UNKNOWN_KEY, String.join(".", path), valueAt(tree, path),
                    "unknown key; allowed here: " + known);
        } catch (JsonMappingException mismatch) {
            List<String> path = path(mismatch);
            Class<?> target = mismatch instanceof MismatchedInputException typed ? typed.getTargetType() : null;
            String detail = target == null ? oneLine(mismatch.getOriginalMessage()) : "expected " + expected(target);
            throw new InvalidInputException(ConfigError.WRONG_TYPE, path.isEmpty() ? null : String.join(".", path),
                    valueAt(tree, path), detail);
        } catch (JacksonException other) {
            throw new InvalidInputException(ConfigError.WRONG_TYPE, null, null, oneLine(other.getOriginalMessage()));
        }
    }

    private JsonNode readTree(String text) {
        try {
            return mapper.readTree(text);
        } catch (JacksonException broken) {
            String where = where(broken.getLocation());
            String message = oneLine(broken.getOriginalMessage());
            Matcher duplicate = DUPLICATE.matcher(message);
            if (duplicate.lookingAt()) {
                throw new InvalidInputException(ConfigError.DUPLICATE_KEY, null, null,
                        where + "the key '" + duplicate.group(1) + "' appears twice in the same block; keep one");
            }
            throw new InvalidInputException(ConfigError.YAML_SYNTAX, null, null, where + "not valid YAML: " + message);
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /**
     * A parser message on one line: SnakeYAML repeats the offending line with a caret under it and adds
     * "in 'reader', line …" marks; keep only the sentences.
     */
    private static String oneLine(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }

    private static List<String> path(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .toList();
    }

    /** The value at a path as written (a scalar's text, or the block in flow form), or null if absent. */
    private static String valueAt(JsonNode tree, List<String> path) {
        JsonNode node = tree;
        for (String key : path) {
            node = node.path(key);
        }
        if (node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String expected(Class<?> target) {
        if (target == Double.class) {
            return "a real number";
        }
        if (target == Integer.class || target == Long.class) {
            return "an integer (no decimal point) within range";
        }
        if (target == String.class) {
            return "a text value";
        }
        if (target == Boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(target)) {
            return "a plugin block {id: <plugin id>, <parameter>: <value>, …}";
        }
        if (target == ExperimentDocument.class) {
            return "a mapping of keys (name, problem, optimizer, steps, theory, simulation, figure, checkpoint)";
        }
        return "a block of keys";
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "list" : "single value '" + node.asText() + "'";
    }
}
