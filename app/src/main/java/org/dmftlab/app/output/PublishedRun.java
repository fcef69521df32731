package org.dmftlab.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.Sha256;
import org.dmftlab.core.problem.Observable;

/**
 * A run folder read back and found whole: its {@code run.json} parses and every file it records
 * ({@code files}, {@link RunReport}) is present with the recorded SHA-256. A folder that is missing a file, holds a
 * truncated or edited one, or predates the record of hashes is not a published run. A run whose every engine
 * diverged records no file, only its {@linkplain #diverged() divergences}.
 *
 * @param folder the folder
 * @param report its {@code run.json}
 */
public record PublishedRun(Path folder, JsonNode report) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The run in {@code folder}, if it is whole. */
    public static Optional<PublishedRun> read(Path folder) {
        Path report = folder.resolve(OutputFolder.REPORT);
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(report.toFile());
            JsonNode files = root == null ? null : root.get(RunReport.FILES);
            Optional<List<EngineDivergence>> diverged = root == null ? Optional.empty() : divergences(root);
            if (files == null || !files.isObject() || diverged.isEmpty()
                    || files.isEmpty() && diverged.get().isEmpty()) {
                return Optional.empty();
            }
            for (Iterator<Map.Entry<String, JsonNode>> entries = files.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                Path file = folder.resolve(entry.getKey()).normalize();
                if (!file.getParent().equals(folder.normalize()) || !Files.isRegularFile(file)
                        || !Sha256.of(file).equals(entry.getValue().asText())) {
                    return Optional.empty();
                }
            }
            return Optional.of(new PublishedRun(folder, root));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The experiment file recorded in the {@code run.json} of {@code folder} ({@code experiment-file}, absolute),
     * whether or not the run is whole; empty when there is no readable record.
     */
    public static Optional<Path> experimentFile(Path folder) {
        try {
            JsonNode file = JSON.readTree(folder.resolve(OutputFolder.REPORT).toFile()).path("experiment-file");
            return file.isTextual() ? Optional.of(Path.of(file.asText())) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The resolved configuration the run recorded ({@code experiment}), or a missing node. */
    public JsonNode experiment() {
        return report.path("experiment");
    }

    /**
     * The engines whose trajectory diverged ({@code diverged}): a result of a sweep point, in the order they ran;
     * empty when every engine ran to the end.
     */
    public List<EngineDivergence> diverged() {
        return divergences(report).orElseThrow();
    }

    /**
     * The {@code diverged} records of a {@code run.json} (none when the key is absent, as in runs written before
     * it); empty when one does not parse, so that the folder is not a published run.
     */
    private static Optional<List<EngineDivergence>> divergences(JsonNode report) {
        List<EngineDivergence> diverged = new ArrayList<>();
        for (JsonNode record : report.path(RunReport.DIVERGED)) {
            Optional<Engine> engine = Arrays.stream(Engine.values())
                    .filter(candidate -> candidate.key().equals(record.path("engine").asText())).findFirst();
            Optional<Observable> observable = Observable.ofColumn(record.path("observable").asText());
            if (engine.isEmpty() || observable.isEmpty() || !record.path("step").canConvertToInt()
                    || !record.path("step").isIntegralNumber()) {
                return Optional.empty();
            }
            diverged.add(new EngineDivergence(engine.get(), record.path("step").asInt(), observable.get()));
        }
        return Optional.of(List.copyOf(diverged));
    }

    /** Whether the run wrote this file. */
    public boolean has(String name) {
        return report.path(RunReport.FILES).has(name);
    }
}
