package org.dmftlab.app.plot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders the figure of a run as PNG; {@link RunFigure#writePng} is the standard one. A seam for the Guice wiring
 * ({@code org.dmftlab.app.wiring.AppModule}): tests and other front ends may bind their own.
 */
@FunctionalInterface
public interface FigureWriter {

    /** Writes {@code spec} as a PNG image to {@code out} (the caller closes it). */
    void writePng(FigureSpec spec, OutputStream out) throws IOException;
}
