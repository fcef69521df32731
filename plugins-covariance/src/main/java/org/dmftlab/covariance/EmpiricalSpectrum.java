package org.dmftlab.covariance;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * A spectrum given by n eigenvalues λ_(1) ≤ … ≤ λ_(n) with their teacher powers (SPEC §1): the quantile is the
 * step function σ(u) = λ_(⌈un⌉), so the dimension-d eigenvalues σ((j − ½)/d) of {@link Covariance#eigenvalues}
 * are exactly the n values when d = n; τ(u) is the teacher power of the same row, rescaled to mean 1.
 */
final class EmpiricalSpectrum implements Covariance {

    static final String EIGENVALUE = "eigenvalue";
    static final String TEACHER_POWER = "teacher-power";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** Ascending. */
    private final double[] eigenvalues;
    /** Row-aligned with {@link #eigenvalues}, mean 1. */
    private final double[] teacherPowers;

    private EmpiricalSpectrum(double[] eigenvalues, double[] teacherPowers) {
        this.eigenvalues = eigenvalues;
        this.teacherPowers = teacherPowers;
    }

    @Override
    public double eigenvalueQuantile(double u) {
        return eigenvalues[row(u)];
    }

    @Override
    public double teacherPower(double u) {
        return teacherPowers[row(u)];
    }

    /** The 0-based sorted row of quantile u ∈ (0, 1]: ⌈un⌉ − 1, clamped. */
    private int row(double u) {
        int n = eigenvalues.length;
        return Math.min(n - 1, Math.max(0, (int) Math.ceil(u * n) - 1));
    }

    /**
     * Reads a spectrum CSV (format in {@link SpectrumFileCovarianceProvider}).
     *
     * @param file the file
     * @param key  the parameter key that named the file, for messages
     * @throws InvalidInputException naming the file, line and value for every problem with the file
     */
    static EmpiricalSpectrum read(Path file, String key) {
        CsvFile csv = new CsvFile(file, key);
        List<String> lines = csv.lines();
        int header = IntStream.range(0, lines.size()).filter(i -> !lines.get(i).isBlank()).findFirst()
                .orElseThrow(() -> csv.error(SpectrumError.NO_ROWS, 0, "the file is empty; it needs a header line"
                        + " with a column '" + EIGENVALUE + "' and one row per eigenvalue"));
        List<String> columns = cells(lines.get(header));
        int eigenvalueColumn = columns.indexOf(EIGENVALUE);
        int powerColumn = columns.indexOf(TEACHER_POWER);
        if (eigenvalueColumn < 0) {
            throw csv.error(SpectrumError.BAD_HEADER, header + 1, "header '" + lines.get(header).strip()
                    + "' has no column '" + EIGENVALUE + "'; name the columns " + EIGENVALUE + "[," + TEACHER_POWER + "]");
        }
        double[] values = new double[lines.size()];
        double[] powers = new double[lines.size()];
        int rows = 0;
        for (int i = header + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = cells(lines.get(i));
            values[rows] = csv.number(row, eigenvalueColumn, EIGENVALUE, i + 1);
            powers[rows] = powerColumn < 0 ? 1 : csv.number(row, powerColumn, TEACHER_POWER, i + 1);
            rows++;
        }
        if (rows == 0) {
            throw csv.error(SpectrumError.NO_ROWS, header + 1, "no rows after the header; give one row per eigenvalue");
        }
        double meanPower = Arrays.stream(powers, 0, rows).sum() / rows;
        if (meanPower <= 0) {
            throw csv.error(SpectrumError.BAD_VALUE, 0, "every " + TEACHER_POWER
                    + " is 0; the teacher needs a positive power somewhere");
        }
        Integer[] order = IntStream.range(0, rows).boxed().sorted(Comparator.comparingDouble(r -> values[r]))
                .toArray(Integer[]::new);
        double[] sortedValues = new double[rows];
        double[] sortedPowers = new double[rows];
        for (int r = 0; r < rows; r++) {
            sortedValues[r] = values[order[r]];
            sortedPowers[r] = powers[order[r]] / meanPower;
        }
        return new EmpiricalSpectrum(sortedValues, sortedPowers);
    }

    /** The comma-separated cells of a line, trimmed and without surrounding double quotes. */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::strip)
                .map(cell -> cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                        ? cell.substring(1, cell.length() - 1).strip() : cell)
                .toList();
    }

    /** Reads one file and builds errors that name it. */
    private record CsvFile(Path file, String key) {

        List<String> lines() {
            try {
                List<String> lines = new ArrayList<>(Files.readAllLines(file));
                // Spreadsheets often start a UTF-8 CSV with a byte-order mark; it is not part of the header.
                if (!lines.isEmpty() && lines.get(0).startsWith(BYTE_ORDER_MARK)) {
                    lines.set(0, lines.get(0).substring(1));
                }
                return lines;
            } catch (NoSuchFileException missing) {
                throw new InvalidInputException(ConfigError.MISSING_FILE, key, file,
                        "'spectrum-file': no such file; give the path of a CSV file, relative to the experiment file");
            } catch (MalformedInputException notText) {
                throw new InvalidInputException(SpectrumError.UNREADABLE, key, file,
                        "'spectrum-file': not a UTF-8 text file; give a CSV file");
            } catch (IOException unreadable) {
                throw new InvalidInputException(SpectrumError.UNREADABLE, key, file,
                        "'spectrum-file': cannot be read (" + unreadable.getMessage() + ")");
            }
        }

        /** The non-negative finite number in {@code column} of a row on line {@code line} (1-based). */
        double number(List<String> row, int column, String name, int line) {
            if (column >= row.size()) {
                throw error(SpectrumError.BAD_ROW, line, "has " + row.size() + " cells, no value in column '" + name
                        + "'");
            }
            String text = row.get(column);
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                throw error(SpectrumError.BAD_VALUE, line, name + " '" + text + "' is not a number");
            }
            if (!Double.isFinite(value) || value < 0) {
                throw error(SpectrumError.BAD_VALUE, line, name + " '" + text + "' must be a finite number >= 0");
            }
            return value;
        }

        InvalidInputException error(SpectrumError code, int line, String detail) {
            String where = line > 0 ? "line " + line + ": " : "";
            return new InvalidInputException(code, key, file, "'spectrum-file' " + where + detail);
        }
    }
}
