package org.dmftlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * experiments only through the API, no command reaches the runner or the engines directly, and neither does
 * {@code dmftlab sweep}'s package: its points are loaded, estimated and run through the API.
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

    /**
     * What no class of the sweep ({@code org.dmftlab.app.sweep}) may refer to: the runner and its parts (its
     * pre-flight, warnings and choice on divergence, which the API's {@code Estimate} and {@code keepingDivergence}
     * give), checkpoints, the engines. It still reads each point's plan for the time axis of its figures.
     */
    private static final List<String> BEHIND_THE_API_FOR_SWEEP = List.of("org/dmftlab/app/run/",
            "org/dmftlab/app/output/Checkpoint", "org/dmftlab/core/theory/", "org/dmftlab/core/simulation/",
            "org/dmftlab/core/dynamics/");

    private static final Pattern DMFTLAB_TYPE = Pattern.compile("org/dmftlab/[A-Za-z0-9_/$]+");

    @Test
    void runReachesExperimentsOnlyThroughTheApi() throws IOException, URISyntaxException {
        Set<String> used = new TreeSet<>();
        for (Path type : classes("cli", "RunCommand")) {
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
        assertEquals(List.of(), hidden(classes("cli", ""), BEHIND_THE_API),
                "the command line reaches these through org.dmftlab.app.api");
    }

    @Test
    void theSweepReachesTheRunnerAndTheEnginesOnlyThroughTheApi() throws IOException, URISyntaxException {
        List<Path> sweep = classes("sweep", "");
        Set<String> used = new TreeSet<>();
        for (Path type : sweep) {
            used.addAll(referencedTypes(type));
        }
        assertTrue(used.containsAll(List.of("org/dmftlab/app/api/Dmftlab", "org/dmftlab/app/api/Experiment",
                "org/dmftlab/app/api/Estimate")), "the sweep goes through Dmftlab, Experiment and Estimate: " + used);
        assertEquals(List.of(), hidden(sweep, BEHIND_THE_API_FOR_SWEEP),
                "the sweep reaches these through org.dmftlab.app.api");
    }

    @Test
    void aReferenceBehindTheApiIsFound() throws IOException, URISyntaxException {
        Path experiment = folder(Experiment.class).resolve("org/dmftlab/app/api/Experiment.class");

        assertTrue(hidden(List.of(experiment), BEHIND_THE_API_FOR_SWEEP)
                .contains("Experiment.class refers to org/dmftlab/app/run/ExperimentRunner"));
    }

    /** Each reference of a class to a type under one of the {@code hidden} prefixes, as a line. */
    private static List<String> hidden(List<Path> classes, List<String> hidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path type : classes) {
            for (String used : referencedTypes(type)) {
                if (hidden.stream().anyMatch(used::startsWith)) {
                    found.add(type.getFileName() + " refers to " + used);
                }
            }
        }
        return found;
    }

    @Test
    void theScanSeesWhatAClassRefersTo() throws IOException, URISyntaxException {
        Path experiment = folder(Experiment.class).resolve("org/dmftlab/app/api/Experiment.class");

        Set<String> used = referencedTypes(experiment);

        assertTrue(used.contains("org/dmftlab/app/run/ExperimentRunner"), used.toString());
        assertTrue(used.contains("org/dmftlab/app/output/OutputFolder"), used.toString());
        assertFalse(used.contains("org/dmftlab/app/api/Experiment$1"), "nested types are folded into their outer");
    }

    /**
     * The compiled classes of the package {@code org.dmftlab.app.PACKAGE} whose names start with {@code prefix},
     * nested ones included.
     */
    private static List<Path> classes(String appPackage, String prefix) throws IOException, URISyntaxException {
        Path folder = folder(Main.class).resolve("org/dmftlab/app/" + appPackage);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.getFileName().toString().endsWith(".class")).sorted().toList();
            assertFalse(found.isEmpty(), "no compiled class " + prefix + "* in " + folder);
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
