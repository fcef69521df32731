package org.dmftlab.app.cli;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.TestExperiments.Outcome;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.app.plot.SummaryFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's record of its points (issue 12, defect 6): a point counts as complete only when its files are whole
 * (their SHA-256 match run.json), the summary is rewritten from the folders when a sweep starts (a killed re-run
 * never leaves a summary listing points as complete that hold other settings now), its columns do not depend on
 * which points ran, and diverged points are listed with the engine, step and observable their run.json records and
 * marked in the figure.
 */
class SweepSummaryTest {

    private static final String SWEEP = """
            name: tiny
            base: a.yaml
            grid:
              optimizer.learning-rate: [0.05, 0.1]
            """;
    private static final List<String> FOLDERS = List.of("learning-rate=0.05", "learning-rate=0.1");

    @TempDir
    Path dir;

    @Test
    void aPointWithAMissingOrChangedFileIsRunAgain() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, sweep(out, SWEEP).exitCode());
        Path first = out.resolve(FOLDERS.get(0));
        Path second = out.resolve(FOLDERS.get(1));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first.resolve("run.json"), old);
        Files.setLastModifiedTime(second.resolve("run.json"), old);
        Files.delete(first.resolve("theory.csv"));
        Files.write(second.resolve("figure.png"), new byte[] {1, 2, 3});

        Outcome again = sweep(out, SWEEP);

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isRegularFile(first.resolve("theory.csv")), "the point missing a table ran again");
        assertNotEquals(old, Files.getLastModifiedTime(first.resolve("run.json")));
        assertNotEquals(old, Files.getLastModifiedTime(second.resolve("run.json")), "and the one with a broken figure");
    }

    @Test
    void aKilledRerunLeavesASummaryThatListsNoPointAsCompleteWithOtherSettings() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, sweep(out, SWEEP).exitCode());
        assertTrue(Files.readString(out.resolve("summary.csv")).contains(",complete,"));
        FigureWriter dying = (spec, png) -> {
            throw new Killed();
        };

        assertThrows(Killed.class, () -> sweep(out, SWEEP, module -> Modules.override(module)
                .with(binder -> binder.bind(FigureWriter.class).toInstance(dying)), "--set", "theory.seed=4"));

        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(1 + FOLDERS.size(), rows.size());
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.contains(",pending,"), "the points hold seed 3, the sweep asked for seed 4: " + row);
            assertTrue(row.endsWith(",NaN"), row);
        }
    }

    @Test
    void divergedPointsAreListedWithTheirReasonAndStepUnderTheSameColumnsAndMarkedInTheFigure() throws IOException {
        Path ok = dir.resolve("ok");
        Path failing = dir.resolve("failing");
        Path allFailing = dir.resolve("all-failing");
        assertEquals(0, sweep(ok, SWEEP, "--set", "steps=60").exitCode());
        List<SummaryFigure.Spec> drawn = new ArrayList<>();
        UnaryOperator<Module> recording = module -> Modules.override(module).with(binder -> binder
                .bind(SummaryFigure.Writer.class).toInstance((spec, png) -> drawn.add(spec)));

        Outcome one = sweep(failing, SWEEP.replace("0.1]", "1.0]"), recording, "--set", "steps=60");
        Outcome both = sweep(allFailing, SWEEP.replace("[0.05, 0.1]", "[1.0, 2.0]"), "--set", "steps=60");

        assertEquals(0, one.exitCode(), "a divergence is a result of the sweep, not a failure: " + one.err());
        assertEquals(0, both.exitCode(), both.err());
        String header = Files.readAllLines(ok.resolve("summary.csv")).get(0);
        assertTrue(header.startsWith("optimizer.learning-rate,folder,status,reason,diverged_at,theory_final_m,"),
                header);
        assertEquals(header, Files.readAllLines(failing.resolve("summary.csv")).get(0));
        assertEquals(header, Files.readAllLines(allFailing.resolve("summary.csv")).get(0));
        String divergedRow = Files.readAllLines(failing.resolve("summary.csv")).get(2);
        Matcher row = Pattern.compile("1\\.0,learning-rate=1\\.0,diverged,"
                + "theory diverged at step (\\d+) \\((\\w+)\\),\\1,NaN,.*").matcher(divergedRow);
        assertTrue(row.matches(), "the engine, step and observable, then the step in diverged_at: " + divergedRow);
        JsonNode record = new ObjectMapper().readTree(failing.resolve("learning-rate=1.0/run.json").toFile())
                .path("diverged").path(0);
        assertEquals("theory", record.path("engine").asText());
        assertEquals(row.group(1), record.path("step").asText(), "the point's run.json holds the record");
        assertEquals(row.group(2), record.path("observable").asText());
        assertEquals(List.of(1.0), drawn.get(drawn.size() - 1).failed(), "the diverged point is marked");
        assertTrue(one.out().contains("(2 points, 0 failed, 1 diverged)"), one.out());
    }

    @Test
    void aDivergedPointIsAPublishedResultThatAResumedSweepSkipsAndSummarisesFromItsRecord() throws IOException {
        Path out = dir.resolve("out");
        String diverging = SWEEP.replace("0.1]", "1.0]");
        assertEquals(0, sweep(out, diverging, "--set", "steps=60").exitCode());
        Path report = out.resolve("learning-rate=1.0/run.json");
        String json = Files.readString(report);
        Matcher step = Pattern.compile("\"step\" : (\\d+)").matcher(json);
        assertTrue(step.find(), json);
        Files.writeString(report, step.replaceFirst("\"step\" : 44"));

        Outcome again = sweep(out, diverging, "--set", "steps=60");

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("skipped (already diverged): " + out.resolve("learning-rate=1.0")),
                again.out());
        String row = Files.readAllLines(out.resolve("summary.csv")).get(2);
        assertTrue(row.startsWith("1.0,learning-rate=1.0,diverged,theory diverged at step 44 ("), row);
        assertTrue(row.contains("),44,"), "diverged_at comes from the record, never from a message: " + row);
    }

    /** Stands for the process being killed: nothing after it runs. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    private Outcome sweep(Path out, String sweep, String... more) {
        return sweep(out, sweep, UnaryOperator.identity(), more);
    }

    private Outcome sweep(Path out, String sweep, UnaryOperator<Module> wiring, String... more) {
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        Path file = TestExperiments.write(dir, "tiny.yaml", sweep);
        List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString(), "--engine",
                "theory", "--threads", "1"));
        args.addAll(List.of(more));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true),
                new PrintWriter(stderr, true), wiring);
        return new Outcome(code, stdout.toString(), stderr.toString());
    }
}
