package org.dmftlab.app.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated sweep file: every grid point's experiment has been resolved, so nothing fails on input once it runs.
 *
 * @param name   the sweep's name (default output folder {@code runs/<name>})
 * @param file   the sweep file
 * @param keys   the grid keys, in file order (the first is the x axis of the summary plot)
 * @param points the grid points, the last key varying fastest
 */
public record SweepPlan(String name, Path file, List<String> keys, List<SweepPoint> points) {

    public SweepPlan {
        keys = List.copyOf(keys);
        points = List.copyOf(points);
    }
}
