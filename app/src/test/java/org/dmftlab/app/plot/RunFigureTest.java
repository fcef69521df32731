package org.dmftlab.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunFigureTest {

    private static Trajectory decaying(int steps, double offset) {
        Trajectory trajectory = new Trajectory(steps);
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= steps; t++) {
                trajectory.set(observable, t, offset + Math.exp(-t / 7.0), 0.01);
            }
        }
        return trajectory;
    }

    private static BufferedImage render(FigureSpec spec) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        RunFigure.writePng(spec, png);
        byte[] bytes = png.toByteArray();
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @ParameterizedTest
    @EnumSource(TimeAxis.class)
    void drawsEveryPanelAtTheDocumentedSizeWithColouredCurves(TimeAxis axis) throws IOException {
        FigureSpec spec = new FigureSpec("test", decaying(300, 0.2), decaying(300, 0.25),
                FigureSpec.standardPanels(true), TimeScale.steps(axis, 300));

        BufferedImage image = render(spec);

        assertEquals(RunFigure.WIDTH, image.getWidth());
        assertEquals(RunFigure.height(spec), image.getHeight());
        assertEquals(56 + 3 * RunFigure.PANEL_HEIGHT, image.getHeight(), "six panels in three rows");
        int blue = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (b > 120 && r < 80 && g < 110) {
                    blue++;
                } else if (r > 150 && g < 90 && b < 60) {
                    red++;
                }
            }
        }
        assertTrue(blue > 500, "theory lines are drawn: " + blue + " blue pixels");
        assertTrue(red > 500, "simulation points are drawn: " + red + " red pixels");
    }

    @ParameterizedTest
    @EnumSource(TimeAxis.class)
    void theoryAloneIsEnough(TimeAxis axis) throws IOException {
        FigureSpec spec = new FigureSpec("theory only", decaying(20, 0), null, List.of(Observable.OVERLAP),
                TimeScale.steps(axis, 20));

        BufferedImage image = render(spec);

        assertEquals(56 + RunFigure.PANEL_HEIGHT, image.getHeight());
    }

    @ParameterizedTest
    @EnumSource(TimeAxis.class)
    void drawsAgainstSmallGradientFlowTimes(TimeAxis axis) throws IOException {
        // τ_t = 0.001 t: the first drawable position on a log axis is far below 1.
        double[] tau = new double[301];
        for (int t = 0; t <= 300; t++) {
            tau[t] = 0.001 * t;
        }
        FigureSpec spec = new FigureSpec("eta-t", decaying(300, 0.2), decaying(300, 0.25),
                List.of(Observable.OVERLAP), new TimeScale(axis, "gradient-flow time η t", tau));

        BufferedImage image = render(spec);

        assertEquals(56 + RunFigure.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void aTitleLineWiderThanTheFigureIsShrunkToFit() throws IOException {
        String wide = "teacher linear (noise 0.1), loss square, covariance power-law (exponent 1.5, condition 100),"
                + " α = 0.3333, λ = 0.001, T = 1000, and more words to make sure it would overflow at full size";
        FigureSpec spec = new FigureSpec("name: sgd\n" + wide, decaying(20, 0), null, List.of(Observable.OVERLAP),
                TimeScale.steps(TimeAxis.LINEAR, 20));

        BufferedImage image = render(spec);

        int titleBottom = image.getHeight() - RunFigure.PANEL_HEIGHT;
        int inked = 0;
        for (int y = 0; y < titleBottom; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    inked++;
                    assertTrue(x >= 10 && x < image.getWidth() - 10, "title ink at the edge, x = " + x);
                }
            }
        }
        assertTrue(inked > 1000, "the title is drawn: " + inked + " pixels");
    }

    @Test
    void theLegendSaysExactWhenTheTheoryHasNoErrors() {
        Trajectory exact = new Trajectory(3);
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= 3; t++) {
                exact.set(observable, t, 1.0 / (t + 1), 0);
            }
        }

        assertEquals("DMFT theory (exact)", RunFigure.theoryLabel(exact));
        exact.set(Observable.TEST_ERROR, 3, 0.25, 1e-9);
        assertEquals("DMFT theory (band: ±1 MC error)", RunFigure.theoryLabel(exact));
        assertEquals("DMFT theory (band: ±1 MC error)", RunFigure.theoryLabel(decaying(3, 0)));
    }

    @Test
    void refusesAnEmptyFigure() {
        assertThrows(IllegalArgumentException.class,
                () -> new FigureSpec("nothing", null, null, List.of(Observable.OVERLAP),
                        TimeScale.steps(TimeAxis.LINEAR, 3)));
    }
}
