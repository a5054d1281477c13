package dev.inkan.adapter.persistence;

import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.Session;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The rotation of {@link JdbiSessionStore}: spends the presented refresh token and stores its
 * successor while the session is live, in one round trip on PostgreSQL and in a transaction of two
 * statements on H2. Either way the session's row is locked first, as every ending of a session
 * writes that row first: a rotation waiting behind an ending finds the session ended and changes
 * nothing; an ending waiting behind a rotation revokes the successor (its next statement sees what
 * the rotation committed). The session's last use is written only once the recorded one is older
 * than {@link Session#LAST_USE_PRECISION}, so most rotations write one row less.
 */
final class SessionRotation {

    private static final String INSERT_SUCCESSOR_FROM =
            "INSERT INTO refresh_tokens (" + RefreshTokenRow.COLUMNS + ") SELECT " + RefreshTokenRow.PARAMETERS + " FROM ";
    /** The session of the presented token, found by the token's hash: the one a rotation may lock. */
    private static final String OF_THE_PRESENTED_TOKEN = "id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash)";
    /**
     * The presented token, found by its hash alone, so that the database reads it through its
     * unique index; that it belongs to the successor's session is checked where that session is
     * locked ({@link #OF_THE_PRESENTED_TOKEN}). With the session's id in this condition,
     * PostgreSQL's planner, choosing once per connection while the tables were young, reached the
     * token through the session's index and read every token the session had ever had, a cost that
     * grew with each refresh.
     */
    private static final String SPEND = """
            UPDATE refresh_tokens SET used_at = :now
            WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL""";

    /**
     * PostgreSQL: one statement, atomic as any. {@code live} locks the session's row as an update
     * would (an ending waits for this statement's commit, and this statement for an ending's, then
     * sees the row as that ending left it); {@code touched} writes its last use when it is stale;
     * {@code spent} spends the token only in a live session; the successor is inserted only when a
     * token was spent. Of two concurrent rotations of one token, the second finds it spent.
     */
    private static final String POSTGRES = """
            WITH live AS (
                SELECT id, last_used_at FROM sessions WHERE id = :familyId AND ended_at IS NULL AND %s
                FOR NO KEY UPDATE),
            touched AS (
                UPDATE sessions SET last_used_at = :now WHERE id IN (SELECT id FROM live WHERE last_used_at < :touchBefore)),
            spent AS (
                %s AND EXISTS (SELECT 1 FROM live)
                RETURNING family_id)
            %sspent""".formatted(OF_THE_PRESENTED_TOKEN, SPEND, INSERT_SUCCESSOR_FROM);

    /**
     * H2 has no data-modifying {@code WITH}. The session's row is written (which locks it) with
     * its last use moved only when stale; then one statement spends the token and inserts the
     * successor, through H2's data change delta table.
     */
    private static final String H2_LOCK_SESSION = """
            UPDATE sessions SET last_used_at = CASE WHEN last_used_at < :touchBefore THEN :now ELSE last_used_at END
            WHERE id = :familyId AND ended_at IS NULL AND %s""".formatted(OF_THE_PRESENTED_TOKEN);
    private static final String H2_SPEND_AND_INSERT = INSERT_SUCCESSOR_FROM + "FINAL TABLE (" + SPEND + ")";

    private final JdbiStoreCalls calls;
    /** Whether the database is PostgreSQL, learnt from the first rotation's connection: one database, one answer. */
    private volatile Boolean postgres;

    SessionRotation(JdbiStoreCalls calls) {
        this.calls = calls;
    }

    /** @return whether this call spent {@code presented} and stored {@code successor} */
    boolean rotate(RefreshTokenHash presented, RefreshTokenRow successor, Instant now) {
        Instant touchBefore = now.minus(Session.LAST_USE_PRECISION);
        return calls.withHandle(handle -> {
            if (isPostgres(handle)) {
                return spendAndInsert(handle, POSTGRES, presented, successor, now)
                        .bind("touchBefore", Timestamps.bind(touchBefore))
                        .execute() == 1;
            }
            return handle.inTransaction(transaction -> transaction.createUpdate(H2_LOCK_SESSION)
                    .bind("familyId", successor.familyId())
                    .bind("hash", presented.hex())
                    .bind("now", Timestamps.bind(now))
                    .bind("touchBefore", Timestamps.bind(touchBefore))
                    .execute() == 1
                    && spendAndInsert(transaction, H2_SPEND_AND_INSERT, presented, successor, now).execute() == 1);
        });
    }

    /** {@code sql} with the successor's columns, the presented token and {@code now} bound. */
    private static Update spendAndInsert(Handle handle, String sql, RefreshTokenHash presented, RefreshTokenRow successor,
                                         Instant now) {
        return successor.bindTo(handle.createUpdate(sql))
                .bind("hash", presented.hex())
                .bind("now", Timestamps.bind(now));
    }

    private boolean isPostgres(Handle handle) {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = JdbiDatabase.isPostgres(handle.getConnection());
            } catch (SQLException e) {
                throw new ConnectionException(e);
            }
            postgres = known;
        }
        return known;
    }
}
