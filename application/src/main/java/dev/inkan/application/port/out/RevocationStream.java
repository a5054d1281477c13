package dev.inkan.application.port.out;

import dev.inkan.domain.SequencedRevocation;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Driven port: the revocation log read in the order of its sequence numbers, which is the order in
 * which its revocations were committed, so that a reader who has seen a sequence number has seen every
 * revocation below it that will ever be. Lets a follower outside Inkan catch up from where it was and
 * then hear what comes, missing nothing.
 */
public interface RevocationStream {

    /**
     * Registers {@code listener} for every revocation recorded after the subscription's
     * {@linkplain Subscription#position() position}, each once, in sequence order, on whatever thread
     * hears of it (on every instance sharing the log, within about a second). It must return quickly:
     * it is called while other listeners wait.
     *
     * @return the subscription; every revocation at or below its position was committed before it began
     * @throws StoreUnavailableException when the log could not be read
     */
    Subscription subscribe(Consumer<SequencedRevocation> listener);

    /**
     * @param after the sequence number to read after
     * @param upTo the last sequence number to read
     * @param now the present: only revocations that may still refuse a token at {@code now} are read
     * @return every such revocation with {@code after < seq <= upTo}, in sequence order
     * @throws StoreUnavailableException when the log could not be read
     */
    List<SequencedRevocation> between(long after, long upTo, Instant now);

    /** A listener's registration with a {@link RevocationStream}. */
    interface Subscription extends AutoCloseable {

        /** @return the sequence number after which the listener hears every revocation, 0 for an empty log */
        long position();

        /** Stops delivering to the listener; calling it again does nothing. */
        @Override
        void close();
    }
}
