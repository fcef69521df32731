package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.dmftlab.app.TestExperiments.dmftlab;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.dmftlab.app.plot.PhaseDiagram;
import org.dmftlab.app.plot.TrajectoryOverlay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmftlab sweep} on a tiny 2 × 2 grid (T = 5, d = 100): point folders, summary.csv against the points' own
 * tables, the summary plot, resume, independence of the thread count, and validation before anything runs.
 */
class SweepCommandTest {

    private static final String SWEEP = """
            name: tiny
            base: a.yaml
            grid:
              optimizer.learning-rate: [0.05, 0.1]
              optimizer.batch-fraction: [0.5, 1.0]
            """;
    private static final List<String> FOLDERS = List.of("learning-rate=0.05_batch-fraction=0.5",
            "learning-rate=0.05_batch-fraction=1.0", "learning-rate=0.1_batch-fraction=0.5",
            "learning-rate=0.1_batch-fraction=1.0");

    @TempDir
    Path dir;

    @Test
    void everyPointGetsItsFolderAndOneSummaryRowTakenFromItsTables() throws IOException {
        Path out = dir.resolve("out");

        Outcome outcome = sweep(out, "2");

        assertEquals(0, outcome.exitCode(), outcome.err());
        for (String folder : FOLDERS) {
            assertTrue(Files.isRegularFile(out.resolve(folder).resolve("run.json")), folder);
        }
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(1 + FOLDERS.size(), summary.size());
        List<String> header = List.of(summary.get(0).split(","));
        assertEquals(List.of("optimizer.learning-rate", "optimizer.batch-fraction", "folder", "status"),
                header.subList(0, 4));
        assertEquals(header.size(), new HashSet<>(header).size(), "unique columns");
        for (String column : List.of("theory_final_m", "theory_best_test_error", "simulation_final_q",
                "simulation_best_train_loss", "distance_test_error", "max_abs_difference_m")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        for (int p = 0; p < FOLDERS.size(); p++) {
            List<String> row = List.of(summary.get(1 + p).split(","));
            assertEquals(header.size(), row.size());
            assertEquals(FOLDERS.get(p), row.get(2));
            assertEquals("complete", row.get(3));
            Path point = out.resolve(FOLDERS.get(p));
            assertEquals(lastValue(point.resolve("theory.csv"), "test_error"),
                    row.get(header.indexOf("theory_final_test_error")));
            assertEquals(lastValue(point.resolve("simulation.csv"), "m"),
                    row.get(header.indexOf("simulation_final_m")));
            double best = Double.parseDouble(row.get(header.indexOf("theory_best_train_loss")));
            for (String value : column(point.resolve("theory.csv"), "train_loss")) {
                assertTrue(best <= Double.parseDouble(value), "best is the minimum over t");
            }
            assertTrue(column(point.resolve("theory.csv"), "train_loss").contains(Double.toString(best)));
            assertEquals(lastValue(point.resolve("comparison.csv"), "max_difference_over_error", "q"),
                    row.get(header.indexOf("distance_q")));
        }
        assertEquals("0.1", summary.get(4).split(",")[0]);
        assertEquals("1.0", summary.get(4).split(",")[1]);
    }

    @Test
    void aGridOfTwoKeysDrawsAPhaseDiagramOneHeatmapPerEngine() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, sweep(out, "2").exitCode());

        BufferedImage image = ImageIO.read(out.resolve("summary.png").toFile());

        assertEquals(2 * PhaseDiagram.PANEL_WIDTH, image.getWidth(), "theory and simulation side by side");
        assertEquals(2 * 14 + 2 * 28 + PhaseDiagram.PANEL_HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "curves, axes and text, not a blank image: " + colours.size());
    }

    @Test
    void divergedPointsAreMarkedWithTheirStepAndTheChosenValueIsSummarised() throws IOException {
        Path out = dir.resolve("diverging");
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path file = TestExperiments.write(dir, "phase.yaml", """
                name: phase
                base: a.yaml
                grid:
                  optimizer.learning-rate: [0.1, 30]
                  optimizer.batch-fraction: [0.5, 1.0]
                summary: {observable: m, step: 3}
                """);

        Outcome outcome = dmftlab("sweep", file.toString(), "--out", out.toString(), "--threads", "2");

        assertEquals(0, outcome.exitCode(), "a divergence is a result, not a failure: " + outcome.err());
        assertTrue(outcome.out().contains("0 failed, 2 diverged"), outcome.out());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(","));
        assertEquals(List.of("folder", "status", "reason", "diverged_at", "theory_m_at_3"), header.subList(2, 7));
        String complete = summary.get(1);
        assertTrue(complete.contains(",complete,,,"), complete);
        assertEquals(value(out.resolve("learning-rate=0.1_batch-fraction=0.5/theory.csv"), 3, "m"),
                complete.split(",")[header.indexOf("theory_m_at_3")]);
        Path folder = out.resolve("learning-rate=30_batch-fraction=0.5");
        JsonNode records = new ObjectMapper().readTree(folder.resolve("run.json").toFile()).path("diverged");
        assertEquals(List.of("theory", "simulation"), List.of(records.path(0).path("engine").asText(),
                records.path(1).path("engine").asText()), "each engine runs and records its divergence");
        int first = Math.min(records.path(0).path("step").asInt(), records.path(1).path("step").asInt());
        assertTrue(first >= 1 && first <= 5, records.toString());
        String reason = "theory diverged at step " + records.path(0).path("step").asInt() + " ("
                + records.path(0).path("observable").asText() + "); simulation diverged at step "
                + records.path(1).path("step").asInt() + " (" + records.path(1).path("observable").asText() + ")";
        assertEquals("30,0.5,learning-rate=30_batch-fraction=0.5,diverged," + reason + "," + first + ",NaN",
                summary.get(3).substring(0, summary.get(3).indexOf(",NaN") + 4));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("run.json"), files.map(path -> path.getFileName().toString()).toList(),
                    "no table of an engine that diverged");
        }
        BufferedImage image = ImageIO.read(out.resolve("summary.png").toFile());
        assertEquals(2 * PhaseDiagram.PANEL_WIDTH, image.getWidth(), "theory and simulation side by side");
    }

    @Test
    void aSweepOverOneKeyOverlaysEveryPointsTrajectoriesOnItsTimeAxis() throws IOException {
        Path out = dir.resolve("one-key");
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path file = TestExperiments.write(dir, "flow.yaml", """
                name: flow
                base: a.yaml
                set: {figure.time-unit: eta-t}
                grid:
                  optimizer.learning-rate: [0.05, 0.1, 0.2]
                """);

        Outcome oneKey = dmftlab("sweep", file.toString(), "--out", out.toString(), "--threads", "2", "--engine",
                "theory");
        Outcome twoKeys = sweep(dir.resolve("two-keys"), "2", "--engine", "theory");

        assertEquals(0, oneKey.exitCode(), oneKey.err());
        assertTrue(oneKey.out().contains("and trajectories.png (3 points, 0 failed)"), oneKey.out());
        BufferedImage image = ImageIO.read(out.resolve("trajectories.png").toFile());
        assertEquals(2 * TrajectoryOverlay.PANEL_WIDTH, image.getWidth());
        assertEquals(2 * 14 + 28 + 2 * TrajectoryOverlay.PANEL_HEIGHT, image.getHeight(), "m, q, train_loss, test_error");
        assertEquals(0, twoKeys.exitCode(), twoKeys.err());
        assertFalse(Files.exists(dir.resolve("two-keys").resolve("trajectories.png")), "only for one grid key");
    }

    @Test
    void aRerunSkipsCompletePointsAndRerunsAPointWithoutItsReport() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, sweep(out, "2", "--engine", "theory").exitCode());
        Path kept = out.resolve(FOLDERS.get(0)).resolve("run.json");
        Path removed = out.resolve(FOLDERS.get(1)).resolve("run.json");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(kept, old);
        Files.delete(removed);
        Files.setLastModifiedTime(out.resolve(FOLDERS.get(1)).resolve("theory.csv"), old);
        byte[] summaryBefore = Files.readAllBytes(out.resolve("summary.csv"));

        Outcome again = sweep(out, "2", "--engine", "theory");

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(old, Files.getLastModifiedTime(kept), "a complete point is not run again");
        assertTrue(again.out().contains("skipped (already complete): " + out.resolve(FOLDERS.get(0))), again.out());
        assertTrue(Files.isRegularFile(removed), "the incomplete point ran again");
        assertNotEquals(old, Files.getLastModifiedTime(out.resolve(FOLDERS.get(1)).resolve("theory.csv")));
        assertArrayEquals(summaryBefore, Files.readAllBytes(out.resolve("summary.csv")));
    }

    @Test
    void aPointWhoseRecordedConfigurationDiffersIsRunAgain() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, sweep(out, "2", "--engine", "theory").exitCode());

        Outcome changed = sweep(out, "2", "--engine", "theory", "--set", "theory.seed=4");

        assertEquals(0, changed.exitCode(), changed.err());
        assertFalse(changed.out().contains("skipped"), changed.out());
        assertTrue(Files.readString(out.resolve(FOLDERS.get(0)).resolve("run.json")).contains("\"seed\" : 4"));
    }

    @Test
    void theSummaryDoesNotDependOnTheThreadCount() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");

        assertEquals(0, sweep(one, "1").exitCode());
        assertEquals(0, sweep(two, "3").exitCode());

        assertArrayEquals(Files.readAllBytes(one.resolve("summary.csv")), Files.readAllBytes(two.resolve("summary.csv")));
    }

    @Test
    void anInvalidPointStopsTheSweepBeforeAnythingRuns() {
        Path out = dir.resolve("out");
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path file = TestExperiments.write(dir, "bad.yaml", """
                base: a.yaml
                grid: {optimizer.learning-rate: [0.1, 0.2], optimizer.momentum: [0.5]}
                """);

        Outcome outcome = dmftlab("sweep", file.toString(), "--out", out.toString());

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + file + " (grid point"), outcome.err());
        assertTrue(outcome.err().contains("[config/unknown-key] optimizer.momentum = 0.5"), outcome.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPointTheTheoryWouldRefuseStopsTheSweepBeforeAnythingRuns() {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path file = TestExperiments.write(dir, "ids.yaml", """
                base: a.yaml
                grid:
                  optimizer.id: [sgd, sign-sgd]
                """);
        Path out = dir.resolve("ids");

        Outcome outcome = dmftlab("sweep", file.toString(), "--out", out.toString(), "--engine", "theory",
                "--threads", "1");

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + file + " (grid point id=sign-sgd; base "), outcome.err());
        assertTrue(outcome.err().contains("[theory/nonlinear-rule] optimizer.id = sign-sgd: "), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertFalse(Files.exists(out), "not even the first point ran");
    }

    @Test
    void aPointWhoseDimensionTheSimulationWouldRefuseStopsTheSweepBeforeAnythingRuns() {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path file = TestExperiments.write(dir, "d.yaml", "base: a.yaml\ngrid: {simulation.dimension: [200, 1]}\n");
        Path out = dir.resolve("d");

        Outcome outcome = dmftlab("sweep", file.toString(), "--out", out.toString());

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("dmftlab: " + file + " (grid point dimension=1; base "), outcome.err());
        assertTrue(outcome.err().contains("simulation.dimension = 1: need 2 <= d"), outcome.err());
        assertFalse(Files.exists(out), "not even the first point ran");
    }

    private Outcome sweep(Path out, String threads, String... more) {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path file = TestExperiments.write(dir, "tiny.yaml", SWEEP);
        List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString(),
                "--threads", threads));
        args.addAll(List.of(more));
        return dmftlab(args.toArray(String[]::new));
    }

    /** The values of one column of a CSV table. */
    private static List<String> column(Path csv, String name) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int index = List.of(lines.get(0).split(",")).indexOf(name);
        return lines.stream().skip(1).map(line -> line.split(",")[index]).toList();
    }

    private static String lastValue(Path csv, String name) throws IOException {
        List<String> values = column(csv, name);
        return values.get(values.size() - 1);
    }

    /** The value in {@code name}'s column of the row whose first cell is {@code row}. */
    private static String lastValue(Path csv, String name, String row) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int index = List.of(lines.get(0).split(",")).indexOf(name);
        return lines.stream().filter(line -> line.startsWith(row + ",")).findFirst().orElseThrow().split(",")[index];
    }

    /** The value of a column at step t of a run table. */
    private static String value(Path table, int t, String name) throws IOException {
        List<String> rows = Files.readAllLines(table);
        return rows.get(1 + t).split(",")[List.of(rows.get(0).split(",")).indexOf(name)];
    }
}
