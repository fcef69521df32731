package org.dmftlab.app.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's folder, which is then
 * renamed onto the target with {@link StandardCopyOption#ATOMIC_MOVE}. A reader sees the old file or the complete
 * new one, never a partial one; on failure the temporary file is removed.
 */
public final class AtomicFiles {

    /** Content that can be streamed to a file. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content; the stream is closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes streamed content atomically; the target's folder must exist. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // Not Files.createTempFile: its owner-only permissions would survive the rename. CREATE_NEW with a random
        // name gives the ordinary permissions (umask) and still never touches someone else's file.
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
    }
}
