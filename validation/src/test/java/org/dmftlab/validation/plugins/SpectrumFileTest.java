package org.dmftlab.validation.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.InvalidInputException;
import org.dmftlab.validation.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code spectrum-file}: reading, sorting and rescaling a spectrum CSV, and every error naming file, line and value. */
class SpectrumFileTest {

    @TempDir
    Path folder;

    private Covariance read(String text) throws IOException {
        Path file = folder.resolve("spectrum.csv");
        Files.writeString(file, text);
        return Plugins.covariance("spectrum-file", Map.of("path", file.toString()));
    }

    @Test
    void dimensionEqualToTheRowsGivesExactlyTheFileValues() throws IOException {
        Covariance spectrum = read("index,eigenvalue\n0,3.5\n1,0.5\n\n2,1.5\n3,0\n");
        assertArrayEquals(new double[] {0, 0.5, 1.5, 3.5}, spectrum.eigenvalues(4));
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1.5, 1.5, 3.5, 3.5}, spectrum.eigenvalues(8));
        assertEquals(1, spectrum.teacherPower(0.3), "teacher power defaults to 1");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
        assertArrayEquals(new double[] {0.5, 1.5}, read("\uFEFFeigenvalue\n1.5\n0.5\n").eigenvalues(2));
    }

    @Test
    void teacherPowersTravelWithTheirEigenvalueAndAreRescaledToMeanOne() throws IOException {
        Covariance spectrum = read("\"teacher-power\" , \"eigenvalue\"\n4,2\n0,1\n2,3\n");
        // Sorted by eigenvalue: (1, 0), (2, 4), (3, 2); mean power 2.
        assertArrayEquals(new double[] {1, 2, 3}, spectrum.eigenvalues(3));
        assertEquals(0, spectrum.teacherPower(0.1));
        assertEquals(2, spectrum.teacherPower(0.5));
        assertEquals(1, spectrum.teacherPower(0.9));
    }

    /** (what, file text, code, line named, value named). */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("bad number", "eigenvalue\n1\nabc\n", "spectrum/bad-value", "line 3", "'abc'"),
                Arguments.of("negative", "eigenvalue\n1\n\n-0.5\n", "spectrum/bad-value", "line 4", "'-0.5'"),
                Arguments.of("infinite", "eigenvalue\nInfinity\n", "spectrum/bad-value", "line 2", "'Infinity'"),
                Arguments.of("bad teacher power", "eigenvalue,teacher-power\n1,2\n1,-1\n", "spectrum/bad-value",
                        "line 3", "'-1'"),
                Arguments.of("missing cell", "eigenvalue,teacher-power\n1\n", "spectrum/bad-row", "line 2",
                        "'teacher-power'"),
                Arguments.of("no eigenvalue column", "value\n1\n", "spectrum/bad-header", "line 1", "'value'"),
                Arguments.of("no rows", "eigenvalue\n\n", "spectrum/no-rows", "line 1", "after the header"),
                Arguments.of("empty file", "", "spectrum/no-rows", "empty", "header"),
                Arguments.of("all powers zero", "eigenvalue,teacher-power\n1,0\n2,0\n", "spectrum/bad-value",
                        "every teacher-power", "is 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void everyProblemNamesTheFileTheLineAndTheValue(String what, String text, String code, String line, String value)
            throws IOException {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> read(text));
        String message = error.getMessage();
        assertEquals(code, error.code(), message);
        assertEquals("path", error.key());
        assertTrue(message.contains(folder.resolve("spectrum.csv").toString()), () -> "no file in " + message);
        assertTrue(message.contains(line), () -> "no '" + line + "' in " + message);
        assertTrue(message.contains(value), () -> "no '" + value + "' in " + message);
        assertEquals(2, error.exitCode());
    }

    @Test
    void aMissingFileIsInvalidInput() {
        Path missing = folder.resolve("nowhere.csv");
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> Plugins.covariance("spectrum-file", Map.of("path", missing.toString())));
        assertEquals("config/missing-file", error.code());
        assertTrue(error.getMessage().contains("path = " + missing), error.getMessage());
    }

    @Test
    void thePathIsRequired() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> Plugins.covariance("spectrum-file", Map.of()));
        assertEquals("config/missing-key", error.code());
        assertTrue(error.getMessage().contains("'spectrum-file'"), error.getMessage());
    }
}
