package dev.inkan.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Driven port: how revocations reach every instance's memory, so that verifying an access token
 * never needs the database.
 */
public interface RevocationFeed {

    /**
     * Records {@code revocation} durably (where the stores have not already) and delivers it to
     * every subscriber, on this instance and on every other one sharing the database.
     *
     * @throws StoreUnavailableException when it could not be recorded
     */
    void publish(Revocation revocation);

    /**
     * @param now the present
     * @param accessTtl how long access tokens live: revocations older than that no longer matter
     * @return every revocation still relevant at {@code now}, for an instance starting up
     */
    List<Revocation> current(Instant now, Duration accessTtl);

    /** Registers a listener for revocations published from now on (on any instance). */
    void subscribe(Consumer<Revocation> listener);
}
