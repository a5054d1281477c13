package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.LEEWAY;
import static dev.inkan.adapter.persistence.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import java.time.Duration;
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
        feed = testDatabase().newFeed();
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
    void publishedTokenRevocation_isCurrent_untilTheTokenExpires_andTheLeewayHasPassed() {
        Instant expiry = NOW.plus(ACCESS_TTL);
        TokenRevoked revoked = new TokenRevoked("jti-1", expiry);

        feed.publish(revoked);

        assertEquals(List.of(revoked), feed.current(NOW));
        assertEquals(List.of(revoked), feed.current(expiry));
        assertEquals(List.of(revoked), feed.current(expiry.plus(LEEWAY).minusNanos(1000)));
        assertEquals(List.of(), feed.current(expiry.plus(LEEWAY)));
    }

    @Test
    void sameTokenPublishedTwice_isFine() {
        TokenRevoked revoked = new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL));
        List<Revocation> delivered = new ArrayList<>();
        feed.subscribe(delivered::add);

        feed.publish(revoked);
        feed.publish(revoked);

        assertEquals(List.of(revoked, revoked), delivered);
        assertTrue(feed.current(NOW).stream().allMatch(revoked::equals));
    }

    @Test
    void sameTokenPublishedConcurrently_isFine() throws Exception {
        TokenRevoked revoked = new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL));

        Race.run(8, i -> {
            feed.publish(revoked);
            return null;
        });

        assertTrue(feed.current(NOW).stream().allMatch(revoked::equals));
    }

    @Test
    void everyKindOfRevocation_isCurrent_withWhatItSaid_untilItsRelevanceAndTheLeewayHavePassed() {
        List<Revocation> published = List.of(
                new TokenRevoked("jti-1", NOW.plus(ACCESS_TTL)),
                new SessionRevoked(TestData.newSession(), NOW.plus(ACCESS_TTL)),
                new UserTokensRevoked(addUser("alice@example.com").id(), NOW, NOW.plus(ACCESS_TTL)),
                new KeyRetired("2026-11|ed", NOW.plus(ACCESS_TTL)));

        published.forEach(feed::publish);

        assertEquals(published, feed.current(NOW.plusSeconds(1)));
        assertEquals(published, feed.current(NOW.plus(ACCESS_TTL).plus(LEEWAY).minusSeconds(1)));
        assertEquals(List.of(), feed.current(NOW.plus(ACCESS_TTL).plus(LEEWAY)));
    }

    @Test
    void sessionsEndedByTheStore_areCurrent_forOneAccessTokenLifetimeAndTheIssuingMargin() {
        User alice = addUser("alice@example.com");
        JdbiSessionStore sessions = new JdbiSessionStore(jdbi(), feed, testDatabase().newEventLog());
        SessionId session = TestData.newSession();
        sessions.start(dev.inkan.domain.Session.start(session, alice.id(), NOW, java.util.Optional.empty()),
                TestData.token(alice.id(), session, NOW), TestData.event(SecurityEventType.LOGIN_SUCCEEDED, alice.id()));

        sessions.endAllOfUser(alice.id(), NOW, RevokeReason.LOGOUT_EVERYWHERE, TestData.event(SecurityEventType.LOGOUT_ALL, alice.id()));

        List<Revocation> current = feed.current(NOW.plusSeconds(1));
        assertEquals(2, current.size());
        assertTrue(current.containsAll(List.of(
                new SessionRevoked(session, NOW.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)),
                new UserTokensRevoked(alice.id(), NOW, NOW.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)))));
    }

    @Test
    void purgeExpired_deletesOnlyWhatCanRefuseNothing() {
        TokenRevoked old = new TokenRevoked("old", NOW.minus(LEEWAY).minusSeconds(1));
        TokenRevoked live = new TokenRevoked("live", NOW.minusSeconds(1));
        feed.publish(old);
        feed.publish(live);

        assertEquals(1, feed.purgeExpired(NOW));

        assertEquals(List.of(live), feed.current(NOW.minus(Duration.ofHours(1))));
    }

    private User addUser(String email) {
        User user = TestData.user(email);
        TestData.users(testDatabase().database()).add(user);
        return user;
    }
}
