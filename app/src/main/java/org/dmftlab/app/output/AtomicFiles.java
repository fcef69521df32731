package org.dmftlab.app.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
    }
}
