package org.dmftlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmftlab.core.spi.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The error-code catalogue against the documentation, read from the repository's sources: every code is a constant of
 * a catalogue enum (a class that {@code implements ErrorCode}) and is written nowhere else as text, every constant is
 * used, and the catalogues hold exactly the codes of the tables in README.md and docs/plugin-guide.md.
 */
class ErrorCodesDocumentedTest {

    private static final Path ROOT = ErrorCatalogue.ROOT;
    private static final List<Path> DOCUMENTS = List.of(ROOT.resolve("README.md"),
            ROOT.resolve("docs/plugin-guide.md"));
    /** A documented code: the first cell of a table row, {@code | `area/what` |}. */
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(" + ErrorCode.PATTERN + ")` \\|",
            Pattern.MULTILINE);
    /** A string literal. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");
    /** A code written as text in a literal: the whole literal, or in brackets as in messages. */
    private static final Pattern CODE_TEXT = Pattern.compile("^\"(" + ErrorCode.PATTERN + ")\"$|\\[("
            + ErrorCode.PATTERN + ")\\]");
    /** A block or Javadoc comment. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void everyCodeIsACatalogueConstantThatIsUsedAndDocumented() {
        List<Path> sources = ErrorCatalogue.mainSources();
        Map<String, String> constants = ErrorCatalogue.constants(sources);
        assertTrue(constants.size() > 40, "found the catalogues: " + constants.keySet());

        List<String> problems = new ArrayList<>();
        StringBuilder everyUse = new StringBuilder();
        for (Path source : sources) {
            String text = read(source);
            if (text.contains("implements ErrorCode")) {
                continue;
            }
            everyUse.append(text);
            Matcher literal = LITERAL.matcher(COMMENT.matcher(text).replaceAll(""));
            while (literal.find()) {
                Matcher code = CODE_TEXT.matcher(literal.group());
                while (code.find()) {
                    problems.add(ROOT.relativize(source) + " writes the code " + code.group()
                            + " as text: use its catalogue constant");
                }
            }
        }
        for (String constant : constants.keySet()) {
            if (!Pattern.compile("\\b" + Pattern.quote(constant) + "\\b").matcher(everyUse).find()) {
                problems.add(constant + " is never used");
            }
        }
        Set<String> documented = documented();
        Set<String> defined = new TreeSet<>(constants.values());
        for (String code : defined) {
            if (!documented.contains(code)) {
                problems.add(code + " is not in the tables of README.md or docs/plugin-guide.md");
            }
        }
        for (String code : documented) {
            if (!defined.contains(code)) {
                problems.add(code + " is documented but no catalogue defines it");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The codes in the first column of the documents' tables. */
    private static Set<String> documented() {
        Set<String> codes = new TreeSet<>();
        for (Path document : DOCUMENTS) {
            Matcher row = DOCUMENTED.matcher(read(document));
            while (row.find()) {
                codes.add(row.group(1));
            }
        }
        return codes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
