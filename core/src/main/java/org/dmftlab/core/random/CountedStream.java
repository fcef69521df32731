package org.dmftlab.core.random;

import java.util.random.RandomGenerator;
import org.dmftlab.core.problem.StateChannel;

/**
 * A random stream that counts the 64-bit words it has given, so that a unit stopped at a step boundary restores its
 * stream (DESIGN.md, "Units of a run"): the LXM generators expose no state, so a restored stream is the same stream
 * created afresh and advanced by the same count. Every draw goes through {@link #nextLong()}: the other methods are
 * {@link RandomGenerator}'s defaults, built on it, which are also the ones L128X128MixRandom uses, so a counted
 * stream gives exactly the numbers of the stream it wraps (StreamsTest checks it for every kind of draw).
 */
public final class CountedStream implements RandomGenerator {

    private final RandomGenerator stream;
    private long drawn;

    /** Counts the words drawn from {@code stream} from now on. */
    public CountedStream(RandomGenerator stream) {
        this.stream = stream;
    }

    @Override
    public long nextLong() {
        drawn++;
        return stream.nextLong();
    }

    /** The 64-bit words drawn so far. */
    public long drawn() {
        return drawn;
    }

    /**
     * Sends the count through a channel; reading, advances this stream (created afresh, with fewer words drawn) to
     * the count read.
     *
     * @throws IllegalStateException when this stream has drawn more words than the count read
     */
    public void exchange(StateChannel channel) {
        long target = channel.value(drawn);
        if (target < drawn) {
            throw new IllegalStateException("a stream that drew " + drawn + " words cannot go back to " + target);
        }
        while (drawn < target) {
            nextLong();
        }
    }
}
