package org.dmftlab.app.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * The layout every figure of a run shares: a title (one centred bold line per {@code \n}, each shrunk to fit the
 * width, but not below a smallest size) above a grid of equal panels in reading order, on white, written as PNG.
 *
 * @param title       the title; one line per {@code \n}
 * @param columns     panels per row
 * @param panelWidth  width of a panel in pixels
 * @param panelHeight height of a panel in pixels
 */
record PanelGrid(String title, int columns, int panelWidth, int panelHeight) {

    /** Height of one title line, and the margin above and below the title (and left and right of each line). */
    private static final int LINE = 28;
    private static final int MARGIN = 14;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final float SMALLEST_SIZE = 9f;

    /** The width of the figure: a full row of panels. */
    int width() {
        return columns * panelWidth;
    }

    /** The height of the figure with {@code panels} panels: the title's lines with their margins, then the rows. */
    int height(int panels) {
        int rows = (panels + columns - 1) / columns;
        return 2 * MARGIN + LINE * (int) title.lines().count() + rows * panelHeight;
    }

    /** Draws the title and the panels and writes the figure as PNG. */
    void writePng(List<JFreeChart> panels, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(width(), height(panels.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            int baseline = MARGIN + LINE - 6;
            for (String line : title.lines().toList()) {
                g.setFont(font(g, line));
                int lineWidth = g.getFontMetrics().stringWidth(line);
                g.drawString(line, Math.max(MARGIN, (image.getWidth() - lineWidth) / 2), baseline);
                baseline += LINE;
            }
            int top = height(0);
            for (int i = 0; i < panels.size(); i++) {
                int x = (i % columns) * panelWidth;
                int y = top + (i / columns) * panelHeight;
                panels.get(i).draw(g, new Rectangle2D.Double(x, y, panelWidth, panelHeight));
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", out);
    }

    /** The title font, scaled down so that {@code line} fits between the side margins. */
    private Font font(Graphics2D g, String line) {
        int available = width() - 2 * MARGIN;
        int lineWidth = g.getFontMetrics(FONT).stringWidth(line);
        if (lineWidth <= available) {
            return FONT;
        }
        // Text width scales with the font size; floor so that rounding cannot push it over again.
        float size = (float) Math.floor(FONT.getSize2D() * available / lineWidth);
        return FONT.deriveFont(Math.max(SMALLEST_SIZE, size));
    }
}
