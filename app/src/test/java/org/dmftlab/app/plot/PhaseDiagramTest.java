package org.dmftlab.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhaseDiagramTest {

    /** A 4 × 3 grid whose corner point (largest learning rate, largest batch fraction) diverged at step 12. */
    static PhaseDiagram diagram() {
        double[][] values = new double[3][4];
        String[][] marks = new String[3][4];
        for (int u = 0; u < 3; u++) {
            for (int a = 0; a < 4; a++) {
                values[u][a] = 0.1 + 0.05 * a + 0.02 * u;
            }
        }
        values[2][3] = Double.NaN;
        marks[2][3] = "× t=12";
        return new PhaseDiagram("sweep: test_error at the last step",
                new PhaseDiagram.Axis("optimizer.learning-rate", List.of("0.1", "0.2", "0.4", "0.8")),
                new PhaseDiagram.Axis("problem.alpha", List.of("0.5", "1", "2")),
                List.of(new PhaseDiagram.Panel("DMFT theory", values, marks),
                        new PhaseDiagram.Panel("simulation", values, marks)));
    }

    @Test
    void twoPanelsSideBySideWithTheDivergedPointMarked() throws IOException {
        PhaseDiagram diagram = diagram();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        diagram.writePng(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));

        assertEquals(2 * PhaseDiagram.PANEL_WIDTH, image.getWidth());
        assertEquals(diagram.height(), image.getHeight());
        int mark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 120 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60) {
                    mark++;
                }
            }
        }
        assertTrue(mark > 20, "the diverged point's mark is drawn in both panels: " + mark + " dark red pixels");
    }

    @Test
    void eachCellOfASmallGridShowsItsValueInAColourThatReadsOverIt() throws IOException {
        Heatmap.ColourScale scale = Heatmap.scale(new double[] {0, 1}, false);
        assertTrue(scale.dark(0) && !scale.dark(1), "white over the dark end, black over the yellow end");

        int darkest = new Color(0x44, 0x01, 0x54).getRGB();
        for (int columns : List.of(2, 9)) {
            double[][] values = new double[1][columns];
            for (int a = 0; a < columns; a++) {
                values[0][a] = 0.1 * (a + 1);
            }
            List<String> names = IntStream.range(0, columns).mapToObj(String::valueOf).toList();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            new PhaseDiagram("values", new PhaseDiagram.Axis("a", names), new PhaseDiagram.Axis("b", List.of("0")),
                    List.of(new PhaseDiagram.Panel("theory", values, new String[1][columns]))).writePng(png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
            int left = image.getWidth();
            int right = -1;
            int top = image.getHeight();
            int bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth() / 2; x++) { // the first cell, left of the colour bar
                    if (image.getRGB(x, y) == darkest) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                    }
                }
            }
            int light = 0;
            for (int y = top; y <= bottom; y++) {
                for (int x = left; x <= right; x++) {
                    Color pixel = new Color(image.getRGB(x, y));
                    light += pixel.getRed() > 200 && pixel.getGreen() > 200 && pixel.getBlue() > 200 ? 1 : 0;
                }
            }
            if (columns <= 8) {
                assertTrue(light > 10, "the value 0.100 written in white in the darkest cell: " + light);
            } else {
                assertEquals(0, light, "a wide grid writes no values");
            }
        }
    }
}
