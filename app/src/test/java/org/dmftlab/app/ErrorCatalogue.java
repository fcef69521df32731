package org.dmftlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmftlab.core.spi.ErrorCode;

/**
 * The error-code catalogue read from the repository's sources: every constant {@code NAME("area/what")} of a class that
 * {@code implements ErrorCode}, in every module (plugins included, whose catalogues are not exported).
 */
public final class ErrorCatalogue {

    /** The reactor's folder. */
    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** A catalogue constant: {@code NAME("area/what")}. */
    private static final Pattern CONSTANT = Pattern.compile("^\\s+([A-Z][A-Z_]*)\\(\"(" + ErrorCode.PATTERN
            + ")\"\\)[,;]", Pattern.MULTILINE);

    private ErrorCatalogue() {
    }

    /** Every code of every catalogue of the reactor's main sources. */
    public static List<String> codes() {
        return List.copyOf(new TreeSet<>(constants(mainSources()).values()));
    }

    /** The catalogue constants of these sources, {@code Enum.CONSTANT} → code. */
    public static Map<String, String> constants(List<Path> sources) {
        Map<String, String> constants = new TreeMap<>();
        for (Path source : sources) {
            String text = read(source);
            if (!text.contains("implements ErrorCode")) {
                continue;
            }
            String type = source.getFileName().toString().replace(".java", "");
            Matcher constant = CONSTANT.matcher(text);
            while (constant.find()) {
                assertFalse(constants.containsValue(constant.group(2)), "code " + constant.group(2) + " defined twice");
                constants.put(type + "." + constant.group(1), constant.group(2));
            }
        }
        return constants;
    }

    /** Every main Java source of the reactor's modules. */
    public static List<Path> mainSources() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> sources = new ArrayList<>();
            for (Path main : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
            return sources;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
