package org.dmftlab.app.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The names of experiments and sweeps, which name their default output folder ({@code runs/NAME}): letters of any
 * script (α, 実, é), digits, '.', '_' and '-', starting with a letter or digit, at most {@value #MAX_BYTES}
 * bytes in UTF-8, in Unicode normal form C (so that "é" typed two ways is one folder). A file without {@code name:} is
 * named from its file name: every run of other characters (spaces, punctuation) becomes one '-', so
 * {@code "my exp.yaml"} is {@code my-exp} and {@code "résumé.yaml"} is {@code résumé}.
 */
public final class RunName {

    /**
     * Longer names are refused: file systems allow 255 bytes per folder name, and the staging folder beside the
     * output ({@code .NAME.staging-PID}) adds to it.
     */
    public static final int MAX_BYTES = 200;
    private static final Pattern RULE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}._-]*");
    private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{M}\\p{N}._-]+");
    private static final Pattern LEADING = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING = Pattern.compile("[-.]+$");

    private RunName() {
    }

    /**
     * The name of an experiment or sweep file.
     *
     * @param given    the file's {@code name:} value, or null when it has none
     * @param file     the file, whose name without its extension is the default
     * @param fallback the name when the file name has no letter or digit at all (such as {@code experiment})
     * @throws InvalidInputException {@code config/out-of-range} for a given name that breaks the rule, naming the key
     *                               {@code name}
     */
    public static String of(String given, Path file, String fallback) {
        if (given != null) {
            String name = Normalizer.normalize(given, Normalizer.Form.NFC);
            if (!RULE.matcher(name).matches() || bytes(name) > MAX_BYTES) {
                throw new InvalidInputException(ConfigError.OUT_OF_RANGE, "name", given, "must be usable as a folder"
                        + " name: letters (of any script), digits, '.', '_' and '-', starting with a letter or digit,"
                        + " at most " + MAX_BYTES + " bytes in UTF-8");
            }
            return name;
        }
        String fileName = Normalizer.normalize(file.getFileName().toString(), Normalizer.Form.NFC);
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = TRAILING.matcher(LEADING.matcher(OTHER.matcher(stem).replaceAll("-")).replaceFirst(""))
                .replaceFirst("");
        while (bytes(name) > MAX_BYTES) {
            name = TRAILING.matcher(name.substring(0, name.offsetByCodePoints(name.length(), -1))).replaceFirst("");
        }
        return name.isEmpty() ? fallback : name;
    }

    private static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }
}
