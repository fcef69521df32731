package org.dmftlab.app.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * The one writer of an output folder: the file {@code .<name>.lock} beside the folder {@code <name>}, locked with
 * the operating system's file lock ({@link FileChannel#tryLock()}) and holding the writer's process id and host
 * (a cluster's nodes share the folder).
 *
 * <p>The operating system releases the lock when its process ends, however it ends (kill -9 included), so a lock
 * file that can be locked again is stale: its process is gone. A new writer then takes it over, and
 * {@link #staleHolder()} names the process that left it. A holder removes the file while it still holds the lock,
 * and a new writer checks after locking that the file at the path is the one it locked (its own record is there),
 * so two writers never both believe they hold it. A second writer is refused with exit 2, naming the holder's
 * process id and host.
 */
public final class FolderLock implements AutoCloseable {

    /** The holder's record: {@code pid 1234 on node7 since 2026-11-29T20:00:00Z} (files of older versions: no host). */
    private static final Pattern RECORD = Pattern.compile("pid (\\d+)(?: on (\\S+))? since (\\S+)");
    /** Attempts to lock, and to read a holder's record that is being written. */
    private static final int ATTEMPTS = 5;
    private static final long PAUSE_MILLIS = 40;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Long staleHolder;
    private boolean closed;

    private FolderLock(Path file, FileChannel channel, FileLock lock, Long staleHolder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.staleHolder = staleHolder;
    }

    /** The lock file of a folder: {@code .<name>.lock} in its parent. */
    public static Path fileOf(Path folder) {
        return folder.resolveSibling("." + folder.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code folder} (whose parent must exist).
     *
     * @param option the command-line option that named the folder, for messages ({@code --out})
     * @throws InvalidInputException {@code output/locked} when another process (or another command of this one)
     *                               writes the folder: the message names its process id
     * @throws RunFailedException    {@code output/write-failed} when the lock file cannot be written
     */
    public static FolderLock acquire(Path folder, String option) {
        Path file = fileOf(folder);
        String record = "pid " + ProcessHandle.current().pid() + " on " + Machine.host() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    String holder = holder(channel);
                    channel.close();
                    if (holder == null && attempt < ATTEMPTS - 1) {
                        pause();
                        continue;
                    }
                    throw locked(folder, option, holder);
                }
                String previous = read(channel);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
                if (record.equals(readPath(file))) {
                    Matcher stale = RECORD.matcher(previous);
                    return new FolderLock(file, channel, lock,
                            stale.lookingAt() ? Long.valueOf(stale.group(1)) : null);
                }
                // The file we locked was removed by its holder before we locked it: lock the file now at the path.
                lock.release();
                channel.close();
            }
            throw locked(folder, option, null);
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot lock " + folder + " with " + file + ": "
                    + failure + "; check the permissions of " + file.getParent());
        }
    }

    /** The process whose lock was found stale (it ended without releasing it) and taken over, if any. */
    public Optional<Long> staleHolder() {
        return Optional.ofNullable(staleHolder);
    }

    /**
     * Removes the lock file, then releases the lock (in this order: see the class comment). Once only: after the
     * release, the file at the path may be the next writer's.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A lock file that cannot be removed is stale once the lock is released; the next writer takes it over.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The operating system releases the lock when the channel or the process goes away.
        }
    }

    /** The lock, or null when another process holds it; a lock this process holds counts as another writer's. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    /** The holder's process id and host as written in its record, or null while the record is not written yet. */
    private static String holder(FileChannel channel) throws IOException {
        Matcher record = RECORD.matcher(read(channel));
        if (!record.lookingAt()) {
            return null;
        }
        return record.group(1) + (record.group(2) == null ? "" : " on " + record.group(2)) + " (since "
                + record.group(3) + ")";
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        int length = Math.max(0, channel.read(buffer, 0));
        return new String(buffer.array(), 0, length, StandardCharsets.UTF_8);
    }

    private static String readPath(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException removed) {
            return "";
        }
    }

    private static InvalidInputException locked(Path folder, String option, String holder) {
        String who = holder == null ? "another process" : "process " + holder;
        return new InvalidInputException(OutputError.LOCKED, option, folder, "is being written by " + who + ", which"
                + " holds " + fileOf(folder) + "; wait until it ends or choose another folder");
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
