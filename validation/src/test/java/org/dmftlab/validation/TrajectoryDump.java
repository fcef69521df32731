package org.dmftlab.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;

/**
 * Writes every trajectory the validation tests compute through {@link Experiments} to a CSV file when the system
 * property {@value #PROPERTY} names a folder, so that two revisions can be compared byte for byte
 * ({@code scripts/compare-outputs.sh}). Files are named {@code <TestClass>.<method>.<n>.<engine>.csv}, n counting
 * the calls of that test method in order. Without the property it does nothing.
 *
 * <p>It uses only {@link Trajectory} and {@link Observable}, so the script can copy it into older revisions.
 */
public final class TrajectoryDump {

    /** The system property naming the dump folder. */
    public static final String PROPERTY = "dmftlab.dump";

    private static final Map<String, Integer> CALLS = new HashMap<>();

    private TrajectoryDump() {
    }

    /** Writes the trajectory when dumping is on, and returns it. */
    public static Trajectory keep(String engine, Trajectory trajectory) {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isBlank()) {
            return trajectory;
        }
        String caller = caller();
        int call;
        synchronized (CALLS) {
            call = CALLS.merge(caller, 1, Integer::sum);
        }
        StringBuilder csv = new StringBuilder("step");
        for (Observable observable : Observable.values()) {
            csv.append(',').append(observable.column());
        }
        for (Observable observable : Observable.values()) {
            csv.append(',').append(observable.column()).append("_error");
        }
        csv.append('\n');
        for (int t = 0; t <= trajectory.steps(); t++) {
            csv.append(t);
            for (Observable observable : Observable.values()) {
                csv.append(',').append(trajectory.value(observable, t));
            }
            for (Observable observable : Observable.values()) {
                csv.append(',').append(trajectory.error(observable, t));
            }
            csv.append('\n');
        }
        try {
            Path directory = Files.createDirectories(Path.of(folder));
            Files.writeString(directory.resolve(caller + "." + call + "." + engine + ".csv"), csv,
                    StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return trajectory;
    }

    /** {@code SimpleClassName.method} of the first test-class frame outside this package's helpers. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> frame.getClassName().startsWith("org.dmftlab.validation.")
                        && !frame.getClassName().equals(TrajectoryDump.class.getName())
                        && !frame.getClassName().equals(Experiments.class.getName()))
                .findFirst()
                .map(frame -> {
                    String name = frame.getClassName();
                    String simple = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
                    return simple + "." + frame.getMethodName().replaceAll("[^A-Za-z0-9_]", "_");
                })
                .orElse("unknown"));
    }
}
