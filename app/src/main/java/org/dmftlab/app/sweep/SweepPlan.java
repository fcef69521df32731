package org.dmftlab.app.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep file: every grid point's experiment has been resolved, so nothing fails on input once it runs.
 *
 * @param name     the sweep's name (default output folder {@code runs/<name>})
 * @param file     the sweep file
 * @param keys     the grid keys, in file order (the first is the x axis of the summary plot)
 * @param points   the grid points, the last key varying fastest
 * @param launcher the file's {@code launcher:} block as written (validated with the command's options by
 *                 {@link org.dmftlab.app.launch.LauncherChoice}); empty when it has none
 * @param summary  the observable and step the summary figure shows ({@code summary:}, {@link SummaryChoice})
 */
public record SweepPlan(String name, Path file, List<String> keys, List<SweepPoint> points,
                        Map<String, Object> launcher, SummaryChoice summary) {

    public SweepPlan {
        keys = List.copyOf(keys);
        points = List.copyOf(points);
        launcher = Collections.unmodifiableMap(new LinkedHashMap<>(launcher));
    }
}
