package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Driven adapter: sessions in {@code sessions}. A session is live while its family in
 * {@code refresh_tokens} holds a token that is neither used, revoked nor expired.
 */
public final class JdbiSessionStore implements SessionStore {

    private final JdbiStoreCalls calls;

    /** A store on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated. */
    public JdbiSessionStore(Jdbi jdbi) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "session store unavailable");
    }

    @Override
    public void add(Session session) {
        SessionRow row = SessionRow.from(session);
        calls.withHandle(handle -> row.bindTo(handle.createUpdate(
                "INSERT INTO sessions (" + SessionRow.COLUMNS + ") VALUES (" + SessionRow.PARAMETERS + ")")).execute());
    }

    /** Only ever forward: a late, slower request cannot make a session look less recently used. */
    @Override
    public void touch(SessionId id, Instant instant) {
        calls.withHandle(handle -> handle.createUpdate(
                        "UPDATE sessions SET last_used_at = :instant WHERE id = :id AND last_used_at < :instant")
                .bind("id", id.value())
                .bind("instant", Timestamps.bind(instant))
                .execute());
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
                        WHERE s.user_id = :user
                          AND EXISTS (SELECT 1 FROM refresh_tokens t
                                      WHERE t.family_id = s.id AND t.used_at IS NULL AND t.revoked_at IS NULL
                                        AND t.expires_at > :now)
                        ORDER BY s.last_used_at DESC""".formatted(prefixed()))
                .bind("user", user.value())
                .bind("now", Timestamps.bind(now))
                .map(SessionRow::map)
                .map(SessionRow::toSession)
                .list());
    }

    private static String prefixed() {
        return "s." + SessionRow.COLUMNS.replace(", ", ", s.");
    }
}
