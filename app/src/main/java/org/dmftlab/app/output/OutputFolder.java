package org.dmftlab.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.plot.FigureSpec;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.app.plot.TwoTimeFigure;
import org.dmftlab.core.problem.RunError;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The output folder of a run (DESIGN.md, "Output folder"), written as a transaction: {@code theory.csv},
 * {@code simulation.csv}, {@code comparison.csv} (when both engines ran), {@code figure.png}, {@code two-time.csv} and
 * {@code two-time.png} (when the two-time functions were recorded) and {@code run.json} (which records the SHA-256 of
 * the others) go into a fresh staging folder beside the target, and
 * {@link #publish} puts the complete set in place.
 *
 * <p>For a target {@code runs/x}, with {@code P} the writer's process id:
 * <ul>
 *   <li>{@code runs/.x.lock}: the {@link FolderLock}, held from {@link #open} to {@link #close}; a second writer is
 *       refused;</li>
 *   <li>{@code runs/.x.staging-P}: the staging folder the files are written to;</li>
 *   <li>{@code runs/.x.old-P}: the previous results during {@link #publish}, removed right after.</li>
 * </ul>
 * POSIX cannot rename a folder onto a non-empty one, so publishing is two renames: the previous folder aside, then
 * the staging folder in. What a reader of {@code runs/x} sees, at every instant: the previous complete results
 * (or nothing, for a first run) until the publish, then for the moment between the two renames no folder, then
 * the new complete results; never a mix of two runs within the folder and never a partial file. (A reader that
 * opens one file before the publish and another after it reads two runs: compare each file with the SHA-256 that
 * {@code run.json} records.)
 *
 * <p>A run that fails, is refused, or is interrupted leaves {@code runs/x} as it was: {@link #close} without
 * {@link #publish} removes the staging folder, and a signal ({@link #abandonAll}, from a shutdown hook) abandons
 * the transaction and says so. What a killed process leaves (its staging folder, a folder moved aside between the
 * two renames, its lock file) is cleared by the next writer of the same target, which takes the lock first: the
 * staging folder is removed, and previous results moved aside are put back if the target is missing.
 *
 * <p>A run that keeps a {@link Checkpoint} writes its finished units into {@code runs/.x.staging-P/units}. An
 * interrupted run (a signal, {@code kill -9}) leaves that staging folder; {@link #resume} adopts it where it is (its
 * name keeps the interrupted run's process id, so that tasks of other processes writing into it keep their path) and
 * the run goes on from the saved units; the folder {@code units} is removed before the publish. A
 * signal's message names the saved units and the command that resumes the run.
 *
 * <p>A target that exists must look like the output folder of a run (only the files above, see
 * {@link #requireUsable}): the publish replaces the whole folder, and files that dmftlab did not write would be
 * lost.
 */
public final class OutputFolder implements AutoCloseable {

    /** Per-observable distance between the engines. */
    public static final String COMPARISON = "comparison.csv";
    /** One panel per observable, theory line and simulation points. */
    public static final String FIGURE = "figure.png";
    /** The two-time functions of SPEC §3.1 in long format, when recorded. */
    public static final String TWO_TIME_TABLE = "two-time.csv";
    /** Their heatmaps. */
    public static final String TWO_TIME_FIGURE = "two-time.png";
    /** The record of the run; written last. */
    public static final String REPORT = "run.json";

    /**
     * What a run keeps in its staging folder besides its output, removed before the publish: its {@link Checkpoint},
     * and the files of the launcher its units run with ({@code .launch}, see {@link org.dmftlab.core.spi.LaunchContext#folder()}).
     */
    private static final List<String> WORKING = List.of(Checkpoint.FOLDER, ".launch");

    /** The transactions of this process that are neither published nor closed, for {@link #abandonAll}. */
    private static final Set<OutputFolder> OPEN = ConcurrentHashMap.newKeySet();

    private enum State { OPEN, PUBLISHED, ABANDONED, INTERRUPTED }

    private final Path target;
    private final Path staging;
    private final FolderLock lock;
    private final Map<String, String> files = Collections.synchronizedMap(new LinkedHashMap<>());
    private State state = State.OPEN;
    private volatile Checkpoint checkpoint;

    private OutputFolder(Path target, Path staging, FolderLock lock) {
        this.target = target;
        this.staging = staging;
        this.lock = lock;
    }

    /**
     * Checks, without writing anything, that a run may publish into {@code target}: it is not a file, and if it is
     * a folder it holds nothing but the files of a run.
     *
     * @param option the option that named it ({@code --out}), for messages
     * @throws InvalidInputException {@code cli/bad-out} for a file or a path without a name (such as {@code /}),
     *                               {@code output/foreign-files} for a folder holding other files
     */
    public static void requireUsable(Path target, String option) {
        Path absolute = absolute(target, option);
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidInputException(CliError.BAD_OUT, option, target,
                    "is a file, not a folder; give a folder (it is created when missing)");
        }
        if (!Files.isDirectory(absolute)) {
            return;
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(absolute)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!outputNames().contains(name) && !AtomicFiles.temporary(name)) {
                    foreign.add(Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
                }
            }
        } catch (IOException unreadable) {
            throw new InvalidInputException(CliError.BAD_OUT, option, target, "cannot be read (" + unreadable
                    + "); choose another folder");
        }
        if (!foreign.isEmpty()) {
            Collections.sort(foreign);
            throw new InvalidInputException(OutputError.FOREIGN_FILES, option, target, "holds files that are not"
                    + " the output of a run (" + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? ", …" : "") + "); a run replaces its whole output folder, so give a new"
                    + " or empty folder, or the folder of an earlier run");
        }
    }

    /**
     * Starts a run's transaction: checks the target ({@link #requireUsable}), creates its parent folders, takes its
     * lock, clears what killed writers left, and creates an empty staging folder.
     *
     * @param target the folder the run publishes to
     * @param option the option that named it ({@code --out}), for messages
     * @param notes  receives one line per stale lock cleared and per leftover removed or restored
     * @throws InvalidInputException {@code output/locked} naming the process that writes the folder, and the
     *                               errors of {@link #requireUsable}
     */
    public static OutputFolder open(Path target, String option, PrintWriter notes) {
        return begin(target, option, notes, false);
    }

    /**
     * Continues the transaction of an interrupted run of {@code target} (for {@code dmftlab run --resume}): as
     * {@link #open}, but the staging folder that the interrupted run left with its {@link Checkpoint} (the newest
     * one, when several) becomes this run's, where it is, holding the saved units and nothing else.
     *
     * @throws InvalidInputException {@code output/nothing-to-resume} when no interrupted run of {@code target} left
     *                               a checkpoint, and the errors of {@link #open}
     */
    public static OutputFolder resume(Path target, String option, PrintWriter notes) {
        return begin(target, option, notes, true);
    }

    private static OutputFolder begin(Path target, String option, PrintWriter notes, boolean resume) {
        requireUsable(target, option);
        Path absolute = absolute(target, option);
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException unusable) {
            throw new InvalidInputException(CliError.BAD_OUT, option, target, "its folder cannot be created ("
                    + unusable + "); choose another folder");
        }
        FolderLock lock = FolderLock.acquire(absolute, option);
        try {
            lock.staleHolder().ifPresent(pid -> note(notes, "cleared the stale lock of process " + pid
                    + ", which ended without finishing " + target));
            Path staging;
            if (resume) {
                staging = interrupted(absolute).orElseThrow(() -> nothingToResume(target, option));
                clearStaging(staging);
                note(notes, "resuming " + target + " from the units saved in " + staging);
                clearLeftovers(absolute, notes, staging);
            } else {
                staging = sibling(absolute, "staging");
                clearLeftovers(absolute, notes, staging);
                Files.createDirectory(staging);
            }
            OutputFolder folder = new OutputFolder(absolute, staging, lock);
            OPEN.add(folder);
            return folder;
        } catch (IOException | RuntimeException failure) {
            lock.close();
            if (failure instanceof IOException io) {
                throw new RunFailedException(OutputError.WRITE_FAILED, "cannot prepare " + target + ": " + io);
            }
            throw (RuntimeException) failure;
        }
    }

    /**
     * The record of the checkpoint that an interrupted run of {@code target} left (the newest, when several), which
     * {@code dmftlab run --resume} replays; without taking the lock (nothing is changed).
     *
     * @param option the option that named the target, for messages
     * @throws InvalidInputException {@code output/nothing-to-resume} when there is none, and {@code cli/bad-out}
     */
    public static Path checkpointRecord(Path target, String option) {
        return Checkpoint.recordFile(interrupted(absolute(target, option))
                .orElseThrow(() -> nothingToResume(target, option)));
    }

    /**
     * Checks that the checkpoint an interrupted run of {@code target} left is of this run: the same fingerprint
     * ({@link RunReport#configuration}), so that its units are this run's units.
     *
     * @param configuration this run's configuration with its fingerprint
     * @throws InvalidInputException {@code output/checkpoint-mismatch} naming the first setting that differs (or the
     *                               plugin versions, the input files or the dmftlab version),
     *                               {@code output/nothing-to-resume} when there is no checkpoint
     */
    public static void requireResumable(Path target, String option, ObjectNode configuration) {
        Path staging = interrupted(absolute(target, option)).orElseThrow(() -> nothingToResume(target, option));
        JsonNode recorded = Checkpoint.record(staging).orElseThrow(() -> nothingToResume(target, option));
        if (!RunReport.sameFingerprint(recorded, configuration)) {
            throw new InvalidInputException(OutputError.CHECKPOINT_MISMATCH, option, target, "was interrupted while"
                    + " running another configuration (" + Checkpoint.difference(recorded, configuration) + "), whose"
                    + " saved units are not this run's; resume it as recorded with dmftlab run " + option + " "
                    + target + ", or start this one afresh with --out " + target);
        }
    }

    /**
     * Whether an interrupted or detached run of {@code target} left a checkpoint of this configuration (the same
     * fingerprint): a run with a launcher then continues it, as {@code --resume} would.
     */
    public static boolean resumable(Path target, String option, ObjectNode configuration) {
        return interrupted(absolute(target, option)).flatMap(Checkpoint::record)
                .map(record -> RunReport.sameFingerprint(record, configuration)).orElse(false);
    }

    private static InvalidInputException nothingToResume(Path target, String option) {
        return new InvalidInputException(OutputError.NOTHING_TO_RESUME, option, target, "holds no interrupted run"
                + " to resume (an interrupted or killed run leaves its saved units beside it, in ." + target
                .getFileName() + ".staging-PID); run without --resume, with --out " + target);
    }

    /** The newest staging folder of {@code target} that holds a checkpoint record. */
    private static Optional<Path> interrupted(Path target) {
        Pattern staging = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.staging-\\d+");
        Path newest = null;
        FileTime newestTime = null;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                entry -> staging.matcher(entry.getFileName().toString()).matches())) {
            for (Path candidate : siblings) {
                Path record = Checkpoint.recordFile(candidate);
                if (Files.isRegularFile(record)) {
                    FileTime time = Files.getLastModifiedTime(record);
                    if (newest == null || time.compareTo(newestTime) > 0) {
                        newest = candidate;
                        newestTime = time;
                    }
                }
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.ofNullable(newest);
    }

    /** Removes everything from an adopted staging folder but its checkpoint and its launcher's files. */
    private static void clearStaging(Path staging) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
            for (Path entry : entries) {
                if (!WORKING.contains(entry.getFileName().toString())) {
                    deleteTree(entry);
                }
            }
        }
    }

    /**
     * Starts this run's checkpoint in the staging folder ({@link Checkpoint}); after {@link #resume}, the saved units
     * whose fingerprint is the record's are loaded from it.
     *
     * @param record        the run's configuration and fingerprint ({@link RunReport#configuration})
     * @param units         per engine that runs, its number of units
     * @param resumeCommand the command that resumes the run, printed when a signal interrupts it
     */
    public Checkpoint checkpoint(ObjectNode record, Map<Engine, Integer> units, String resumeCommand) {
        checkpoint = Checkpoint.start(staging, record, units, resumeCommand);
        return checkpoint;
    }

    /**
     * Marks every open transaction of this process as interrupted, releases its lock and prints one line per
     * target saying that it keeps its previous results; for a shutdown hook (Ctrl-C, {@code kill}). A publish in
     * progress completes first, and none starts after.
     */
    public static void abandonAll(PrintWriter err) {
        for (OutputFolder folder : List.copyOf(OPEN)) {
            synchronized (folder) {
                if (folder.state == State.OPEN) {
                    folder.state = State.INTERRUPTED;
                    Checkpoint saved = folder.checkpoint;
                    err.println("dmftlab: interrupted: " + folder.target + (Files.isDirectory(folder.target)
                            ? " keeps its previous results" : " was not written") + (saved == null ? ""
                            : "; " + saved.progress() + ", resume with: " + saved.resumeCommand()));
                    folder.lock.close();
                }
            }
            OPEN.remove(folder);
        }
        err.flush();
    }

    /** The folder the run publishes to (absolute). */
    public Path path() {
        return target;
    }

    /** Writes an engine's table. */
    public void write(EngineRun run) {
        writeText(run.tableName(), CsvTables.trajectory(run.trajectory(), run.engine()));
    }

    /** Writes {@code comparison.csv}. */
    public void writeComparison(List<ObservableComparison> rows) {
        writeText(COMPARISON, CsvTables.comparison(rows));
    }

    /** Writes {@code figure.png} with the given writer. */
    public void writeFigure(FigureSpec figure, FigureWriter writer) {
        write(FIGURE, out -> writer.writePng(figure, out));
    }

    /** Writes {@code two-time.csv} ({@link CsvTables#twoTime}) and {@code two-time.png} ({@link TwoTimeFigure}). */
    public void writeTwoTime(TwoTimeFigure figure) {
        writeText(TWO_TIME_TABLE, CsvTables.twoTime(figure.theory(), figure.simulation()));
        write(TWO_TIME_FIGURE, figure::writePng);
    }

    /** Writes {@code run.json}; call it last, with {@link #files()} recorded in it. */
    public void writeReport(String json) {
        writeText(REPORT, json);
    }

    /** The files written so far, each with its SHA-256, in the order written. */
    public Map<String, String> files() {
        synchronized (files) {
            return new LinkedHashMap<>(files);
        }
    }

    private void writeText(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(name, out -> out.write(bytes));
    }

    private void write(String name, AtomicFiles.Content content) {
        Path file = staging.resolve(name);
        try {
            files.put(name, AtomicFiles.write(file, content));
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot write " + file + ": " + failure);
        }
    }

    /**
     * Puts the complete run in place of the target: the previous folder aside, the staging folder in, the previous
     * folder removed (see the class comment for what a reader sees meanwhile).
     *
     * @throws RunFailedException {@code run/interrupted} when a signal abandoned the transaction,
     *                            {@code output/publish-failed} when a rename fails (the previous results are put
     *                            back, or the message names where they are)
     */
    public synchronized void publish() {
        if (state != State.OPEN) {
            throw new RunFailedException(RunError.INTERRUPTED, "interrupted before its results were published; "
                    + target + " is unchanged");
        }
        Path aside = null;
        try {
            for (String working : WORKING) {
                deleteTree(staging.resolve(working));
            }
            force(staging);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                aside = sibling(target, "old");
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.PUBLISH_FAILED, "cannot move the finished run from " + staging
                    + " to " + target + " (" + failure + ")" + putBack(aside) + "; check the permissions of "
                    + target.getParent());
        }
        state = State.PUBLISHED;
        OPEN.remove(this);
        force(target.getParent());
        if (aside != null) {
            deleteQuietly(aside);
        }
    }

    /**
     * Ends the transaction without publishing and keeps the staging folder with its checkpoint, for a later run of
     * the same configuration to adopt ({@link #resume}): the units still running elsewhere ({@code --detach}) or
     * those that succeeded when others failed. Releases the lock.
     */
    public synchronized void keep() {
        if (state == State.OPEN) {
            state = State.INTERRUPTED;
        }
        if (checkpoint != null) {
            checkpoint.release();
        }
        OPEN.remove(this);
        lock.close();
    }

    /** The staging folder, absolute: where a launcher's tasks of this run write ({@link Checkpoint}). */
    public Path staging() {
        return staging;
    }

    /** Ends the transaction: without a {@link #publish}, the staging folder is removed; the lock is released. */
    @Override
    public synchronized void close() {
        if (state == State.OPEN) {
            state = State.ABANDONED;
            deleteQuietly(staging);
        }
        if (checkpoint != null) {
            checkpoint.release();
        }
        OPEN.remove(this);
        lock.close();
    }

    /** After a failed rename of the staging folder: puts the previous folder back, or says where it is. */
    private String putBack(Path aside) {
        if (aside == null) {
            return "";
        }
        try {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            return "; the previous results are unchanged";
        } catch (IOException failure) {
            return "; the previous results are in " + aside;
        }
    }

    /**
     * Removes what killed writers of {@code target} left beside it: staging folders, and a previous folder moved
     * aside (put back when the target is missing: the writer died between the two renames of a publish). Called
     * with the lock held, so none of these belongs to a live writer.
     */
    private static void clearLeftovers(Path target, PrintWriter notes, Path keep) throws IOException {
        Pattern leftover = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString())
                + "\\.(staging|old)-(\\d+)");
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                entry -> leftover.matcher(entry.getFileName().toString()).matches())) {
            siblings.forEach(entries::add);
        }
        Collections.sort(entries);
        for (Path entry : entries) {
            Matcher kind = leftover.matcher(entry.getFileName().toString());
            if (!kind.matches() || entry.equals(keep)) {
                continue;
            }
            if (kind.group(1).equals("old") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
                note(notes, "restored the previous results of " + target + ", which process " + kind.group(2)
                        + " had moved aside when it was killed");
            } else {
                boolean resumable = Files.isRegularFile(Checkpoint.recordFile(entry));
                deleteTree(entry);
                if (kind.group(1).equals("staging")) {
                    note(notes, "removed the unfinished output of process " + kind.group(2) + " (" + entry + ")"
                            + (resumable ? "; its saved units are lost (run --resume would have continued from them)"
                            : ""));
                }
            }
        }
    }

    /** {@code .<name>.<kind>-<pid>} beside the target. */
    private static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid());
    }

    /** The target as an absolute path; a symbolic link to a folder stands for that folder. */
    private static Path absolute(Path target, String option) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getFileName() == null || absolute.getParent() == null) {
            throw new InvalidInputException(CliError.BAD_OUT, option, target, "has no name of its own; give a"
                    + " folder such as runs/try1");
        }
        try {
            return Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException dangling) {
            throw new InvalidInputException(CliError.BAD_OUT, option, target, "is a symbolic link to nothing ("
                    + dangling + "); choose another folder");
        }
    }

    /** Forces a folder's entries to the disk, where the platform allows it (Linux does; a no-op elsewhere). */
    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException unsupported) {
            // Not every platform can open a folder; the renames are atomic either way.
        }
    }

    private static void deleteQuietly(Path tree) {
        try {
            deleteTree(tree);
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover is removed by the next writer of the same target.
        }
    }

    /** Deletes a folder and everything in it, never following symbolic links. */
    static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void note(PrintWriter notes, String text) {
        notes.println("dmftlab: " + text);
        notes.flush();
    }

    /** The table of an engine: {@code theory.csv} or {@code simulation.csv}. */
    public static String table(Engine engine) {
        return engine.key() + ".csv";
    }

    /** Every file a run folder may hold. */
    static List<String> outputNames() {
        List<String> names = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            names.add(table(engine));
        }
        names.addAll(List.of(COMPARISON, FIGURE, TWO_TIME_TABLE, TWO_TIME_FIGURE, REPORT));
        return names;
    }
}
