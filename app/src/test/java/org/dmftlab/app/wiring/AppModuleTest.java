package org.dmftlab.app.wiring;

import static org.dmftlab.app.TestExperiments.CONFIG_A;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmftlab.app.TestExperiments;
import org.dmftlab.app.cli.Main;
import org.dmftlab.app.plot.FigureSpec;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.app.plot.SummaryFigure;
import org.dmftlab.app.run.ExperimentRunner;
import org.dmftlab.app.sweep.SweepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Guice wiring: the standard parts compose, and a part replaced with Modules.override is the one used. */
class AppModuleTest {

    @TempDir
    Path dir;

    @Test
    void theStandardModuleBuildsTheRunnersOfRunAndSweep() {
        var injector = Guice.createInjector(new AppModule(null, new PrintWriter(new StringWriter()), "test"));

        assertTrue(injector.getInstance(ExperimentRunner.class) != null);
        assertTrue(injector.getInstance(SweepRunner.class) != null);
    }

    @Test
    void aFigureWriterBoundInAnOverridingModuleIsTheOneTheRunUses() throws IOException {
        List<FigureSpec> drawn = new ArrayList<>();
        byte[] marker = "not a png".getBytes(StandardCharsets.UTF_8);
        FigureWriter recording = (spec, out) -> {
            drawn.add(spec);
            out.write(marker);
        };
        Path out = dir.resolve("out");
        String file = TestExperiments.write(dir, "a.yaml", CONFIG_A).toString();

        int code = Main.execute(new String[] {"run", file, "--engine", "theory", "--out", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                module -> Modules.override(module).with(binder -> binder.bind(FigureWriter.class)
                        .toInstance(recording)));

        assertEquals(0, code);
        assertEquals(1, drawn.size());
        assertTrue(drawn.get(0).title().startsWith("config-a: sgd (learning-rate 0.1"), drawn.get(0).title());
        assertArrayEquals(marker, Files.readAllBytes(out.resolve("figure.png")));
    }

    @Test
    void aSummaryFigureWriterOverrideReachesTheSweep() throws IOException {
        List<SummaryFigure.Spec> drawn = new ArrayList<>();
        TestExperiments.write(dir, "a.yaml", CONFIG_A);
        String sweep = TestExperiments.write(dir, "s.yaml", "base: a.yaml\ngrid: {optimizer.id: [sgd, nesterov]}\n")
                .toString();

        int code = Main.execute(new String[] {"sweep", sweep, "--engine", "theory", "--out",
                dir.resolve("out").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                module -> Modules.override(module).with(binder -> binder.bind(SummaryFigure.Writer.class)
                        .toInstance((spec, out) -> drawn.add(spec))));

        assertEquals(0, code);
        assertEquals(2, drawn.size(), "drawn when the sweep starts and when it ends");
        SummaryFigure.Spec last = drawn.get(1);
        assertEquals(List.of("sgd", "nesterov"), last.categories(), "a textual x parameter: one tick each");
        assertEquals(1, last.curves().size(), "one theory curve");
        assertEquals(0, Files.size(dir.resolve("out").resolve("summary.png")));
    }
}
