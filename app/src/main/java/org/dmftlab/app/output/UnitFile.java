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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.Sha256;
import org.dmftlab.core.problem.StateChannel;

/**
 * The file of one unit in a checkpoint's folder, finished ({@link Checkpoint}) or in progress ({@link UnitStates}):
 * a header, a body sent through a {@link StateChannel} (every double as its exact IEEE-754 bits, so NaN payloads and
 * signed zeros come back as they were; arrays in chunks of {@value #CHUNK_DOUBLES} doubles, a chunk of +0.0 alone as
 * one byte), then the SHA-256 of all that. Written atomically ({@link AtomicFiles}). A file is read only when its
 * digest holds and its header is of this kind, this run, this unit and T; otherwise it counts as absent, so a unit is
 * either read whole or left as it was.
 *
 * @param kind        what the file holds, with its layout's version ({@code dmftlab-unit 2})
 * @param fingerprint the run's fingerprint ({@link RunReport#configuration})
 * @param engine      the unit's engine
 * @param unit        the unit's index
 * @param steps       T
 */
record UnitFile(String kind, String fingerprint, Engine engine, int unit, int steps) {

    private static final int DIGEST_BYTES = 32;
    private static final int CHUNK_DOUBLES = 8192;
    /** The kinds of a chunk of an array: all +0.0 (nothing follows), or its values. */
    private static final byte ZEROS = 0;
    private static final byte VALUES = 1;

    /** What a body gives back when it is read, knowing the step the header records. */
    @FunctionalInterface
    interface Body<T> {
        T read(int step, StateChannel channel);
    }

    /** Writes the header with {@code step} (T for a finished unit, the next step for one in progress), then the body. */
    void write(Path file, int step, Consumer<StateChannel> body) throws IOException {
        AtomicFiles.write(file, stream -> {
            MessageDigest digest = Sha256.digest();
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(stream, digest));
            out.writeUTF(kind);
            out.writeUTF(fingerprint);
            out.writeUTF(engine.key());
            out.writeInt(unit);
            out.writeInt(steps);
            out.writeInt(step);
            try {
                body.accept(new Writer(out));
            } catch (UncheckedIOException failure) {
                throw failure.getCause();
            }
            out.flush();
            stream.write(digest.digest());
        });
    }

    /**
     * The body's result, if the file is whole and its header is this one's; empty when it is missing, damaged or of
     * another run or unit.
     *
     * @throws IllegalStateException when a whole file of this run does not have the body's layout
     */
    <T> Optional<T> read(Path file, Body<T> body) {
        try {
            long length = Files.size(file);
            if (length < DIGEST_BYTES || !whole(file, length)) {
                return Optional.empty();
            }
            try (DataInputStream in = open(file, length)) {
                Optional<Integer> step = header(in);
                if (step.isEmpty()) {
                    return Optional.empty();
                }
                T read = body.read(step.get(), new Reader(in));
                if (in.read() != -1) {
                    throw new IllegalStateException("the unit file " + file + " does not have the unit's layout");
                }
                return Optional.of(read);
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    /** How far a unit got: its header's step of T. */
    record Reached(int step, int steps) {
    }

    /**
     * How far the unit of a file got, if the file is of this kind and run (digest not checked: for a listing of the
     * units in progress, which the file names say).
     */
    static Optional<Reached> reached(Path file, String kind, String fingerprint) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUTF().equals(kind) && in.readUTF().equals(fingerprint)) {
                in.readUTF();
                in.readInt();
                int steps = in.readInt();
                return Optional.of(new Reached(in.readInt(), steps));
            }
        } catch (IOException unreadable) {
            // not a file of this run
        }
        return Optional.empty();
    }

    /** The header's step, if the rest of it is this one's. */
    private Optional<Integer> header(DataInputStream in) throws IOException {
        boolean ours = in.readUTF().equals(kind) && in.readUTF().equals(fingerprint)
                && in.readUTF().equals(engine.key()) && in.readInt() == unit && in.readInt() == steps;
        return ours ? Optional.of(in.readInt()) : Optional.empty();
    }

    private static DataInputStream open(Path file, long length) throws IOException {
        return new DataInputStream(new BufferedInputStream(
                new LimitedStream(Files.newInputStream(file), length - DIGEST_BYTES), 1 << 16));
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

    /** Writes a body: arrays in chunks of big-endian IEEE-754 bits. */
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

    /** Reads a body written by {@link Writer}. */
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
                    throw new IllegalStateException("a unit's file has a chunk of unknown kind " + kind);
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
                throw new IllegalStateException("a unit's file ended early", truncated);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }
}
