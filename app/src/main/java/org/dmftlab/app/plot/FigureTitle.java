package org.dmftlab.app.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;

/**
 * The title above the panels of a figure: one centred line per {@code \n}, bold, each shrunk to fit the figure's
 * width (but not below a smallest size). Shared by every figure of a run.
 */
final class FigureTitle {

    /** Height of one title line, and the margin above and below the title (and left and right of each line). */
    private static final int LINE = 28;
    private static final int MARGIN = 14;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final float SMALLEST_SIZE = 9f;

    private FigureTitle() {
    }

    /** The height of a title: its lines with their margins. */
    static int height(String title) {
        return 2 * MARGIN + LINE * (int) title.lines().count();
    }

    /** Draws the title at the top of a figure {@code width} pixels wide. */
    static void draw(Graphics2D g, String title, int width) {
        g.setColor(Color.BLACK);
        int baseline = MARGIN + LINE - 6;
        for (String line : title.lines().toList()) {
            g.setFont(font(g, line, width));
            int lineWidth = g.getFontMetrics().stringWidth(line);
            g.drawString(line, Math.max(MARGIN, (width - lineWidth) / 2), baseline);
            baseline += LINE;
        }
    }

    /** The title font, scaled down so that {@code line} fits between the side margins. */
    private static Font font(Graphics2D g, String line, int width) {
        int available = width - 2 * MARGIN;
        int lineWidth = g.getFontMetrics(FONT).stringWidth(line);
        if (lineWidth <= available) {
            return FONT;
        }
        // Text width scales with the font size; floor so that rounding cannot push it over again.
        float size = (float) Math.floor(FONT.getSize2D() * available / lineWidth);
        return FONT.deriveFont(Math.max(SMALLEST_SIZE, size));
    }
}
