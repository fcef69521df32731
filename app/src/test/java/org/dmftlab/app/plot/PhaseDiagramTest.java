package org.dmftlab.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
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
}
