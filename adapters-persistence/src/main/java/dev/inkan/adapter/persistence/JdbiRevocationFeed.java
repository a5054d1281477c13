package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.Revocation;
import dev.inkan.application.port.out.Revocation.SessionRevoked;
import dev.inkan.application.port.out.Revocation.TokenRevoked;
import dev.inkan.application.port.out.Revocation.UserTokensRevoked;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Driven adapter: the {@link RevocationFeed} on a JDBI database. Denylisted access tokens are kept in
 * {@code revoked_access_tokens}; revoked sessions and users are read from what the stores recorded
 * ({@code refresh_tokens.revoked_at}, {@code users.tokens_valid_after}). Every publication reaches
 * this instance's subscribers at once; on PostgreSQL it is also sent with {@code NOTIFY}, which
 * {@link PostgresRevocationListener} hears on every instance sharing the database.
 */
public final class JdbiRevocationFeed implements RevocationFeed, AutoCloseable {

    /** Inserts unless present, in portable SQL (MERGE and ON CONFLICT differ between H2 and PostgreSQL). */
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO revoked_access_tokens (jti, expires_at)
            SELECT CAST(:jti AS VARCHAR(128)), CAST(:expiresAt AS TIMESTAMP WITH TIME ZONE)
            FROM (VALUES (0)) AS one (x)
            WHERE NOT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = :jti)""";

    private final JdbiStoreCalls calls;
    private final RevocationSubscribers subscribers = new RevocationSubscribers();
    private final PostgresRevocationListener listener;

    /** A feed for one instance on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated. */
    public JdbiRevocationFeed(Jdbi jdbi) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "revocation store unavailable");
        this.listener = null;
    }

    /** A feed shared by every instance on one PostgreSQL database: it notifies, and it listens. */
    JdbiRevocationFeed(Jdbi jdbi, DataSource dataSource, Duration accessTtl) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "revocation store unavailable");
        this.listener = new PostgresRevocationListener(dataSource, subscribers::deliver,
                () -> current(Instant.now(), accessTtl));
    }

    /**
     * Records a {@link TokenRevoked} (publishing the same {@code jti} twice is fine), then calls every
     * subscriber. Session and user revocations are recorded by the stores before they are published.
     *
     * @throws StoreUnavailableException when the revocation could not be recorded; nobody is notified then
     */
    @Override
    public void publish(Revocation revocation) {
        Objects.requireNonNull(revocation, "revocation");
        calls.withHandle(handle -> {
            if (revocation instanceof TokenRevoked token) {
                record(handle, token);
            }
            if (listener != null) {
                handle.createQuery("SELECT pg_notify(:channel, :payload)")
                        .bind("channel", PostgresRevocationListener.CHANNEL)
                        .bind("payload", RevocationPayload.encode(revocation))
                        .mapTo(String.class)
                        .one();
            }
            return null;
        });
        subscribers.deliver(revocation);
    }

    /**
     * Waits until this feed hears other instances (at once for a single-instance feed).
     *
     * @return whether it does within {@code timeout}
     */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        return listener == null || listener.awaitListening(timeout);
    }

    /** Stops listening to other instances. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }

    @Override
    public List<Revocation> current(Instant now, Duration accessTtl) {
        Instant since = now.minus(accessTtl);
        return calls.inTransaction(handle -> {
            List<Revocation> revocations = new ArrayList<>();
            revocations.addAll(handle.createQuery(
                            "SELECT jti, expires_at FROM revoked_access_tokens WHERE expires_at > :now")
                    .bind("now", Timestamps.bind(now))
                    .map((rs, ctx) -> new TokenRevoked(rs.getString("jti"), Timestamps.read(rs, "expires_at")))
                    .list());
            revocations.addAll(handle.createQuery("""
                            SELECT family_id, MAX(revoked_at) AS revoked_at FROM refresh_tokens
                            WHERE revoked_at > :since GROUP BY family_id""")
                    .bind("since", Timestamps.bind(since))
                    .map((rs, ctx) -> new SessionRevoked(new SessionId(rs.getObject("family_id", UUID.class)),
                            Timestamps.read(rs, "revoked_at").plus(accessTtl)))
                    .list());
            revocations.addAll(handle.createQuery(
                            "SELECT id, tokens_valid_after FROM users WHERE tokens_valid_after > :since")
                    .bind("since", Timestamps.bind(since))
                    .map((rs, ctx) -> {
                        Instant validAfter = Timestamps.read(rs, "tokens_valid_after");
                        return new UserTokensRevoked(new UserId(rs.getObject("id", UUID.class)), validAfter,
                                validAfter.plus(accessTtl));
                    })
                    .list());
            return revocations;
        });
    }

    @Override
    public void subscribe(Consumer<Revocation> listener) {
        subscribers.add(listener);
    }

    /** In auto-commit mode, so that a lost race on the primary key leaves no transaction to abort. */
    private static int record(Handle handle, TokenRevoked token) {
        try {
            return handle.createUpdate(INSERT_IF_ABSENT)
                    .bind("jti", token.tokenId())
                    .bind("expiresAt", Timestamps.bind(token.expiresAt()))
                    .execute();
        } catch (StatementException e) {
            if (JdbiStoreCalls.isUniqueViolation(e)) {
                return 0; // a concurrent publish of the same jti got there first
            }
            throw e;
        }
    }
}
