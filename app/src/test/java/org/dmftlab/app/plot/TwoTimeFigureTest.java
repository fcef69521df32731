package org.dmftlab.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeFunctions.Function;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.junit.jupiter.api.Test;

class TwoTimeFigureTest {

    private static final int STEPS = 30;

    /** C(t,s) = exp(−|t − s|/5) + offset, R(t,s) = 0.5^(t−s) for s &lt; t. */
    private static Trajectory recorded(double offset) {
        Trajectory trajectory = new Trajectory(STEPS);
        TwoTimeFunctions twoTime = trajectory.recordTwoTime(TwoTimeGrid.of(STEPS));
        for (int i = 0; i < twoTime.grid().size(); i++) {
            for (int j = 0; j <= i; j++) {
                twoTime.set(Function.CORRELATION, i, j, Math.exp(-(i - j) / 5.0) + offset, 0.01);
                twoTime.set(Function.RESPONSE, i, j, j < i ? Math.pow(0.5, i - j) : 0, 0.01);
            }
        }
        return trajectory;
    }

    private static BufferedImage render(TwoTimeFigure figure) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        figure.writePng(png);
        return ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
    }

    @Test
    void bothEnginesGiveFourColouredHeatmapsUnderTheTitle() throws IOException {
        TwoTimeFigure figure = TwoTimeFigure.of("a\nb", recorded(0), recorded(0.01)).orElseThrow();

        BufferedImage image = render(figure);

        assertEquals(2 * TwoTimeFigure.PANEL_WIDTH, image.getWidth());
        assertEquals(figure.height(), image.getHeight());
        assertEquals(2 * 14 + 2 * 28 + 2 * TwoTimeFigure.PANEL_HEIGHT, image.getHeight(), "two title lines, two rows");
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > image.getWidth() * image.getHeight() / 9 / 4, "cells are drawn: " + coloured);
    }

    @Test
    void theoryAloneHasItsCorrelationAndResponseAndASimulationAloneOnePanel() throws IOException {
        TwoTimeFigure theory = TwoTimeFigure.of("t", recorded(0), null).orElseThrow();
        TwoTimeFigure simulation = TwoTimeFigure.of("t", null, recorded(0)).orElseThrow();

        assertEquals(2 * TwoTimeFigure.PANEL_WIDTH, render(theory).getWidth());
        assertEquals(1 * TwoTimeFigure.PANEL_HEIGHT + 2 * 14 + 28, render(theory).getHeight());
        assertEquals(TwoTimeFigure.PANEL_WIDTH, render(simulation).getWidth());
        assertTrue(TwoTimeFigure.of("t", new Trajectory(3), null).isEmpty(), "nothing recorded, no figure");
    }
}
