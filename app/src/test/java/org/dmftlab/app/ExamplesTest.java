package org.dmftlab.app;

import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dmftlab.app.TestExperiments.Outcome;
import org.dmftlab.app.experiment.ExperimentReader;
import org.dmftlab.app.plot.TimeAxis;
import org.dmftlab.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code examples/} (found by listing the folder, so a new example is tested without editing this
 * class) parses and runs at a reduced size: experiment files with {@code dmftlab run}, sweep files (those with a
 * {@code grid:} key) with {@code dmftlab sweep}.
 */
class ExamplesTest {

    /** The examples folder of the project; surefire runs in the module's folder. */
    private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples");
    private static final List<String> REDUCED = List.of("--set", "steps=3", "--set", "theory.paths=400",
            "--set", "simulation.dimension=80", "--set", "simulation.seeds=2", "--threads", "2");

    @TempDir
    Path dir;

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            List<Path> files = listing.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void runsAtAReducedSize(Path example) throws IOException {
        JsonNode tree = new YAMLMapper().readTree(example.toFile());
        boolean sweep = tree.has("grid");
        Path out = dir.resolve("out");
        List<String> args = Stream.concat(Stream.of(sweep ? "sweep" : "run", example.toString(), "--out",
                out.toString()), REDUCED.stream()).toList();

        Outcome outcome = dmftlab(args.toArray(String[]::new));

        assertEquals(0, outcome.exitCode(), example + ": " + outcome.err());
        assertTrue(Files.isRegularFile(out.resolve(sweep ? "summary.csv" : "run.json")), example.toString());
    }

    @Test
    void theFolderHoldsTheDocumentedExamplesAndThePaperFigureUsesALogTimeAxis() throws IOException {
        List<String> names = examples().map(path -> path.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("paper-figure.yaml", "sgd-batch.yaml", "momentum.yaml",
                "momentum-sweep.yaml", "logistic-anisotropic.yaml", "sweep-batch.yaml", "cosine-warmup.yaml",
                "two-time.yaml", "gradient-flow.yaml", "phase-diagram.yaml")),
                names.toString());
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        for (String name : names) {
            assertTrue(readme.contains(name), "examples/README.md explains " + name);
        }

        TimeAxis axis = new ExperimentReader(PluginRegistry.discover())
                .read(EXAMPLES.resolve("paper-figure.yaml"), List.of(), 1).figure().timeAxis();

        assertEquals(TimeAxis.LOG, axis);
    }
}
