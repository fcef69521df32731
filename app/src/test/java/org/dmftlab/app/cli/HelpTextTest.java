package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dmftlab.app.TestExperiments.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code --help} texts read well at picocli's default width of 80 columns. */
class HelpTextTest {

    @Test
    void everyCommandIsSummarisedByOneCompleteSentence() {
        Outcome help = dmftlab("--help");

        assertEquals(0, help.exitCode(), help.err());
        List<String> lines = help.out().lines().toList();
        List<String> commands = lines.subList(lines.indexOf("Commands:") + 1, lines.size());
        for (String command : List.of("run", "sweep", "plugins")) {
            String summary = commands.stream().filter(line -> line.startsWith("  " + command + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(command + " is not listed:\n" + help.out()));
            assertTrue(summary.endsWith("."), "a complete sentence on one line: " + summary);
            assertFalse(commands.get(commands.indexOf(summary) + 1).startsWith("     "),
                    "no continuation line after " + summary);
        }
    }

    /** A lone '%' in a description is a format error: picocli warns on the terminal and prints the text raw. */
    @ParameterizedTest
    @ValueSource(strings = {"", "run", "sweep", "plugins"})
    @ResourceLock(Resources.SYSTEM_ERR)
    void everyDescriptionFormatsWithoutAWarning(String command) {
        PrintStream terminal = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Outcome help;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            help = command.isEmpty() ? dmftlab("--help") : dmftlab(command, "--help");
        } finally {
            System.setErr(terminal);
        }

        assertEquals(0, help.exitCode(), help.err());
        assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("picocli WARN"),
                warnings.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "sweep", "plugins"})
    void noWordIsBrokenAfterAPeriod(String command) {
        Outcome help = command.isEmpty() ? dmftlab("--help") : dmftlab(command, "--help");

        assertEquals(0, help.exitCode(), help.err());
        assertFalse(help.out().contains("e.g."), "write 'for example':\n" + help.out());
        List<String> lines = help.out().lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String next = lines.get(i + 1).strip();
            // picocli may break after a period: "run." then "json" on the next line (a continuation, not a new
            // entry of the command list, which starts in column 3).
            boolean broken = lines.get(i).matches(".*\\w\\.") && !next.isEmpty()
                    && Character.isLowerCase(next.charAt(0)) && !lines.get(i + 1).matches(" {2}\\S.*");
            assertFalse(broken, "broken word at line " + (i + 1) + ":\n" + lines.get(i) + "\n" + lines.get(i + 1));
        }
    }
}
