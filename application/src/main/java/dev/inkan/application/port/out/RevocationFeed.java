package dev.inkan.application.port.out;

import dev.inkan.domain.Revocation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Driven port: how revocations reach every instance's memory, so that verifying an access token
 * never needs the database.
 */
public interface RevocationFeed {

    /**
     * Records {@code revocation} durably and delivers it to every subscriber, on this instance
     * before it returns and on every other one sharing the database. (The revocations that ending
     * a session implies are recorded and delivered by the {@link SessionStore} with the change.)
     *
     * @throws StoreUnavailableException when it could not be recorded; nobody is told then
     */
    void publish(Revocation revocation);

    /**
     * @param now the present
     * @return every revocation that may still refuse a token at {@code now} (its relevance plus the
     *     verifier's leeway), for an instance starting up or catching up after a lost connection
     */
    List<Revocation> current(Instant now);

    /** Registers a listener for revocations published from now on (on any instance). */
    void subscribe(Consumer<Revocation> listener);

    /**
     * Hands {@code listener} every revocation from now on, and before that every one still
     * relevant: subscribed first, then loaded, so nothing published in between is missed (a
     * revocation delivered twice changes nothing for a registry).
     */
    default void follow(Consumer<Revocation> listener, Instant now) {
        subscribe(listener);
        current(now).forEach(listener);
    }

    /**
     * @return this feed read in sequence order, for following it from outside Inkan
     *     ({@code GET /auth/revocations}); empty for a feed that keeps no sequence, which only
     *     Inkan's instances can follow
     */
    default Optional<RevocationStream> stream() {
        return Optional.empty();
    }
}
