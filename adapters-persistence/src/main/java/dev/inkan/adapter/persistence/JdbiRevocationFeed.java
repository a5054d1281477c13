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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Driven adapter: the {@link RevocationFeed} of a single instance on a JDBI database. Denylisted
 * access tokens are kept in {@code revoked_access_tokens}; revoked sessions and users are read from
 * what the stores recorded ({@code refresh_tokens.revoked_at}, {@code users.tokens_valid_after}).
 * Delivery reaches this instance's subscribers only: instances sharing PostgreSQL learn of each
 * other's revocations when they start ({@link #current}), not while they run.
 */
public final class JdbiRevocationFeed implements RevocationFeed {

    /** Inserts unless present, in portable SQL (MERGE and ON CONFLICT differ between H2 and PostgreSQL). */
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO revoked_access_tokens (jti, expires_at)
            SELECT CAST(:jti AS VARCHAR(128)), CAST(:expiresAt AS TIMESTAMP WITH TIME ZONE)
            FROM (VALUES (0)) AS one (x)
            WHERE NOT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = :jti)""";

    private final JdbiStoreCalls calls;
    private final RevocationSubscribers subscribers = new RevocationSubscribers();

    /** A feed on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated. */
    public JdbiRevocationFeed(Jdbi jdbi) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "revocation store unavailable");
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
        if (revocation instanceof TokenRevoked token) {
            calls.withHandle(handle -> record(handle, token));
        }
        subscribers.deliver(revocation);
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
