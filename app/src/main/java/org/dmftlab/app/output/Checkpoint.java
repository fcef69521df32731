package org.dmftlab.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.core.dynamics.UnitStore;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.dmftlab.core.problem.UnitState;

/**
 * The checkpoint of a run (DESIGN.md, "Units of a run"): the folder {@value #FOLDER} in the run's staging folder,
 * holding {@value #RECORD} (what the run is: its configuration in the {@code run.json} schema, its fingerprint, its
 * units per engine and the command that resumes it) and one file per finished unit, {@code ENGINE-INDEX.unit}
 * (for example {@code theory-3.unit}), written atomically ({@link AtomicFiles}) as the unit finishes.
 *
 * <p>Beside them, a unit in progress keeps its state between two steps in {@code ENGINE-INDEX.partial}, saved every
 * {@code checkpoint.interval} and when a signal stops the process, and removed when the unit finishes
 * ({@link UnitStates}); a resumed unit continues from it.
 *
 * <p>A unit file is its own completion record: a {@link UnitFile} whose body is whether the unit recorded two-time
 * functions, then its table ({@link Trajectory#exchange}: values and errors at t = 0…T, and the two-time functions
 * when recorded). A file that is truncated, altered, of another run or of another unit is not loaded: the unit is
 * computed again.
 */
public final class Checkpoint {

    /** The checkpoint's folder inside the staging folder. */
    static final String FOLDER = "units";
    /** What the run is; written before its first unit. */
    static final String RECORD = "checkpoint.json";

    private static final String KIND = "dmftlab-unit 2";
    private static final String SUFFIX = ".unit";
    private static final Pattern UNIT = Pattern.compile("[a-z]+-\\d+" + Pattern.quote(SUFFIX));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final String fingerprint;
    private final int units;
    private final String resumeCommand;

    private Checkpoint(Path folder, String fingerprint, int units, String resumeCommand) {
        this.folder = folder;
        this.fingerprint = fingerprint;
        this.units = units;
        this.resumeCommand = resumeCommand;
    }

    /**
     * Starts (or, after a resume, continues) the checkpoint in a staging folder: writes its record.
     *
     * @param staging       the run's staging folder
     * @param record        the run's configuration ({@link RunReport#configuration}) with its fingerprint
     * @param units         per engine that runs, its number of units
     * @param resumeCommand the command that resumes the run, for the message of an interrupted run
     */
    static Checkpoint start(Path staging, ObjectNode record, Map<Engine, Integer> units, String resumeCommand) {
        Path folder = staging.resolve(FOLDER);
        ObjectNode written = record.deepCopy();
        ObjectNode counts = written.putObject("units");
        units.forEach((engine, count) -> counts.put(engine.key(), count));
        written.put("resume", resumeCommand);
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(folder.resolve(RECORD), out -> out.write(JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(written)));
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot write the checkpoint in " + folder + ": "
                    + failure);
        }
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        return new Checkpoint(folder, record.path(RunReport.FINGERPRINT).asText(), total, resumeCommand);
    }

    /**
     * The checkpoint a run started in a staging folder, to save a unit computed elsewhere (a launcher's task).
     *
     * @param staging the run's staging folder
     * @throws RunFailedException {@code output/read-failed} when it holds no checkpoint record
     */
    public static Checkpoint of(Path staging) {
        JsonNode record = record(staging).orElseThrow(() -> new RunFailedException(OutputError.READ_FAILED,
                "no checkpoint in " + staging + " (" + FOLDER + "/" + RECORD + "): the run it belonged to was"
                        + " published or started afresh"));
        int total = 0;
        for (JsonNode count : record.path("units")) {
            total += count.asInt();
        }
        return new Checkpoint(staging.resolve(FOLDER), record.path(RunReport.FINGERPRINT).asText(), total,
                record.path("resume").asText());
    }

    /**
     * The record of the checkpoint in a staging folder, if it has a readable one.
     *
     * @param staging a staging folder, of this process or left by another
     */
    static Optional<JsonNode> record(Path staging) {
        Path record = recordFile(staging);
        try {
            return Files.isRegularFile(record) ? Optional.ofNullable(JSON.readTree(record.toFile()))
                    : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The record's file in a staging folder (which {@code dmftlab run --resume} and a unit's task replay). */
    public static Path recordFile(Path staging) {
        return staging.resolve(FOLDER).resolve(RECORD);
    }

    /**
     * The units of one engine, loaded from and saved to this checkpoint, and the states of its units in progress,
     * saved every {@code interval} ({@link UnitStates}).
     *
     * @param units    the engine's number of units
     * @param interval how often a unit in progress saves its state ({@code checkpoint.interval}); zero for never
     */
    public UnitStore store(Engine engine, int units, int steps, Duration interval) {
        UnitStates states = new UnitStates(folder, fingerprint, interval);
        return new UnitStore() {
            @Override
            public Optional<Trajectory> load(int unit) {
                return read(engine, unit, steps);
            }

            @Override
            public void save(int unit, Trajectory trajectory) {
                write(engine, unit, trajectory);
                states.finished(engine, unit);
            }

            @Override
            public boolean resume(int unit, UnitState state) {
                return states.resume(engine, unit, units, steps, state);
            }

            @Override
            public void stepDone(int unit, UnitState state) {
                states.stepDone(engine, unit, steps, state);
            }
        };
    }

    /** Whether the checkpoint holds a unit finished, whole and of this run. */
    public boolean finished(Engine engine, int unit, int steps) {
        return read(engine, unit, steps).isPresent();
    }

    /**
     * Asks the units in progress in this process to save their state at their next step and waits for them, at most
     * {@code wait}; for the shutdown hook of a signal ({@code org.dmftlab.app.cli.Main}).
     */
    public static void saveInFlight(Duration wait) {
        UnitStates.saveInFlight(wait);
    }

    /** The run has ended, however: none of its units is in progress any more ({@link UnitStates#release}). */
    void release() {
        UnitStates.release(folder);
    }

    /** The names of the units whose file is in the folder now (whole or not). */
    private Set<String> saved() {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                file -> UNIT.matcher(file.getFileName().toString()).matches())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                names.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        } catch (IOException unreadable) {
            return Set.of();
        }
        return names;
    }

    /** The run's fingerprint ({@link RunReport#configuration}). */
    public String fingerprint() {
        return fingerprint;
    }

    /** The run's number of units, all engines together. */
    int units() {
        return units;
    }

    /** The command that resumes the run. */
    String resumeCommand() {
        return resumeCommand;
    }

    private Path file(Engine engine, int unit) {
        return folder.resolve(unitName(engine, unit) + SUFFIX);
    }

    /** A unit of a run: an engine's unit index. */
    public record Unit(Engine engine, int index) {
    }

    /** The name of a unit, {@code ENGINE-INDEX} (for example {@code theory-3}): its file's and its task's. */
    public static String unitName(Engine engine, int unit) {
        return engine.key() + "-" + unit;
    }

    /**
     * The unit a name ({@link #unitName}) stands for.
     *
     * @throws IllegalArgumentException when it is not the name of a unit
     */
    public static Unit unit(String name) {
        int dash = name.lastIndexOf('-');
        if (dash > 0) {
            for (Engine engine : Engine.values()) {
                if (engine.key().equals(name.substring(0, dash)) && name.substring(dash + 1).matches("\\d{1,9}")) {
                    return new Unit(engine, Integer.parseInt(name.substring(dash + 1)));
                }
            }
        }
        throw new IllegalArgumentException("not the name of a unit: " + name);
    }

    private void write(Engine engine, int unit, Trajectory trajectory) {
        Path file = file(engine, unit);
        try {
            unitFile(engine, unit, trajectory.steps()).write(file, trajectory.steps(), channel -> {
                channel.value(trajectory.twoTime().isPresent() ? 1 : 0);
                trajectory.exchange(channel);
            });
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot save a finished unit to " + file + ": "
                    + failure);
        }
    }

    /** The unit, if its file is whole and belongs to this run, this engine, this unit and T. */
    private Optional<Trajectory> read(Engine engine, int unit, int steps) {
        Path file = file(engine, unit);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return unitFile(engine, unit, steps).read(file, (step, channel) -> {
                Trajectory trajectory = new Trajectory(steps);
                if (channel.value(0) == 1) {
                    trajectory.recordTwoTime(TwoTimeGrid.of(steps));
                }
                trajectory.exchange(channel);
                return trajectory;
            });
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private UnitFile unitFile(Engine engine, int unit, int steps) {
        return new UnitFile(KIND, fingerprint, engine, unit, steps);
    }

    /**
     * How a recorded configuration differs from another, for a message: the first key of {@code experiment} whose
     * value differs ({@code theory.paths 4000 there, 8000 here}), else the part of the identity that does.
     */
    static String difference(JsonNode recorded, JsonNode now) {
        Optional<String> key = firstDifference("", ExperimentPlan.computed(recorded.path("experiment")),
                ExperimentPlan.computed(now.path("experiment")));
        if (key.isPresent()) {
            return key.get();
        }
        for (String part : new String[] {"plugins", "inputs", "dmftlab"}) {
            if (!recorded.path(part).equals(now.path(part))) {
                return switch (part) {
                    case "plugins" -> "other plugin versions";
                    case "inputs" -> "changed input files";
                    default -> "dmftlab " + recorded.path(part).asText() + " there, " + now.path(part).asText()
                            + " here";
                };
            }
        }
        return "another fingerprint";
    }

    private static Optional<String> firstDifference(String prefix, JsonNode there, JsonNode here) {
        if (there.isObject() && here.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            there.fieldNames().forEachRemaining(keys::add);
            here.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                Optional<String> found = firstDifference(prefix + key + ".", there.path(key), here.path(key));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (there.equals(here)) {
            return Optional.empty();
        }
        String key = prefix.substring(0, prefix.length() - 1);
        return Optional.of(key + " " + shown(there) + " there, " + shown(here) + " here");
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "absent" : value.isValueNode() ? value.asText() : value.toString();
    }

    /**
     * For messages: {@code N of M units are saved}, and the units saved part-way with their step
     * ({@code , 1 more up to a step (theory-3 at step 40 of 100)}).
     */
    String progress() {
        Set<String> finished = saved();
        List<String> inProgress = new UnitStates(folder, fingerprint, Duration.ZERO).inProgress(finished);
        return finished.size() + " of " + units + " units are saved" + (inProgress.isEmpty() ? ""
                : ", " + inProgress.size() + " more up to a step (" + String.join(", ", inProgress) + ")");
    }
}
