package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/java-api} as its README says to use it: a separate Maven project that depends on this reactor's
 * artifacts ({@link ExampleProject}: a throwaway repository, nothing of the host's touched), run on the module path.
 * It builds an experiment in code with a loss written as lambdas, scans the learning rate with a stopping rule of its
 * own, and writes the standard output folder of the best rate, with both engines.
 */
class JavaApiExampleIT {

    /** The program: two dozen small theory solves and one run of both engines. */
    private static final long RUN_TIMEOUT_SECONDS = 300;
    /** Besides the core and the plugins: the app, whose API the program uses. */
    private static final Map<String, String> ARTIFACTS = Map.of("app", "dmftlab-app");

    @TempDir
    Path scratch;

    @Test
    void theProgramScansStopsByItsOwnRuleAndWritesTheOutputFolder() throws IOException, InterruptedException {
        ExampleProject example = ExampleProject.copy("java-api", scratch);
        example.build(scratch, ARTIFACTS, "package");
        Path out = scratch.resolve("runs/lr-scan");
        Path log = scratch.resolve("program.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Dguice_bytecode_gen_option=DISABLED", "-Djava.awt.headless=true",
                "--module-path", "target/modules" + File.pathSeparator + "target/classes",
                "--module", "org.example.lab/org.example.lab.LearningRateScan", out.toString()));
        Process program = new ProcessBuilder(command).directory(example.folder().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!program.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            program.destroyForcibly();
            throw new AssertionError("the program did not finish in " + RUN_TIMEOUT_SECONDS + " s:\n"
                    + ExampleProject.read(log));
        }
        String output = ExampleProject.read(log);
        assertEquals(0, program.exitValue(), output);

        List<String> scanned = output.lines().filter(line -> line.startsWith("learning-rate ")).toList();
        assertTrue(scanned.size() >= 2, "scanned several rates: " + output);
        assertTrue(output.contains("stopped: "), "its own rule stopped the scan: " + output);
        for (String file : List.of("theory.csv", "simulation.csv", "comparison.csv", "figure.png", "run.json")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " in " + out);
        }
        String report = Files.readString(out.resolve("run.json"));
        assertTrue(report.contains("\"id\" : \"pseudo-huber\""), "the loss written in code ran: " + report);
        assertTrue(report.contains("\"experiment-file\" : null"), "built in code, not read from a file");
        assertFalse(output.contains("Exception"), output);
    }
}
