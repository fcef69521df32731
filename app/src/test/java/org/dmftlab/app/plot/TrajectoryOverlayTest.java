package org.dmftlab.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.junit.jupiter.api.Test;

class TrajectoryOverlayTest {

    /** exp(−η t) for t = 0…T, plus (1 − 2η): a curve in τ = η t that approaches exp(−τ) as η → 0. */
    private static Trajectory relaxing(double eta, int steps) {
        Trajectory trajectory = new Trajectory(steps);
        for (Observable observable : Observable.values()) {
            for (int t = 0; t <= steps; t++) {
                trajectory.set(observable, t, 1 - 2 * eta + Math.exp(-eta * t), 0);
            }
        }
        return trajectory;
    }

    @Test
    void onePanelPerObservableAndOneColourPerPoint() throws IOException {
        List<TrajectoryOverlay.Curve> curves = new ArrayList<>();
        int[] colours = {0x1f4e9c, 0xc83e1d, 0x2a8c4a};
        double[] etas = {0.4, 0.2, 0.1};
        for (double eta : etas) {
            double[] tau = IntStream.rangeClosed(0, 40).mapToDouble(t -> eta * t).toArray();
            curves.add(new TrajectoryOverlay.Curve("learning-rate=" + eta, relaxing(eta, 40), relaxing(eta, 40),
                    new TimeScale(TimeAxis.LINEAR, "gradient-flow time η t", tau)));
        }
        TrajectoryOverlay overlay = new TrajectoryOverlay("collapse", curves,
                List.of(Observable.OVERLAP, Observable.NORM, Observable.TRAIN_LOSS));

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        overlay.writePng(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));

        assertEquals(2 * TrajectoryOverlay.PANEL_WIDTH, image.getWidth());
        assertEquals(overlay.height(), image.getHeight());
        assertEquals(2 * 14 + 28 + 2 * TrajectoryOverlay.PANEL_HEIGHT, image.getHeight(), "three panels, two rows");
        for (int colour : colours) {
            int count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xffffff) == colour) {
                        count++;
                    }
                }
            }
            assertTrue(count > 100, "a curve in " + Integer.toHexString(colour) + ": " + count + " pixels");
        }
    }
}
