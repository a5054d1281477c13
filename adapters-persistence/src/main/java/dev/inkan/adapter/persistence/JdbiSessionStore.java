package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Driven adapter: the {@link SessionStore} on a JDBI database, tables {@code sessions} and
 * {@code refresh_tokens}. Rotation and every way of ending a session first lock the session's
 * row, so the database's row lock orders them, also between instances sharing PostgreSQL: a
 * rotation that comes second finds the session ended, and an ending that comes second revokes
 * the successor the rotation stored (each statement of a READ COMMITTED transaction sees what
 * committed before it started). Each change writes its security event in its transaction, to the
 * {@link JdbiSecurityEventLog} of the same database.
 */
public final class JdbiSessionStore implements SessionStore {

    /** No session has this id (UUIDs of version 4 are never all zeros): the one to keep when none is. */
    private static final UUID NO_SESSION = new UUID(0, 0);

    private static final String INSERT_TOKEN =
            "INSERT INTO refresh_tokens (" + RefreshTokenRow.COLUMNS + ") VALUES (" + RefreshTokenRow.PARAMETERS + ")";
    private static final String REVOKE_TOKENS_OF_ENDED = """
            UPDATE refresh_tokens SET revoked_at = :now, revoke_reason = :reason
            WHERE revoked_at IS NULL AND family_id IN (
                SELECT id FROM sessions WHERE %s AND ended_at = :now AND end_reason = :reason)""";

    private final JdbiStoreCalls calls;
    private final SessionRotation rotation;
    private final JdbiRevocationFeed feed;
    private final JdbiSecurityEventLog events;
    private final boolean usersHere;

    /**
     * A store on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated, that records and
     * delivers the revocations of the sessions it ends through {@code feed} and the security
     * events of its changes through {@code events} (the same database's), for the users of
     * {@link JdbiUserRepository} in the same database.
     */
    public JdbiSessionStore(Jdbi jdbi, JdbiRevocationFeed feed, JdbiSecurityEventLog events) {
        this(jdbi, feed, events, true);
    }

    /**
     * @param usersHere whether the users are in this database's {@code users} table; when an
     *     application keeps them in a table of its own, a session starts for any user id
     */
    public JdbiSessionStore(Jdbi jdbi, JdbiRevocationFeed feed, JdbiSecurityEventLog events, boolean usersHere) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "session store unavailable");
        this.rotation = new SessionRotation(calls);
        this.feed = Objects.requireNonNull(feed, "feed");
        this.events = Objects.requireNonNull(events, "events");
        this.usersHere = usersHere;
    }

    /**
     * Takes the user's row lock first and checks the account is enabled: a disabling or deleting
     * transaction takes the same lock, so it either sees this session or this one sees it.
     */
    @Override
    public boolean start(Session session, RefreshTokenRecord first, SecurityEvent loggedIn) {
        if (!first.familyId().equals(session.id())) {
            throw new IllegalArgumentException("the first refresh token must belong to the session");
        }
        Objects.requireNonNull(loggedIn, "loggedIn");
        SessionRow row = SessionRow.from(session);
        RefreshTokenRow token = RefreshTokenRow.from(first);
        boolean started = calls.inTransaction(handle -> {
            if (usersHere && !JdbiUserRepository.lockEnabled(handle, session.userId())) {
                return false;
            }
            row.bindTo(handle.createUpdate(
                    "INSERT INTO sessions (" + SessionRow.COLUMNS + ") VALUES (" + SessionRow.PARAMETERS + ")")).execute();
            token.bindTo(handle.createUpdate(INSERT_TOKEN)).execute();
            events.insert(handle, loggedIn);
            return true;
        });
        if (started) {
            events.committed(List.of(loggedIn));
        }
        return started;
    }

    @Override
    public Optional<RefreshTokenRecord> findToken(RefreshTokenHash hash) {
        return calls.withHandle(handle -> handle.createQuery(RefreshTokenRow.SELECT + " WHERE t.token_hash = :hash")
                .bind("hash", hash.hex())
                .map(RefreshTokenRow::map)
                .findOne()
                .map(RefreshTokenRow::toRecord));
    }

    /** Locks the live session's row first (see {@link SessionRotation}), then spends the token and stores its successor. */
    @Override
    public boolean rotate(RefreshTokenHash presented, RefreshTokenRecord successor, Instant now) {
        return rotation.rotate(presented, RefreshTokenRow.from(successor), now);
    }

    @Override
    public boolean end(SessionId session, Instant now, RevokeReason reason, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        List<Revocation> recorded = calls.inTransaction(handle -> {
            int ended = handle.createUpdate(
                            "UPDATE sessions SET ended_at = :now, end_reason = :reason WHERE id = :id AND ended_at IS NULL")
                    .bind("now", Timestamps.bind(now))
                    .bind("reason", reason.name())
                    .bind("id", session.value())
                    .execute();
            if (ended == 0) {
                return List.<Revocation>of();
            }
            revokeTokensOfEnded(handle, "id = :subject", session.value(), now, reason);
            Revocation revocation = feed.log().sessionEnded(session, now);
            feed.log().record(handle, revocation, now);
            events.insert(handle, event);
            return List.of(revocation);
        });
        feed.committed(recorded);
        if (recorded.isEmpty()) {
            return false;
        }
        events.committed(List.of(event));
        return true;
    }

    /**
     * Ends every live session of the user, then reads back exactly the sessions this call ended
     * (they carry its {@code now} and {@code reason}), in one transaction with the revocations and
     * the event. A login that commits after the update is a session that started after the logout,
     * and is left alone. The user's row lock comes first, as in every change to an account, so a
     * deletion racing this call either finds nothing of it left to forget or is found to have
     * happened (and nothing is recorded).
     */
    @Override
    public List<SessionId> endAllOfUser(UserId user, Instant now, RevokeReason reason, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        Optional<Ended> ended = calls.inTransaction(handle -> {
            if (!JdbiSecurityEventLog.accountRemains(handle, user)) {
                return Optional.<Ended>empty();
            }
            Ended all = endAllOfUser(handle, feed.log(), user, now, reason);
            events.insert(handle, event);
            return Optional.of(all);
        });
        if (ended.isEmpty()) {
            return List.of();
        }
        feed.committed(ended.get().revocations());
        events.committed(List.of(event));
        return ended.get().sessions();
    }

    /**
     * {@link #endAllOfUser(UserId, Instant, RevokeReason, SecurityEvent)} without its event, in the
     * transaction of {@code handle}, for the caller to record its own event and publish.
     */
    static Ended endAllOfUser(Handle handle, RevocationLog log, UserId user, Instant now, RevokeReason reason) {
        return endOfUser(handle, log, user, Optional.empty(), now, reason);
    }

    /**
     * Ends every live session of the user but {@code keep}, in the transaction of {@code handle},
     * and records the revocation of each one's access tokens (no cut-off for the user: the kept
     * session's tokens go on working), for the caller to publish.
     */
    static Ended endOthersOfUser(Handle handle, RevocationLog log, UserId user, SessionId keep, Instant now,
                                 RevokeReason reason) {
        return endOfUser(handle, log, user, Optional.of(keep), now, reason);
    }

    /** The sessions of a user but {@code keep} end; without one to keep, every token issued before {@code now} is cut off too. */
    private static Ended endOfUser(Handle handle, RevocationLog log, UserId user, Optional<SessionId> keep, Instant now,
                                   RevokeReason reason) {
        handle.createUpdate("""
                        UPDATE sessions SET ended_at = :now, end_reason = :reason
                        WHERE user_id = :user AND id <> :keep AND ended_at IS NULL""")
                .bind("now", Timestamps.bind(now))
                .bind("reason", reason.name())
                .bind("user", user.value())
                .bind("keep", keep.map(SessionId::value).orElse(NO_SESSION))
                .execute();
        List<SessionId> sessions = handle.createQuery(
                        "SELECT id FROM sessions WHERE user_id = :user AND ended_at = :now AND end_reason = :reason")
                .bind("user", user.value())
                .bind("now", Timestamps.bind(now))
                .bind("reason", reason.name())
                .map((rs, ctx) -> new SessionId(rs.getObject("id", UUID.class)))
                .list();
        revokeTokensOfEnded(handle, "user_id = :subject", user.value(), now, reason);
        List<Revocation> revocations = new ArrayList<>();
        if (keep.isEmpty()) {
            revocations.add(log.userCutOff(user, now));
        }
        sessions.forEach(session -> revocations.add(log.sessionEnded(session, now)));
        revocations.forEach(revocation -> log.record(handle, revocation, now));
        return new Ended(sessions, revocations);
    }

    @Override
    public Optional<Session> find(SessionId id) {
        return calls.withHandle(handle -> handle.createQuery("SELECT " + SessionRow.COLUMNS + " FROM sessions WHERE id = :id")
                .bind("id", id.value())
                .map(SessionRow::map)
                .findOne()
                .map(SessionRow::toSession));
    }

    @Override
    public List<Session> liveSessionsOf(UserId user, Instant now) {
        return calls.withHandle(handle -> handle.createQuery("""
                        SELECT %s FROM sessions s
                        WHERE s.user_id = :user AND s.ended_at IS NULL
                          AND EXISTS (SELECT 1 FROM refresh_tokens t
                                      WHERE t.family_id = s.id AND t.used_at IS NULL AND t.revoked_at IS NULL
                                        AND t.expires_at > :now)
                        ORDER BY s.last_used_at DESC""".formatted("s." + SessionRow.COLUMNS.replace(", ", ", s.")))
                .bind("user", user.value())
                .bind("now", Timestamps.bind(now))
                .map(SessionRow::map)
                .map(SessionRow::toSession)
                .list());
    }

    /**
     * Deletes what can be accepted no more: refresh tokens that expired before {@code before}, and
     * sessions that ended before it or hold no token any longer. Housekeeping for a scheduled job,
     * not part of the port; a spent token is kept until then, so that presenting it again still
     * ends its session as reuse.
     *
     * @return how many rows of each kind were deleted
     */
    public PurgedRows purgeExpired(Instant before) {
        return calls.inTransaction(handle -> {
            int tokens = handle.createUpdate("""
                            DELETE FROM refresh_tokens
                            WHERE expires_at < :before
                               OR family_id IN (SELECT id FROM sessions WHERE ended_at < :before)""")
                    .bind("before", Timestamps.bind(before))
                    .execute();
            int sessions = handle.createUpdate("""
                            DELETE FROM sessions
                            WHERE ended_at < :before
                               OR NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = sessions.id)""")
                    .bind("before", Timestamps.bind(before))
                    .execute();
            return new PurgedRows(tokens, sessions);
        });
    }

    /** What one transaction ended, and the revocations it recorded for that. */
    record Ended(List<SessionId> sessions, List<Revocation> revocations) {
    }

    private static void revokeTokensOfEnded(Handle handle, String sessionsOf, UUID subject, Instant now, RevokeReason reason) {
        handle.createUpdate(REVOKE_TOKENS_OF_ENDED.formatted(sessionsOf))
                .bind("subject", subject)
                .bind("now", Timestamps.bind(now))
                .bind("reason", reason.name())
                .execute();
    }
}
