package org.dmftlab.app.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The sizes of experiment and sweep files that dmftlab reads: at most {@value #MAX_FILE_BYTES} bytes per file and
 * {@value #MAX_VALUE_CHARS} characters per key or value, the {@code --set} values included. The YAML parser needs
 * time quadratic in the length of a scalar (a 1 MB scalar takes seconds, a 50 MB one hours), so longer input is
 * refused before it is parsed; no experiment needs more (a path is at most 4096 bytes on Linux, and long lists such
 * as spectra are read from files by their plugins).
 */
public final class YamlLimits {

    /** The largest experiment or sweep file read: 256 KiB, a quarter of a second of parsing at worst. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** The longest key or value: the longest path Linux accepts. */
    public static final int MAX_VALUE_CHARS = 4096;
    /** How much of a refused value its message quotes. */
    private static final int QUOTED_CHARS = 40;

    private YamlLimits() {
    }

    /**
     * Reads a file as UTF-8 text, refusing one longer than {@value #MAX_FILE_BYTES} bytes before reading it.
     *
     * @throws InvalidInputException {@code config/too-large} for a larger file
     * @throws IOException           when it cannot be read
     */
    public static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new InvalidInputException(ConfigError.TOO_LARGE, null, null, "the file has " + size + " bytes;"
                    + " experiment and sweep files are read up to " + MAX_FILE_BYTES + " bytes (read long data such"
                    + " as spectra from a file through its plugin, e.g. spectrum-file)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * Refuses a text of more than {@value #MAX_VALUE_CHARS} characters before it is parsed (a {@code --set} value).
     *
     * @param key the key it is given for
     * @throws InvalidInputException {@code config/too-large} naming the key and the start of the value
     */
    public static void checkValue(String key, String text) {
        if (text.length() > MAX_VALUE_CHARS) {
            throw tooLong(key, text);
        }
    }

    /**
     * Refuses a parsed tree with a key or text value longer than {@value #MAX_VALUE_CHARS} characters.
     *
     * @throws InvalidInputException {@code config/too-large} naming the dotted key and the start of the value
     */
    public static void checkTree(JsonNode tree) {
        check("", tree);
    }

    private static void check(String key, JsonNode node) {
        if (node.isTextual()) {
            checkValue(key, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(key + "[" + i + "]", node.get(i));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.length() > MAX_VALUE_CHARS) {
                    throw tooLong(key.isEmpty() ? null : key, name);
                }
                check(key.isEmpty() ? name : key + "." + name, field.getValue());
            }
        }
    }

    private static InvalidInputException tooLong(String key, String text) {
        return new InvalidInputException(ConfigError.TOO_LARGE, key, text.substring(0, QUOTED_CHARS) + "…",
                "a key or value of " + text.length() + " characters; at most " + MAX_VALUE_CHARS + " are read");
    }
}
