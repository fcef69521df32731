package org.dmftlab.app.output;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;
import org.dmftlab.app.errors.OutputError;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.Sha256;
import org.dmftlab.core.problem.RunFailedException;
import org.dmftlab.core.problem.StateChannel;
import org.dmftlab.core.problem.UnitState;

/**
 * The states of a checkpoint's units in progress (DESIGN.md, "Units of a run"): {@code ENGINE-INDEX.partial} beside
 * the finished units' files, the state a unit had between two steps ({@link UnitState}), saved every
 * {@code checkpoint.interval} and when the process is stopped by a signal ({@link #saveInFlight}), replaced
 * atomically ({@link AtomicFiles}) at each save and removed when the unit finishes.
 *
 * <p>A state file is a header (format, the run's fingerprint, engine, index, T, the next step), the state's fields in
 * the unit's own order with every double as its exact IEEE-754 bits, then the SHA-256 of all that. Arrays go in
 * chunks of {@value #CHUNK_DOUBLES} doubles, a chunk of +0.0 alone as one byte: the rows of later steps (most of the
 * triangles of responses and covariances early in a march) cost nothing. A file that is
 * truncated, altered, of another run or of another unit is ignored (the unit starts from step 0) and replaced at the
 * unit's next save. The file's digest is checked before anything is read into the unit, so a unit is either
 * restored whole or left as it was.
 */
final class UnitStates {

    /** The suffix of a state file. */
    static final String SUFFIX = ".partial";

    private static final String FORMAT = "dmftlab-partial 1";
    private static final Pattern STATE = Pattern.compile("[a-z]+-\\d+" + Pattern.quote(SUFFIX));
    private static final int DIGEST_BYTES = 32;
    private static final int CHUNK_DOUBLES = 8192;
    /** The kinds of a chunk of an array: all +0.0 (nothing follows), or its values. */
    private static final byte ZEROS = 0;
    private static final byte VALUES = 1;
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
        boolean restored = Files.isRegularFile(file) && restore(file, engine, unit, steps, state);
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
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                    if (in.readUTF().equals(FORMAT) && in.readUTF().equals(fingerprint)) {
                        in.readUTF();
                        in.readInt();
                        int steps = in.readInt();
                        found.add(unit + " at step " + in.readInt() + " of " + steps);
                    }
                } catch (IOException unreadable) {
                    // not a state of this run: not counted
                }
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
            AtomicFiles.write(file, stream -> {
                MessageDigest digest = Sha256.digest();
                DataOutputStream out = new DataOutputStream(new DigestOutputStream(stream, digest));
                out.writeUTF(FORMAT);
                out.writeUTF(fingerprint);
                out.writeUTF(engine.key());
                out.writeInt(unit);
                out.writeInt(steps);
                out.writeInt(state.nextStep());
                try {
                    state.exchange(new Writer(out));
                } catch (UncheckedIOException failure) {
                    throw failure.getCause();
                }
                out.flush();
                stream.write(digest.digest());
            });
        } catch (IOException failure) {
            throw new RunFailedException(OutputError.WRITE_FAILED, "cannot save the state of unit "
                    + Checkpoint.unitName(engine, unit) + " to " + file + ": " + failure);
        }
    }

    /** Restores the state if the file is whole and of this run and unit; else leaves the state as it is. */
    private boolean restore(Path file, Engine engine, int unit, int steps, UnitState state) {
        try {
            long length = Files.size(file);
            if (length < DIGEST_BYTES || !whole(file, length)) {
                return false;
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new LimitedStream(Files.newInputStream(file), length - DIGEST_BYTES), 1 << 16))) {
                if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(fingerprint)
                        || !in.readUTF().equals(engine.key()) || in.readInt() != unit || in.readInt() != steps) {
                    return false;
                }
                int next = in.readInt();
                Reader reader = new Reader(in);
                state.exchange(reader);
                if (state.nextStep() != next || in.read() != -1) {
                    throw new IllegalStateException("the state of " + Checkpoint.unitName(engine, unit) + " in "
                            + file + " does not have the unit's layout");
                }
                return true;
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return false;
        }
    }

    /** Whether the file's last 32 bytes are the SHA-256 of the others. */
    private static boolean whole(Path file, long length) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] trailer;
        try (InputStream in = new DigestInputStream(new LimitedStream(Files.newInputStream(file),
                length - DIGEST_BYTES), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(length - DIGEST_BYTES);
            trailer = in.readAllBytes();
        }
        return MessageDigest.isEqual(trailer, digest.digest());
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes a state: arrays in chunks of big-endian IEEE-754 bits. */
    private static final class Writer implements StateChannel {
        private final DataOutputStream out;
        private final ByteBuffer chunk = ByteBuffer.allocate(Byte.BYTES + CHUNK_DOUBLES * Double.BYTES);

        Writer(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void doubles(double[] values) {
            for (int from = 0; from < values.length; from += CHUNK_DOUBLES) {
                int count = Math.min(CHUNK_DOUBLES, values.length - from);
                boolean zeros = true;
                for (int i = 0; i < count; i++) {
                    long bits = Double.doubleToRawLongBits(values[from + i]);
                    zeros &= bits == 0;
                    chunk.putLong(Byte.BYTES + i * Double.BYTES, bits);
                }
                chunk.put(0, zeros ? ZEROS : VALUES);
                write(zeros ? Byte.BYTES : Byte.BYTES + count * Double.BYTES);
            }
        }

        @Override
        public long value(long value) {
            chunk.putLong(0, value);
            write(Long.BYTES);
            return value;
        }

        private void write(int bytes) {
            try {
                out.write(chunk.array(), 0, bytes);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    /** Reads a state written by {@link Writer}. */
    private static final class Reader implements StateChannel {
        private final DataInputStream in;
        private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_DOUBLES * Double.BYTES);

        Reader(DataInputStream in) {
            this.in = in;
        }

        @Override
        public void doubles(double[] values) {
            for (int from = 0; from < values.length; from += CHUNK_DOUBLES) {
                int count = Math.min(CHUNK_DOUBLES, values.length - from);
                read(Byte.BYTES);
                byte kind = chunk.get(0);
                if (kind == ZEROS) {
                    Arrays.fill(values, from, from + count, 0);
                } else if (kind == VALUES) {
                    read(count * Double.BYTES);
                    for (int i = 0; i < count; i++) {
                        values[from + i] = chunk.getDouble(i * Double.BYTES);
                    }
                } else {
                    throw new IllegalStateException("a unit's state has a chunk of unknown kind " + kind);
                }
            }
        }

        @Override
        public long value(long value) {
            read(Long.BYTES);
            return chunk.getLong(0);
        }

        private void read(int bytes) {
            try {
                in.readFully(chunk.array(), 0, bytes);
            } catch (EOFException truncated) {
                throw new IllegalStateException("a unit's state ended early", truncated);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }
}
