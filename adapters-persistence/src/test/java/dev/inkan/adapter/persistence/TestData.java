package dev.inkan.adapter.persistence;

import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test fixture: users, refresh tokens and security events as the use cases would make them. */
final class TestData {

    /** Has microseconds, as much as both databases keep, so values must survive the round trip exactly. */
    static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");
    static final Duration REFRESH_TTL = Duration.ofDays(7);
    static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    static final Duration LEEWAY = Duration.ofSeconds(30);
    static final PasswordHash PASSWORD_HASH =
            new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG");

    private TestData() {
    }

    static User user(String email) {
        return User.register(new UserId(UUID.randomUUID()), new Email(email), PASSWORD_HASH, NOW);
    }

    static SessionId newSession() {
        return new SessionId(UUID.randomUUID());
    }

    static RefreshTokenHash randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new RefreshTokenHash(HexFormat.of().formatHex(bytes));
    }

    /** A fresh token of {@code session} (which starts when it is issued), issued at {@code issuedAt}. */
    static RefreshTokenRecord token(UserId user, SessionId session, Instant issuedAt) {
        return token(user, session, issuedAt, issuedAt);
    }

    /** A fresh token of {@code session}, which started at {@code sessionStartedAt}, issued at {@code issuedAt}. */
    static RefreshTokenRecord token(UserId user, SessionId session, Instant sessionStartedAt, Instant issuedAt) {
        return RefreshTokenRecord.issue(UUID.randomUUID(), user, session, sessionStartedAt, randomHash(), issuedAt,
                issuedAt.plus(REFRESH_TTL));
    }

    /** Where the test events come from: a client with an address, a user agent and a request id. */
    static final RequestOrigin ORIGIN = RequestOrigin.of(Actor.user(), "198.51.100.23", "Firefox 140", "req-42");

    /** An event of {@code type} about {@code user}, at {@link #NOW}, from {@link #ORIGIN}. */
    static SecurityEvent event(SecurityEventType type, UserId user) {
        return event(type, user, NOW);
    }

    /** An event of {@code type} about {@code user}, at {@code at}, from {@link #ORIGIN}. */
    static SecurityEvent event(SecurityEventType type, UserId user, Instant at) {
        return type.namesARole() ? SecurityEvent.ofRole(UUID.randomUUID(), at, type, user, Role.ADMIN, ORIGIN)
                : SecurityEvent.of(UUID.randomUUID(), at, type, user, ORIGIN);
    }

    /** The user repository of {@code database}, with its revocation feed and security log. */
    static JdbiUserRepository users(JdbiDatabase database) {
        return new JdbiUserRepository(database.jdbi(), database.revocationFeed(ACCESS_TTL, LEEWAY, java.time.Clock.systemUTC()),
                database.securityEventLog());
    }

    /** The session store of {@code database}, with its revocation feed and security log. */
    static JdbiSessionStore sessions(JdbiDatabase database) {
        return new JdbiSessionStore(database.jdbi(), database.revocationFeed(ACCESS_TTL, LEEWAY, java.time.Clock.systemUTC()),
                database.securityEventLog());
    }
}
