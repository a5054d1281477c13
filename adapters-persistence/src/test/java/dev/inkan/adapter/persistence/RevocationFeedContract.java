package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inkan.application.port.out.Revocation;
import dev.inkan.application.port.out.Revocation.SessionRevoked;
import dev.inkan.application.port.out.Revocation.TokenRevoked;
import dev.inkan.application.port.out.Revocation.UserTokensRevoked;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiRevocationFeed}, run on every supported database. */
abstract class RevocationFeedContract extends DatabaseTest {

    private JdbiRevocationFeed feed;

    @BeforeEach
    void createFeed() {
        feed = new JdbiRevocationFeed(jdbi());
    }

    @Test
    void publish_notifiesEverySubscriber_ofEveryKindOfRevocation() {
        List<Revocation> first = new ArrayList<>();
        List<Revocation> second = new ArrayList<>();
        feed.subscribe(first::add);
        feed.subscribe(second::add);
        List<Revocation> published = List.of(
                new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL)),
                new SessionRevoked(TestData.newSession(), NOW.plus(ACCESS_TTL)),
                new UserTokensRevoked(TestData.user("alice@example.com").id(), NOW, NOW.plus(ACCESS_TTL)));

        published.forEach(feed::publish);

        assertEquals(published, first);
        assertEquals(published, second);
    }

    @Test
    void throwingSubscriber_doesNotKeepTheRevocationFromTheOthers() {
        // The failure is logged with its stack trace; not in this test's output, where it is expected.
        Logger log = Logger.getLogger(RevocationSubscribers.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            throwingSubscriberIsIsolated();
        } finally {
            log.setLevel(level);
        }
    }

    private void throwingSubscriberIsIsolated() {
        List<Revocation> before = new ArrayList<>();
        List<Revocation> after = new ArrayList<>();
        feed.subscribe(before::add);
        feed.subscribe(revocation -> {
            throw new IllegalStateException("listener bug");
        });
        feed.subscribe(after::add);
        TokenRevoked revoked = new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL));

        feed.publish(revoked);

        assertEquals(List.of(revoked), before);
        assertEquals(List.of(revoked), after);
    }

    @Test
    void publishedTokenRevocation_isCurrent_untilTheTokenExpires() {
        Instant expiry = NOW.plus(ACCESS_TTL);
        TokenRevoked revoked = new TokenRevoked("jti-1", expiry);

        feed.publish(revoked);

        assertEquals(List.of(revoked), feed.current(NOW, ACCESS_TTL));
        assertEquals(List.of(revoked), feed.current(expiry.minusNanos(1000), ACCESS_TTL));
        assertEquals(List.of(), feed.current(expiry, ACCESS_TTL));
    }

    @Test
    void sameTokenPublishedTwice_isFine_andCurrentOnce() {
        TokenRevoked revoked = new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL));
        List<Revocation> delivered = new ArrayList<>();
        feed.subscribe(delivered::add);

        feed.publish(revoked);
        feed.publish(revoked);

        assertEquals(List.of(revoked), feed.current(NOW, ACCESS_TTL));
        assertEquals(List.of(revoked, revoked), delivered);
    }

    @Test
    void sameTokenPublishedConcurrently_isFine() throws Exception {
        TokenRevoked revoked = new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL));

        Race.run(8, i -> {
            feed.publish(revoked);
            return null;
        });

        assertEquals(List.of(revoked), feed.current(NOW, ACCESS_TTL));
    }

    @Test
    void sessionAndUserPublications_writeNothing_becauseTheStoresRecordedThemAlready() {
        feed.publish(new SessionRevoked(TestData.newSession(), NOW.plus(ACCESS_TTL)));
        feed.publish(new UserTokensRevoked(TestData.user("alice@example.com").id(), NOW, NOW.plus(ACCESS_TTL)));

        assertEquals(List.of(), feed.current(NOW, ACCESS_TTL));
    }

    @Test
    void revokedSession_isCurrent_forOneAccessTokenLifetime_andNotAfter() {
        User alice = addUser("alice@example.com");
        SessionId session = TestData.newSession();
        JdbiRefreshTokenStore tokens = new JdbiRefreshTokenStore(jdbi());
        tokens.add(TestData.token(alice.id(), session, NOW));
        tokens.add(TestData.token(alice.id(), session, NOW));
        tokens.add(TestData.token(alice.id(), TestData.newSession(), NOW));
        tokens.revokeFamily(session, NOW, RevokeReason.LOGOUT);
        SessionRevoked expected = new SessionRevoked(session, NOW.plus(ACCESS_TTL));

        assertEquals(List.of(expected), feed.current(NOW, ACCESS_TTL));
        assertEquals(List.of(expected), feed.current(NOW.plus(ACCESS_TTL).minusSeconds(1), ACCESS_TTL));
        assertEquals(List.of(), feed.current(NOW.plus(ACCESS_TTL), ACCESS_TTL));
    }

    @Test
    void userLoggedOutEverywhere_isCurrent_forOneAccessTokenLifetime_andNotAfter() {
        User alice = addUser("alice@example.com");
        addUser("bob@example.com");
        new JdbiUserRepository(jdbi()).updateTokensValidAfter(alice.id(), NOW);
        UserTokensRevoked expected = new UserTokensRevoked(alice.id(), NOW, NOW.plus(ACCESS_TTL));

        assertEquals(List.of(expected), feed.current(NOW, ACCESS_TTL));
        assertEquals(List.of(expected), feed.current(NOW.plus(ACCESS_TTL).minusSeconds(1), ACCESS_TTL));
        assertEquals(List.of(), feed.current(NOW.plus(ACCESS_TTL), ACCESS_TTL));
    }

    @Test
    void current_returnsEveryKindTogether() {
        User alice = addUser("alice@example.com");
        SessionId session = TestData.newSession();
        JdbiRefreshTokenStore tokens = new JdbiRefreshTokenStore(jdbi());
        tokens.add(TestData.token(alice.id(), session, NOW));
        tokens.revokeAllOfUser(alice.id(), NOW, RevokeReason.LOGOUT_EVERYWHERE);
        new JdbiUserRepository(jdbi()).updateTokensValidAfter(alice.id(), NOW);
        feed.publish(new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL)));

        List<Revocation> current = feed.current(NOW.plusSeconds(1), ACCESS_TTL);

        assertEquals(3, current.size());
        assertTrue(current.containsAll(List.of(
                new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL)),
                new SessionRevoked(session, NOW.plus(ACCESS_TTL)),
                new UserTokensRevoked(alice.id(), NOW, NOW.plus(ACCESS_TTL)))));
    }

    private User addUser(String email) {
        User user = TestData.user(email);
        new JdbiUserRepository(jdbi()).add(user);
        return user;
    }
}
