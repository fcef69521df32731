package org.dmftlab.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * What a sweep's summary figure shows: an observable of SPEC §3 at a step, from the sweep file's
 * {@code summary: {observable: test_error, step: last}} (both optional; these are the defaults). {@code step} is
 * {@code last} (each point's T) or a step 0 ≤ t ≤ T of every point.
 *
 * @param observable the observable
 * @param step       the step, or {@link #LAST}
 */
public record SummaryChoice(Observable observable, int step) {

    /** The last step of each point, T. */
    public static final int LAST = -1;

    /** The final test error, the summary of a sweep that does not say otherwise. */
    public static final SummaryChoice DEFAULT = new SummaryChoice(Observable.TEST_ERROR, LAST);

    /** The step of a point of T steps. */
    public int at(int steps) {
        return step == LAST ? steps : step;
    }

    /**
     * The summary column of an engine that holds the chosen value: {@code <engine>_final_<observable>} for the last
     * step (a column every summary has), else {@code <engine>_<observable>_at_<step>}.
     */
    public String column(Engine engine) {
        return engine.key() + (step == LAST ? "_final_" + observable.column()
                : "_" + observable.column() + "_at_" + step);
    }

    /** E.g. {@code test_error at the last step} or {@code m at t = 20}. */
    public String label() {
        return observable.column() + (step == LAST ? " at the last step" : " at t = " + step);
    }

    /**
     * Reads the {@code summary} block of a sweep file and checks it against every point's number of steps, before
     * anything runs.
     *
     * @param block  the block, or null (absent: {@link #DEFAULT})
     * @param steps  T of every point, in grid order
     * @param folders the points' folders, in the same order (for messages)
     * @throws InvalidInputException naming {@code summary}, {@code summary.observable} or {@code summary.step} and the
     *                               value: an unknown key, an unknown observable, a step that is not {@code last} or
     *                               an integer in 0…T of every point
     */
    static SummaryChoice read(JsonNode block, List<Integer> steps, List<String> folders) {
        if (block == null) {
            return DEFAULT;
        }
        if (!block.isObject()) {
            throw new InvalidInputException(ConfigError.WRONG_TYPE, "summary", block.toString(), "expected a block,"
                    + " e.g. summary: {observable: test_error, step: last}");
        }
        for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!key.equals("observable") && !key.equals("step")) {
                throw new InvalidInputException(ConfigError.UNKNOWN_KEY, "summary." + key, block.get(key).toString(),
                        "unknown key; allowed here: observable, step");
            }
        }
        return new SummaryChoice(observable(block.get("observable")), step(block.get("step"), steps, folders));
    }

    private static Observable observable(JsonNode given) {
        if (given == null) {
            return DEFAULT.observable();
        }
        String spelling = given.isTextual() ? given.asText() : given.toString();
        return Observable.ofColumn(spelling).orElseThrow(() -> new InvalidInputException(ConfigError.OUT_OF_RANGE,
                "summary.observable", spelling, "must be one of " + Arrays.stream(Observable.values())
                        .map(Observable::column).collect(Collectors.joining(", "))));
    }

    private static int step(JsonNode given, List<Integer> steps, List<String> folders) {
        if (given == null || (given.isTextual() && given.asText().equals("last"))) {
            return LAST;
        }
        int fewest = steps.stream().mapToInt(Integer::intValue).min().orElse(0);
        if (!given.isIntegralNumber() || given.asLong() < 0 || given.asLong() > fewest) {
            String where = given.isIntegralNumber() && given.asLong() > fewest
                    ? " (grid point " + folders.get(steps.indexOf(fewest)) + " has T = " + fewest + ")" : "";
            throw new InvalidInputException(ConfigError.OUT_OF_RANGE, "summary.step", given.isTextual()
                    ? given.asText() : given.toString(), "must be last or a step from 0 to T = " + fewest + where);
        }
        return given.asInt();
    }
}
