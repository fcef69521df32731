package org.dmftlab.app.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.plot.FigureSpec;
import org.dmftlab.app.plot.FigureWriter;
import org.dmftlab.app.plot.TwoTimeFigure;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The output folder of a run (DESIGN.md, "Output folder"): {@code theory.csv}, {@code simulation.csv},
 * {@code comparison.csv} (when both engines ran), {@code figure.png}, {@code two-time.csv} and {@code two-time.png}
 * (when the two-time functions were recorded) and {@code run.json}. Every file is written
 * atomically ({@link AtomicFiles}); {@code run.json} is written last and marks a complete run, and
 * {@link #prepare} removes the files of an earlier run first, so a run that fails never leaves a
 * complete-looking folder.
 */
public final class OutputFolder {

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

    private final Path folder;

    /** @param folder the folder; created by {@link #prepare} if needed */
    public OutputFolder(Path folder) {
        this.folder = folder;
    }

    /** The folder. */
    public Path path() {
        return folder;
    }

    /**
     * Creates the folder and removes the files an earlier run left in it (only the names listed above).
     *
     * @throws InvalidInputException {@code cli/bad-out} when the folder cannot be created or cleaned
     */
    public void prepare() {
        create(folder);
        try {
            for (String name : outputNames()) {
                Files.deleteIfExists(folder.resolve(name));
            }
        } catch (IOException unusable) {
            throw new InvalidInputException(CliError.BAD_OUT, "--out", folder,
                    "cannot be used as the output folder (" + unusable + "); choose another folder");
        }
    }

    /**
     * Creates an output folder (of a run or a sweep) with its parents, if it does not exist yet.
     *
     * @throws InvalidInputException {@code cli/bad-out} when it is an existing file or cannot be created
     */
    public static void create(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InvalidInputException(CliError.BAD_OUT, "--out", folder,
                    "is a file, not a folder; give a folder (it is created when missing)");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException unusable) {
            throw new InvalidInputException(CliError.BAD_OUT, "--out", folder,
                    "cannot be used as the output folder (" + unusable + "); choose another folder");
        }
    }

    /**
     * Removes the folder if a failed run left nothing in it (for example a theory refusal before any table); a
     * folder with files in it is kept, so the tables written before a failure can be inspected.
     */
    public void removeIfEmpty() {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException kept) {
            // Tables written before the failure stay.
        } catch (IOException ignored) {
            // Best effort while a failure is being reported; that failure is what the person needs to see.
        }
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

    /** Writes {@code run.json}; call it last. */
    public void writeReport(String json) {
        writeText(REPORT, json);
    }

    private void writeText(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(name, out -> out.write(bytes));
    }

    private void write(String name, AtomicFiles.Content content) {
        Path target = folder.resolve(name);
        try {
            AtomicFiles.write(target, content);
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot write " + target + ": " + failure);
        }
    }

    /** Whether the folder holds a complete run: its {@code run.json} (written last, atomically) exists. */
    public boolean complete() {
        return Files.isRegularFile(folder.resolve(REPORT));
    }

    /** The table of an engine: {@code theory.csv} or {@code simulation.csv}. */
    public static String table(Engine engine) {
        return engine.key() + ".csv";
    }

    private static List<String> outputNames() {
        List<String> names = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            names.add(table(engine));
        }
        names.addAll(List.of(COMPARISON, FIGURE, TWO_TIME_TABLE, TWO_TIME_FIGURE, REPORT));
        return names;
    }
}
