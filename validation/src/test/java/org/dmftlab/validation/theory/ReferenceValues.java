package org.dmftlab.validation.theory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numeric arrays of a reference file under {@code reference/} (test resources): {@code "name": [...]}
 * flattened to its numbers in order (nested row arrays included). Enough JSON for these fixed files.
 */
final class ReferenceValues {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final String text;

    ReferenceValues(String file) {
        try (InputStream in = ReferenceValues.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + file);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbers of the array named {@code name}, flattened. */
    double[] array(String name) {
        int key = text.indexOf("\"" + name + "\"");
        if (key < 0) {
            throw new IllegalArgumentException("no array " + name);
        }
        int open = text.indexOf('[', key);
        int depth = 0;
        int end = open;
        do {
            char c = text.charAt(end++);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        } while (depth > 0);
        List<Double> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text.substring(open, end));
        while (matcher.find()) {
            numbers.add(Double.parseDouble(matcher.group()));
        }
        return numbers.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
