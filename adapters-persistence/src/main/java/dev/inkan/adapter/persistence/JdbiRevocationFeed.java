package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.RevocationStream;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.SequencedRevocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Driven adapter: the {@link RevocationFeed} on a JDBI database, over the {@link RevocationLog}.
 * Whatever records a revocation (this feed, or a store ending sessions) does it in the revoking
 * transaction and then hands it to this instance's subscribers at once; on PostgreSQL the
 * transaction also notifies, and {@link PostgresRevocationListener} hears it on every instance
 * sharing the database, reloading what is current after every (re)connection.
 *
 * <p>Its {@link #stream()} reads the log in seq order for followers outside Inkan: each time this
 * instance's subscribers have been told of a revocation (recorded here or heard from another
 * instance), the {@link RevocationTail} reads what the log holds past the last seq it delivered.
 */
public final class JdbiRevocationFeed implements RevocationFeed, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JdbiRevocationFeed.class.getName());

    private final JdbiStoreCalls calls;
    private final RevocationLog log;
    private final Clock clock;
    private final RevocationSubscribers subscribers = new RevocationSubscribers();
    /** Who hears that the signing keys changed (the key store's listeners), on the same channel as the revocations. */
    private final List<Runnable> keyListeners = new CopyOnWriteArrayList<>();
    private final Optional<PostgresRevocationListener> listener;
    private final RevocationTail tail;
    private final RevocationStream stream = new RevocationStream() {
        @Override
        public Subscription subscribe(Consumer<SequencedRevocation> listener) {
            return tail.subscribe(listener);
        }

        @Override
        public List<SequencedRevocation> between(long after, long upTo, Instant now) {
            Objects.requireNonNull(now, "now");
            return upTo <= after ? List.of() : calls.withHandle(handle -> log.between(handle, after, upTo, now));
        }
    };

    /**
     * @param listenSource where a listener gets its own connection, on PostgreSQL; empty on H2,
     *     where one instance serves alone
     */
    JdbiRevocationFeed(Jdbi jdbi, RevocationLog log, Optional<DataSource> listenSource, Clock clock) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "revocation store unavailable");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tail = new RevocationTail(calls, log);
        this.listener = listenSource.map(source ->
                new PostgresRevocationListener(source, this::heard, () -> current(clock.instant()), this::keysChanged));
    }

    /** What another instance published, or what was current when the listener (re)connected. */
    private void heard(Revocation revocation) {
        subscribers.deliver(revocation);
        tail.wake();
    }

    /**
     * Records {@code revocation} (publishing the same one twice is harmless), then calls every
     * subscriber of this instance.
     *
     * @throws StoreUnavailableException when the revocation could not be recorded; nobody is told then
     */
    @Override
    public void publish(Revocation revocation) {
        Objects.requireNonNull(revocation, "revocation");
        calls.useTransaction(handle -> log.record(handle, revocation, clock.instant()));
        subscribers.deliver(revocation);
        tail.wake();
    }

    @Override
    public List<Revocation> current(Instant now) {
        return calls.withHandle(handle -> log.current(handle, now));
    }

    @Override
    public void subscribe(Consumer<Revocation> listener) {
        subscribers.add(listener);
    }

    /**
     * @return the log in seq order: its listeners hear each revocation once, in seq order, on the
     *     tail's thread, within about a second of its commit (not necessarily after this feed's own
     *     subscribers have it)
     */
    @Override
    public Optional<RevocationStream> stream() {
        return Optional.of(stream);
    }

    /** The log that stores write their revocations to, in their own transactions. */
    RevocationLog log() {
        return log;
    }

    /** Hands revocations that a store's transaction has just committed to this instance's subscribers. */
    void committed(List<? extends Revocation> revocations) {
        revocations.forEach(subscribers::deliver);
        if (!revocations.isEmpty()) {
            tail.wake();
        }
    }

    /** Asks to be told when the signing keys changed, here or (on PostgreSQL) on another instance, and after each reconnection. */
    void onKeysChanged(Runnable keyListener) {
        keyListeners.add(Objects.requireNonNull(keyListener, "keyListener"));
    }

    /** Tells this instance's key listeners that the signing keys changed; one that throws does not keep it from the others. */
    void keysChanged() {
        for (Runnable keyListener : keyListeners) {
            try {
                keyListener.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a listener of the signing keys failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /**
     * Deletes revocations that can refuse nothing any more: housekeeping for a scheduled job.
     *
     * @return how many were deleted
     */
    public int purgeExpired(Instant now) {
        return calls.inTransaction(handle -> log.purge(handle, now));
    }

    /**
     * Waits until this feed hears other instances (at once for a single-instance feed).
     *
     * @return whether it does within {@code timeout}
     */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        return listener.isEmpty() || listener.get().awaitListening(timeout);
    }

    /** Stops listening to other instances, and following the log. */
    @Override
    public void close() {
        listener.ifPresent(PostgresRevocationListener::close);
        tail.close();
    }
}
