package dev.inkan.adapter.persistence;

import dev.inkan.domain.Revocation;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the revocations other instances publish, through PostgreSQL {@code LISTEN}, on a
 * connection of its own, and the signal that the signing keys of its schema changed. After every
 * (re)connection it delivers what is current and gives that signal, so nothing published while it
 * was away is missed; deliveries are idempotent for the registry, and a signal only makes the keys
 * be read again.
 *
 * <p>A connection can die without a word: a NAT or firewall that drops the flow sends no FIN, and
 * a listening connection never writes, so it would wait forever for notifications that no longer
 * come. The listener therefore sends a query every {@link #HEARTBEAT} and gives any read
 * {@link #NETWORK_TIMEOUT} to answer; a silent connection is noticed within the sum of the two,
 * and replaced.
 */
final class PostgresRevocationListener implements AutoCloseable {

    static final String CHANNEL = "inkan_revocations";

    private static final System.Logger LOG = System.getLogger(PostgresRevocationListener.class.getName());
    private static final int POLL_MILLIS = 250;
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final Consumer<Revocation> deliver;
    private final Supplier<Iterable<Revocation>> current;
    private final Runnable keysChanged;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile CountDownLatch listening = new CountDownLatch(1);

    /**
     * @param deliver where heard revocations go
     * @param current what is current, delivered after every (re)connection
     * @param keysChanged told when the signing keys of this listener's schema changed, and after every (re)connection
     */
    PostgresRevocationListener(DataSource dataSource, Consumer<Revocation> deliver, Supplier<Iterable<Revocation>> current,
                               Runnable keysChanged) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.deliver = Objects.requireNonNull(deliver, "deliver");
        this.current = Objects.requireNonNull(current, "current");
        this.keysChanged = Objects.requireNonNull(keysChanged, "keysChanged");
        this.thread = new Thread(this::run, "inkan-revocation-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the listener is connected and listening within {@code timeout} */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection listen = dataSource.getConnection()) {
                listen.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
                try (Statement statement = listen.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                String keysOfThisSchema = RevocationPayload.keysChanged(schemaOf(listen));
                current.get().forEach(deliver);
                keysChanged.run();
                listening.countDown();
                backoff = FIRST_BACKOFF;
                PGConnection pg = listen.unwrap(PGConnection.class);
                long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            hear(notification.getParameter(), keysOfThisSchema);
                        }
                    }
                    if (System.nanoTime() - nextHeartbeat >= 0) {
                        heartbeat(listen);
                        nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                listening = new CountDownLatch(1);
                LOG.log(Level.WARNING, "lost the revocation channel (" + e.getClass().getSimpleName()
                        + "); reconnecting in " + backoff.toMillis() + " ms and catching up");
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** A round trip that a dead connection cannot answer within the network timeout. */
    private static void heartbeat(Connection listen) throws SQLException {
        try (Statement statement = listen.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** The schema this connection's unqualified tables are in, as the notifying transactions name it. */
    private static String schemaOf(Connection listen) throws SQLException {
        try (Statement statement = listen.createStatement(); ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
            return schema.next() && schema.getString(1) != null ? schema.getString(1) : "";
        }
    }

    private void hear(String payload, String keysOfThisSchema) {
        if (RevocationPayload.isKeysChanged(payload)) {
            if (payload.equals(keysOfThisSchema)) {
                keysChanged.run();
            }
            return;
        }
        RevocationPayload.decode(payload).ifPresentOrElse(deliver,
                () -> LOG.log(Level.WARNING, "ignored a notification on " + CHANNEL + " that is not a revocation"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and gives the connection back. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
