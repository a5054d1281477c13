package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.LEEWAY;
import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.event;
import static dev.inkan.adapter.persistence.TestData.newSession;
import static dev.inkan.adapter.persistence.TestData.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.Session;
import dev.inkan.domain.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** {@link SessionStoreContract} on PostgreSQL, in a schema of its own. */
class PostgresSessionStoreTest extends SessionStoreContract {

    private static final int ROTATIONS = 200;

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }

    /**
     * In a new schema, whose tables have no statistics yet, one session rotates again and again on
     * one connection, where PostgreSQL plans each statement once and keeps the plan: each rotation
     * still reads only the token it spends, not every token its session has had (or every
     * unrevoked one), which would make each refresh slower than the one before.
     */
    @Test
    void aRotation_readsTheTokenItSpends_howeverManyItsSessionHasHad() throws SQLException {
        try (TestDatabase young = TestDatabase.postgres();
             Connection connection = young.database().dataSource().getConnection()) {
            JdbiDatabase database = young.database();
            Jdbi oneConnection = Jdbi.create(connection); // every handle on it, left open; closed with the test
            JdbiSessionStore store = new JdbiSessionStore(oneConnection,
                    database.revocationFeed(ACCESS_TTL, LEEWAY, Clock.systemUTC()), database.securityEventLog());
            User user = TestData.user("rotating@example.com");
            TestData.users(database).add(user);
            Session session = Session.start(newSession(), user.id(), NOW, Optional.empty());
            RefreshTokenRecord presented = token(user.id(), session.id(), NOW);
            store.start(session, presented, event(SecurityEventType.LOGIN_SUCCEEDED, user.id()).withSession(session.id()));
            long before = refreshTokenRowsRead(oneConnection);

            for (int i = 1; i <= ROTATIONS; i++) {
                Instant at = NOW.plusSeconds(i);
                RefreshTokenRecord successor = token(user.id(), session.id(), NOW, at);
                assertThat(store.rotate(presented.tokenHash(), successor, at)).as("rotation %d", i).isTrue();
                presented = successor;
            }

            long read = refreshTokenRowsRead(oneConnection) - before;
            assertThat(read).as("refresh token rows read by %d rotations", ROTATIONS).isLessThanOrEqualTo(3L * ROTATIONS);
        }
    }

    /** Rows of refresh_tokens read so far, by scans and through indexes, with this connection's own counts flushed first. */
    private static long refreshTokenRowsRead(Jdbi oneConnection) {
        return oneConnection.withHandle(handle -> {
            handle.execute("SELECT pg_stat_force_next_flush()");
            return handle.createQuery("""
                            SELECT COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0) FROM pg_stat_user_tables
                            WHERE relid = 'refresh_tokens'::regclass""")
                    .mapTo(Long.class)
                    .one();
        });
    }
}
