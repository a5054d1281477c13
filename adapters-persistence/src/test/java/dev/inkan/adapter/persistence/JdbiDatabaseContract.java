package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.Email;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Contract of {@link JdbiDatabase}: start-up, migrations, health, and what the stores do when it is gone. */
abstract class JdbiDatabaseContract extends DatabaseTest {

    /** Settings naming a server that refuses connections. */
    abstract DatabaseSettings unreachableSettings();

    @Test
    void secondStart_onAMigratedDatabase_changesNothing() {
        User alice = TestData.user("alice@example.com");
        TestData.users(testDatabase().database()).add(alice);
        int migrationsApplied = appliedMigrations();

        try (JdbiDatabase second = JdbiDatabase.start(testDatabase().settings())) {
            assertEquals(Optional.of(alice), TestData.users(second).findById(alice.id()));
        }
        assertEquals(migrationsApplied, appliedMigrations());
    }

    @Test
    void runningDatabase_isHealthy() {
        assertTrue(testDatabase().database().isHealthy());
    }

    @Test
    void closedDatabase_isNotHealthy() {
        JdbiDatabase database = JdbiDatabase.start(testDatabase().settings());
        database.close();

        assertFalse(database.isHealthy());
    }

    @TestFactory
    Stream<DynamicTest> everyStoreCall_onAClosedDatabase_throwsStoreUnavailable_withoutSqlInTheMessage() {
        JdbiDatabase database = JdbiDatabase.start(testDatabase().settings());
        JdbiUserRepository users = TestData.users(database);
        JdbiRevocationFeed feed = database.revocationFeed(ACCESS_TTL, TestData.LEEWAY, java.time.Clock.systemUTC());
        JdbiSecurityEventLog events = database.securityEventLog();
        JdbiSessionStore sessions = new JdbiSessionStore(database.jdbi(), feed, events);
        List<Revocation> delivered = new ArrayList<>();
        feed.subscribe(delivered::add);
        List<SecurityEvent> heard = new ArrayList<>();
        events.subscribe(heard::add);
        database.close();
        User user = TestData.user("alice@example.com");
        var token = TestData.token(user.id(), TestData.newSession(), NOW);
        var session = dev.inkan.domain.Session.start(token.familyId(), user.id(), NOW, Optional.empty());

        Map<String, Executable> calls = Map.ofEntries(
                Map.entry("users.add", () -> users.add(user)),
                Map.entry("users.findByEmail", () -> users.findByEmail(new Email("alice@example.com"))),
                Map.entry("users.findById", () -> users.findById(user.id())),
                Map.entry("users.updatePasswordHash", () -> users.updatePasswordHash(user.id(), TestData.PASSWORD_HASH)),
                Map.entry("sessions.start", () -> sessions.start(session, token, event(SecurityEventType.LOGIN_SUCCEEDED, user.id()))),
                Map.entry("sessions.findToken", () -> sessions.findToken(token.tokenHash())),
                Map.entry("sessions.rotate", () -> sessions.rotate(token.tokenHash(), token, NOW)),
                Map.entry("sessions.end", () -> sessions.end(token.familyId(), NOW, RevokeReason.LOGOUT,
                        event(SecurityEventType.LOGOUT, user.id()))),
                Map.entry("sessions.endAllOfUser", () -> sessions.endAllOfUser(user.id(), NOW, RevokeReason.LOGOUT_EVERYWHERE,
                        event(SecurityEventType.LOGOUT_ALL, user.id()))),
                Map.entry("users.grantRole", () -> users.grantRole(user.id(), dev.inkan.domain.Role.ADMIN,
                        event(SecurityEventType.ROLE_GRANTED, user.id()))),
                Map.entry("users.delete", () -> users.delete(user.id(), NOW, event(SecurityEventType.ACCOUNT_DELETED, user.id()))),
                Map.entry("events.record", () -> events.record(event(SecurityEventType.LOGIN_FAILED, user.id()))),
                Map.entry("events.listAll", () -> events.listAll(dev.inkan.domain.SecurityEventFilter.all(), Optional.empty(), 10)),
                Map.entry("events.purgeOlderThan", () -> events.purgeOlderThan(NOW)),
                Map.entry("sessions.find", () -> sessions.find(token.familyId())),
                Map.entry("sessions.liveSessionsOf", () -> sessions.liveSessionsOf(user.id(), NOW)),
                Map.entry("sessions.purgeExpired", () -> sessions.purgeExpired(NOW)),
                Map.entry("feed.publish", () -> feed.publish(new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL)))),
                Map.entry("feed.current", () -> feed.current(NOW)),
                Map.entry("feed.purgeExpired", () -> feed.purgeExpired(NOW)),
                Map.entry("database.sharedSecret", () -> database.sharedSecret("test", new java.security.SecureRandom())));

        return calls.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(call -> dynamicTest(call.getKey(), () -> {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, call.getValue());
            assertInstanceOf(JdbiException.class, e.getCause(), "the cause stays for the logs");
            assertFalse(e.getMessage().matches("(?is).*(select|insert|update|delete|alice|jti-1).*"), e.getMessage());
            assertEquals(List.of(), delivered, "a revocation that was not recorded is not delivered");
            assertEquals(List.of(), heard, "an event that was not recorded is not heard of");
        }));
    }

    /**
     * Before version 5, only logout, logout-all, ending a session and reuse detection revoked
     * tokens, and a refresh racing them could store a successor the revocation missed. Upgrading
     * ends every session with a revoked token, successor included, and loads its revocation.
     */
    @Test
    void upgradingFromVersion4_endsEverySessionAnOldRevocationReached_successorsIncluded() throws Exception {
        try (TestDatabase old = openTestDatabaseAt("4")) {
            java.util.UUID user = java.util.UUID.randomUUID();
            java.util.UUID ended = java.util.UUID.randomUUID();
            java.util.UUID live = java.util.UUID.randomUUID();
            old.flywayJdbi().useHandle(handle -> {
                handle.execute("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, 'ann@example.com', '$argon2id$x', CURRENT_TIMESTAMP)", user);
                for (java.util.UUID session : List.of(ended, live)) {
                    handle.execute("INSERT INTO sessions (id, user_id, created_at, last_used_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                            session, user);
                }
                insertToken(handle, user, ended, "a", "CURRENT_TIMESTAMP", "'LOGOUT'");
                insertToken(handle, user, ended, "b", null, null); // the successor a racing refresh stored
                insertToken(handle, user, live, "c", null, null);
            });

            JdbiDatabase upgraded = old.migrateToLatest();
            List<String> unrevoked = upgraded.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT token_hash FROM refresh_tokens WHERE revoked_at IS NULL ORDER BY token_hash").mapTo(String.class).list());
            assertEquals(List.of("c".repeat(64)), unrevoked);
            assertTrue(upgraded.revocationFeed(ACCESS_TTL, TestData.LEEWAY, java.time.Clock.systemUTC()).current(java.time.Instant.now())
                    .stream().anyMatch(r -> r instanceof dev.inkan.domain.Revocation.SessionRevoked s
                            && s.sessionId().value().equals(ended)));
        }
    }

    private static void insertToken(org.jdbi.v3.core.Handle handle, java.util.UUID user, java.util.UUID session, String hash,
                                    String revokedAt, String reason) {
        handle.execute("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at, revoked_at, revoke_reason)"
                + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' DAY, " + revokedAt + ", " + reason + ")",
                java.util.UUID.randomUUID(), user, session, hash.repeat(64));
    }

    /** A fresh database of the same kind as this class's, migrated only up to {@code version}. */
    abstract TestDatabase openTestDatabaseAt(String version);

    @Test
    void sharedSecret_isMadeOnce_andEveryInstanceGetsTheSameOne_evenWhenTheyAskAtOnce() throws Exception {
        List<byte[]> secrets = Race.run(8, i -> testDatabase().database().sharedSecret("successor", new java.security.SecureRandom()));

        byte[] first = secrets.get(0);
        assertEquals(32, first.length);
        secrets.forEach(secret -> assertTrue(java.util.Arrays.equals(first, secret)));
        try (JdbiDatabase otherInstance = JdbiDatabase.start(testDatabase().settings())) {
            assertTrue(java.util.Arrays.equals(first, otherInstance.sharedSecret("successor", new java.security.SecureRandom())));
        }
        assertFalse(java.util.Arrays.equals(first,
                testDatabase().database().sharedSecret("another", new java.security.SecureRandom())));
    }

    @Test
    void unreachableDatabase_failsStartFast_withStoreUnavailable() {
        long started = System.nanoTime();

        assertThrows(StoreUnavailableException.class, () -> JdbiDatabase.start(unreachableSettings()));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }

    @Test
    void callersDataSource_isMigratedAndUsed_andLeftOpenOnClose() {
        HikariConfig config = new HikariConfig();
        DatabaseSettings settings = testDatabase().settings();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource callersPool = new HikariDataSource(config)) {
            User alice = TestData.user("alice@example.com");

            try (JdbiDatabase database = JdbiDatabase.start(callersPool)) {
                TestData.users(database).add(alice);
            }

            assertFalse(callersPool.isClosed());
            assertEquals(Optional.of(alice), TestData.users(testDatabase().database()).findById(alice.id()));
        }
    }

    private int appliedMigrations() {
        return jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM \"" + JdbiDatabase.HISTORY_TABLE + "\" WHERE \"success\" = TRUE")
                .mapTo(Integer.class)
                .one());
    }
}
