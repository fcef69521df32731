package org.dmftlab.app.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmftlab.app.errors.ReplayError;
import org.dmftlab.core.spi.ConfigError;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * A file named by a plugin parameter of type PATH (for example the {@code path} of {@code spectrum-file}), with
 * its SHA-256 when the experiment was validated. {@code run.json} records it so that {@code --replay} can refuse
 * to repeat a run whose input changed since.
 *
 * @param key    the dotted key of the parameter, for example {@code problem.covariance.path}
 * @param path   the file, absolute and normalised
 * @param sha256 its SHA-256, lower-case hex
 */
public record InputFile(String key, Path path, String sha256) {

    /**
     * Hashes the file a PATH parameter names.
     *
     * @param key  the parameter's dotted key
     * @param path the file (made absolute here)
     * @throws InvalidInputException {@code config/unreadable-file} when it cannot be read
     */
    static InputFile of(String key, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return new InputFile(key, absolute, Sha256.of(absolute));
        } catch (IOException unreadable) {
            throw new InvalidInputException(ConfigError.UNREADABLE_FILE, key, absolute, "cannot be read: "
                    + unreadable.getMessage());
        }
    }

    /** The same file under {@code prefix.key}, like {@link InvalidInputException#withKeyPrefix}. */
    InputFile under(String prefix) {
        return new InputFile(prefix + "." + key, path, sha256);
    }

    /**
     * Checks that the file is still as recorded, for a replay.
     *
     * @throws InvalidInputException {@code replay/changed-input} naming the key and the path when the file is
     *                               missing, unreadable or has another SHA-256 now
     */
    void requireUnchanged() {
        if (!Files.isRegularFile(path)) {
            throw changed("it no longer exists");
        }
        String now;
        try {
            now = Sha256.of(path);
        } catch (IOException unreadable) {
            throw changed("it cannot be read any more (" + unreadable.getMessage() + ")");
        }
        if (!now.equals(sha256)) {
            throw changed("its SHA-256 was " + sha256 + ", it is " + now + " now");
        }
    }

    private InvalidInputException changed(String detail) {
        return new InvalidInputException(ReplayError.CHANGED_INPUT, key, path, "the file changed since the run: "
                + detail + "; a replay needs the same input files");
    }
}
