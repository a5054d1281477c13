package dev.inkan.adapter.persistence;

import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.SequencedRevocation;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code revocations} table: every fact that refuses access tokens before they expire, written
 * by the transaction that causes it. On PostgreSQL the same transaction sends it with
 * {@code pg_notify}, which PostgreSQL delivers exactly when (and only if) it commits, so no stored
 * revocation goes unannounced and none is announced that did not happen.
 *
 * <p>Recording takes the lock of the one row of {@code revocation_order} first and holds it to the
 * end of the transaction, so that revocations commit in the order of their {@code seq}: a reader
 * that has seen a seq has seen every lower one that will ever commit (see {@link #between}). A
 * transaction therefore records its revocations after the other rows it changes, so that it never
 * waits for a row lock while holding that one.
 */
final class RevocationLog {

    private static final System.Logger LOG = System.getLogger(RevocationLog.class.getName());
    /** How much later than a revocation a token that read its user or session before it may be signed; see {@link #relevantUntil}. */
    static final Duration ISSUING_MARGIN = Duration.ofMinutes(1);

    private static final String INSERT = """
            INSERT INTO revocations (kind, subject, valid_after, roles_version, relevant_until, recorded_at)
            VALUES (:kind, :subject, :validAfter, :rolesVersion, :relevantUntil, :recordedAt)""";

    private final boolean notify;
    private final Duration accessTtl;
    private final Duration leeway;
    private final Clock clock;

    /**
     * @param notify whether to send each revocation with {@code pg_notify} (PostgreSQL)
     * @param accessTtl how long access tokens live: how long an ended session or a cut-off matters
     * @param leeway how long after its expiry the verifier may still accept a token
     */
    RevocationLog(boolean notify, Duration accessTtl, Duration leeway, Clock clock) {
        this.notify = notify;
        this.accessTtl = Objects.requireNonNull(accessTtl, "accessTtl");
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The revocation of every access token of a session that ended at {@code endedAt}, asked for
     * once the ending holds the session's lock. A refresh that committed just before may have
     * issued a token after {@code endedAt} (the ending waited for its lock), so the revocation
     * matters until an access token's lifetime after the later of the two.
     */
    SessionRevoked sessionEnded(SessionId session, Instant endedAt) {
        return new SessionRevoked(session, relevantUntil(endedAt));
    }

    /** The revocation of every access token of a user issued before {@code at}; see {@link #sessionEnded}. */
    UserTokensRevoked userCutOff(UserId user, Instant at) {
        return new UserTokensRevoked(user, at, relevantUntil(at));
    }

    /** The refusal of every access token of a user below {@code rolesVersion}, raised at {@code at}; see {@link #sessionEnded}. */
    RolesRevoked rolesRevoked(UserId user, long rolesVersion, Instant at) {
        return new RolesRevoked(user, rolesVersion, relevantUntil(at));
    }

    /** The refusal of every access token of a user deleted at {@code at}; see {@link #sessionEnded}. */
    UserDeleted userDeleted(UserId user, Instant at) {
        return new UserDeleted(user, relevantUntil(at));
    }

    /**
     * An access token's lifetime after the later of {@code at} and now, and a margin: a login or
     * refresh signs its token a little after it read the user and the session (a login waits for
     * its password hash), so a token that read them just before a revocation may be issued, and
     * expire, that much later.
     */
    private Instant relevantUntil(Instant at) {
        return relevantFrom(at).plus(accessTtl).plus(ISSUING_MARGIN);
    }

    private Instant relevantFrom(Instant at) {
        Instant now = clock.instant();
        return now.isAfter(at) ? now : at;
    }

    /**
     * Writes {@code revocation} in the transaction of {@code handle}, after every revocation committed
     * before, and, on PostgreSQL, announces it at its commit.
     */
    void record(Handle handle, Revocation revocation, Instant now) {
        handle.createQuery("SELECT id FROM revocation_order WHERE id = 1 FOR UPDATE").mapTo(Integer.class).one();
        handle.createUpdate(INSERT)
                .bind("kind", kind(revocation))
                .bind("subject", subject(revocation))
                .bind("validAfter", Timestamps.bind(revocation instanceof UserTokensRevoked user ? user.validAfter() : null))
                .bind("rolesVersion", revocation instanceof RolesRevoked roles ? roles.rolesVersion() : null)
                .bind("relevantUntil", Timestamps.bind(revocation.relevantUntil()))
                .bind("recordedAt", Timestamps.bind(now))
                .execute();
        if (notify) {
            handle.createQuery("SELECT pg_notify(:channel, :payload)")
                    .bind("channel", PostgresRevocationListener.CHANNEL)
                    .bind("payload", RevocationPayload.encode(revocation))
                    .mapTo(String.class)
                    .one();
        }
    }

    /** @return every revocation that may still refuse a token at {@code now}: relevant until at least now less the leeway */
    List<Revocation> current(Handle handle, Instant now) {
        return handle.createQuery("""
                        SELECT kind, subject, valid_after, roles_version, relevant_until FROM revocations
                        WHERE relevant_until > :since ORDER BY seq""")
                .bind("since", Timestamps.bind(now.minus(leeway)))
                .map(RevocationLog::map)
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * @return every revocation with {@code after < seq <= upTo} that may still refuse a token at
     *     {@code now}, in seq order: all of them that will ever commit, once a reader has seen {@code upTo}
     */
    List<SequencedRevocation> between(Handle handle, long after, long upTo, Instant now) {
        return handle.createQuery("""
                        SELECT seq, kind, subject, valid_after, roles_version, relevant_until FROM revocations
                        WHERE seq > :after AND seq <= :upTo AND relevant_until > :since ORDER BY seq""")
                .bind("after", after)
                .bind("upTo", upTo)
                .bind("since", Timestamps.bind(now.minus(leeway)))
                .map(RevocationLog::mapSequenced)
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    /** @return the first {@code limit} revocations with a seq above {@code after}, in seq order, relevant or not */
    List<SequencedRevocation> after(Handle handle, long after, int limit) {
        return handle.createQuery("""
                        SELECT seq, kind, subject, valid_after, roles_version, relevant_until FROM revocations
                        WHERE seq > :after ORDER BY seq FETCH FIRST :limit ROWS ONLY""")
                .bind("after", after)
                .bind("limit", limit)
                .map(RevocationLog::mapSequenced)
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    /** @return the highest seq committed so far, 0 when there is none */
    long lastSeq(Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM revocations").mapTo(Long.class).one();
    }

    /** Deletes what can refuse nothing any more. @return how many rows */
    int purge(Handle handle, Instant now) {
        return handle.createUpdate("DELETE FROM revocations WHERE relevant_until < :since")
                .bind("since", Timestamps.bind(now.minus(leeway)))
                .execute();
    }

    private static Optional<SequencedRevocation> mapSequenced(ResultSet rs, StatementContext ctx) throws SQLException {
        long seq = rs.getLong("seq");
        return map(rs, ctx).map(revocation -> new SequencedRevocation(seq, revocation));
    }

    private static Optional<Revocation> map(ResultSet rs, StatementContext ctx) throws SQLException {
        String subject = rs.getString("subject");
        Instant until = Timestamps.read(rs, "relevant_until");
        return Optional.ofNullable(switch (rs.getString("kind")) {
            case "token" -> new TokenRevoked(subject, until);
            case "session" -> new SessionRevoked(SessionId.parse(subject), until);
            case "user" -> new UserTokensRevoked(UserId.parse(subject), Timestamps.read(rs, "valid_after"), until);
            case "roles" -> new RolesRevoked(UserId.parse(subject), rs.getLong("roles_version"), until);
            case "deleted" -> new UserDeleted(UserId.parse(subject), until);
            case "key" -> new KeyRetired(subject, until);
            // A kind a later version wrote: skipped, so that the catch-up of every other revocation still works.
            default -> {
                LOG.log(System.Logger.Level.WARNING, "skipping a revocation of unknown kind; upgrade this instance");
                yield null;
            }
        });
    }

    private static String kind(Revocation revocation) {
        if (revocation instanceof TokenRevoked) {
            return "token";
        }
        if (revocation instanceof SessionRevoked) {
            return "session";
        }
        if (revocation instanceof UserTokensRevoked) {
            return "user";
        }
        if (revocation instanceof KeyRetired) {
            return "key";
        }
        return revocation instanceof RolesRevoked ? "roles" : "deleted";
    }

    private static String subject(Revocation revocation) {
        if (revocation instanceof TokenRevoked token) {
            return token.tokenId();
        }
        if (revocation instanceof SessionRevoked session) {
            return session.sessionId().toString();
        }
        if (revocation instanceof UserTokensRevoked user) {
            return user.userId().toString();
        }
        if (revocation instanceof KeyRetired key) {
            return key.keyId();
        }
        return revocation instanceof RolesRevoked roles ? roles.userId().toString() : ((UserDeleted) revocation).userId().toString();
    }
}
