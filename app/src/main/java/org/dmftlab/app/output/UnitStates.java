package org.dmftlab.app.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.UnitState;

/**
 * The states of a checkpoint's units in progress (DESIGN.md, "Units of a run"): {@code ENGINE-INDEX.partial} beside
 * the finished units' files, the state a unit had between two steps ({@link UnitState}), saved every
 * {@code checkpoint.interval} and when the process is stopped by a signal ({@link #saveInFlight}), replaced
 * atomically ({@link AtomicFiles}) at each save and removed when the unit finishes.
 *
 * <p>A state file is a {@link UnitFile} whose header records the next step and whose body is the state's fields in
 * the unit's own order; its chunks of +0.0 cost a byte each, so the rows of later steps (most of the triangles of
 * responses and covariances early in a march) cost nothing. A file that is truncated, altered, of another run or of
 * another unit is ignored (the unit starts from step 0) and replaced at the unit's next save.
 */
final class UnitStates {

    /** The suffix of a state file. */
    static final String SUFFIX = ".partial";

    private static final String KIND = "dmftlab-partial 1";
    private static final Pattern STATE = Pattern.compile("[a-z]+-\\d+" + Pattern.quote(SUFFIX));
    /** The last save of a unit that saved its state for a signal: it saves no more. */
    private static final long STOPPED = Long.MIN_VALUE;

    /** Whether a signal stops the process: every unit in progress saves its state at its next step boundary. */
    private static volatile boolean stopping;
    /** The state files of the units in progress in this process that have not saved for the signal yet. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final String fingerprint;
    private final long intervalNanos;
    /** Per engine, per unit: {@link System#nanoTime()} of its start or last save. */
    private final Map<Engine, AtomicLongArray> lastSaved = new ConcurrentHashMap<>();

    /**
     * @param interval how often a unit in progress saves its state; zero for never (not even for a signal)
     */
    UnitStates(Path folder, String fingerprint, Duration interval) {
        this.folder = folder;
        this.fingerprint = fingerprint;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Asks every unit in progress in this process to save its state at its next step boundary and waits, at most
     * {@code wait}, until they have; for a shutdown hook. A unit that does not reach a boundary in time keeps its
     * last saved state.
     */
    static void saveInFlight(Duration wait) {
        stopping = true;
        long deadline = System.nanoTime() + wait.toNanos();
        while (!IN_FLIGHT.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A unit starts: restores the state saved of it, if a whole one of this run is there, and starts its clock.
     *
     * @return whether the state was restored
     */
    boolean resume(Engine engine, int unit, int units, int steps, UnitState state) {
        Path file = file(engine, unit);
        boolean restored = Files.isRegularFile(file) && new UnitFile(KIND, fingerprint, engine, unit, steps)
                .read(file, (next, channel) -> {
                    state.exchange(channel);
                    if (state.nextStep() != next) {
                        throw new IllegalStateException("the state of " + Checkpoint.unitName(engine, unit) + " in "
                                + file + " does not have the unit's layout");
                    }
                    return true;
                }).isPresent();
        if (intervalNanos > 0) {
            lastSaved.computeIfAbsent(engine, ignored -> new AtomicLongArray(units)).set(unit, System.nanoTime());
            IN_FLIGHT.add(file);
        }
        return restored;
    }

    /** A unit finished a step: saves its state when the interval has passed since its last save, or for a signal. */
    void stepDone(Engine engine, int unit, int steps, UnitState state) {
        if (intervalNanos <= 0) {
            return;
        }
        AtomicLongArray clocks = lastSaved.get(engine);
        long last = clocks.get(unit);
        boolean stop = stopping;
        if (last == STOPPED || !stop && System.nanoTime() - last < intervalNanos) {
            return;
        }
        Path file = file(engine, unit);
        write(file, engine, unit, steps, state);
        clocks.set(unit, stop ? STOPPED : System.nanoTime());
        if (stop) {
            IN_FLIGHT.remove(file);
        }
    }

    /**
     * The run of a checkpoint folder has ended, however (published, failed, detached): none of its units is in
     * progress in this process any more, so a later signal (a long sweep's) does not wait for one that threw.
     */
    static void release(Path folder) {
        IN_FLIGHT.removeIf(file -> file.startsWith(folder));
    }

    /** The state files a signal would wait for now (a snapshot). */
    static Set<Path> inFlight() {
        return Set.copyOf(IN_FLIGHT);
    }

    /** A unit finished: its state is of no more use. */
    void finished(Engine engine, int unit) {
        Path file = file(engine, unit);
        IN_FLIGHT.remove(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a state file left behind is ignored: its unit's finished file is loaded first
        }
    }

    /**
     * The units whose state is saved and whose finished file is not there, as {@code NAME at step S of T}, for the
     * message of an interrupted run.
     */
    List<String> inProgress(Set<String> finished) {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                file -> STATE.matcher(file.getFileName().toString()).matches())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String unit = name.substring(0, name.length() - SUFFIX.length());
                if (finished.contains(unit)) {
                    continue;
                }
                UnitFile.reached(file, KIND, fingerprint).ifPresent(reached -> found.add(unit + " at step "
                        + reached.step() + " of " + reached.steps()));
            }
        } catch (IOException unreadable) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    private Path file(Engine engine, int unit) {
        return folder.resolve(Checkpoint.unitName(engine, unit) + SUFFIX);
    }

    private void write(Path file, Engine engine, int unit, int steps, UnitState state) {
        try {
            new UnitFile(KIND, fingerprint, engine, unit, steps).write(file, state.nextStep(), state::exchange);
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot save the state of unit "
                    + Checkpoint.unitName(engine, unit) + " to " + file + ": " + failure);
        }
    }
}
