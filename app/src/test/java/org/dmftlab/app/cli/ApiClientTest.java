package org.dmftlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmftlab.app.api.Experiment;
import org.junit.jupiter.api.Test;

/**
 * The command line is a client of the Java API ({@code org.dmftlab.app.api}), so that the two cannot drift: read
 * from the compiled classes (every type a class refers to is named in its constant pool), {@code dmftlab run} reaches
 * experiments only through the API, and no command reaches the runner or the engines directly.
 */
class ApiClientTest {

    /**
     * What no class of the command line may refer to: the runner and its launched units, the reading of experiments,
     * checkpoints, the engines.
     */
    private static final List<String> BEHIND_THE_API = List.of("org/dmftlab/app/run/ExperimentRunner",
            "org/dmftlab/app/run/UnitTasks", "org/dmftlab/app/experiment/ExperimentReader",
            "org/dmftlab/app/experiment/ExperimentPlan", "org/dmftlab/app/output/Checkpoint",
            "org/dmftlab/core/theory/", "org/dmftlab/core/simulation/",
            "org/dmftlab/core/dynamics/");

    /**
     * The dmftlab types {@code RunCommand} may use besides the API, the command line's own package, the error codes
     * and the exceptions of {@code core.spi}: the syntax of {@code --set} and of its {@code launcher.…} keys, the
     * engines' names for {@code --engine}, the record of the folder {@code runs/NAME} holds (whether another file
     * wrote it), and the progress the API reports to.
     */
    private static final Set<String> RUN_ALSO_USES = Set.of("org/dmftlab/app/experiment/KeyOverride",
            "org/dmftlab/app/experiment/Engine", "org/dmftlab/app/launch/LauncherChoice",
            "org/dmftlab/app/output/PublishedRun", "org/dmftlab/core/problem/Progress");

    private static final Pattern DMFTLAB_TYPE = Pattern.compile("org/dmftlab/[A-Za-z0-9_/$]+");

    @Test
    void runReachesExperimentsOnlyThroughTheApi() throws IOException, URISyntaxException {
        Set<String> used = new TreeSet<>();
        for (Path type : classes("RunCommand")) {
            used.addAll(referencedTypes(type));
        }
        assertTrue(used.contains("org/dmftlab/app/api/Dmftlab") && used.contains("org/dmftlab/app/api/Experiment"),
                "run goes through Dmftlab and Experiment: " + used);
        List<String> others = used.stream().filter(type -> !type.startsWith("org/dmftlab/app/api/")
                && !type.startsWith("org/dmftlab/app/cli/") && !type.startsWith("org/dmftlab/app/errors/")
                && !type.startsWith("org/dmftlab/core/spi/") && !RUN_ALSO_USES.contains(type)).toList();
        assertEquals(List.of(), others, "RunCommand uses dmftlab types other than the API's");
    }

    @Test
    void noCommandReachesTheRunnerOrTheEnginesDirectly() throws IOException, URISyntaxException {
        for (Path type : classes("")) {
            for (String used : referencedTypes(type)) {
                for (String hidden : BEHIND_THE_API) {
                    assertFalse(used.startsWith(hidden), type.getFileName() + " refers to " + used
                            + ", which the command line reaches through org.dmftlab.app.api");
                }
            }
        }
    }

    @Test
    void theScanSeesWhatAClassRefersTo() throws IOException, URISyntaxException {
        Path experiment = folder(Experiment.class).resolve("org/dmftlab/app/api/Experiment.class");

        Set<String> used = referencedTypes(experiment);

        assertTrue(used.contains("org/dmftlab/app/run/ExperimentRunner"), used.toString());
        assertTrue(used.contains("org/dmftlab/app/output/OutputFolder"), used.toString());
        assertFalse(used.contains("org/dmftlab/app/api/Experiment$1"), "nested types are folded into their outer");
    }

    /** The compiled classes of the command line whose names start with {@code prefix}, nested ones included. */
    private static List<Path> classes(String prefix) throws IOException, URISyntaxException {
        Path cli = folder(Main.class).resolve("org/dmftlab/app/cli");
        try (Stream<Path> files = Files.list(cli)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.getFileName().toString().endsWith(".class")).sorted().toList();
            assertFalse(found.isEmpty(), "no compiled class " + prefix + "* in " + cli);
            return found;
        }
    }

    private static Path folder(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * The dmftlab types a class file names ({@code org/dmftlab/…}, nested types as {@code Outer$Inner} folded into
     * {@code Outer}): its constant pool holds, in modified UTF-8 (ASCII for these names), every class, field and
     * method descriptor it refers to.
     */
    private static Set<String> referencedTypes(Path classFile) throws IOException {
        String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        Set<String> types = new TreeSet<>();
        Matcher matcher = DMFTLAB_TYPE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            int nested = name.indexOf('$');
            types.add(nested < 0 ? name : name.substring(0, nested));
        }
        return types;
    }
}
