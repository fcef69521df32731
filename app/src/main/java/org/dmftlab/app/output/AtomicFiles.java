package org.dmftlab.app.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.UUID;
import org.dmftlab.app.experiment.Sha256;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's folder, is forced to the
 * disk, and the temporary file is then renamed onto the target with {@link StandardCopyOption#ATOMIC_MOVE}. A
 * reader sees the old file or the complete new one, never a partial one; on failure the temporary file is removed.
 */
public final class AtomicFiles {

    /** Content that can be streamed to a file. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content; the stream is closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Writes streamed content atomically; the target's folder must exist.
     *
     * @return the SHA-256 of the bytes written, lower-case hex
     */
    public static String write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // Not Files.createTempFile: its owner-only permissions would survive the rename. CREATE_NEW with a random
        // name gives the ordinary permissions (umask) and still never touches someone else's file.
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        MessageDigest digest = Sha256.digest();
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
                        BUFFER_BYTES), digest);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        return Sha256.hex(digest);
    }

    /** Whether {@code name} is the name of a temporary file that {@link #write} leaves only if the process dies. */
    static boolean temporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }
}
