package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiSessionStore}, run on every supported database. */
abstract class SessionStoreContract extends DatabaseTest {

    private JdbiSessionStore sessions;
    private JdbiRefreshTokenStore refreshTokens;
    private User alice;

    @BeforeEach
    void createStores() {
        sessions = new JdbiSessionStore(jdbi());
        refreshTokens = new JdbiRefreshTokenStore(jdbi());
        alice = TestData.user("alice@example.com");
        new JdbiUserRepository(jdbi()).add(alice);
    }

    @Test
    void addedSession_isFound_withItsUserAgent() {
        Session session = Session.start(TestData.newSession(), alice.id(), NOW, Optional.of("Firefox 140"));

        sessions.add(session);

        assertThat(sessions.find(session.id())).contains(session);
        assertThat(sessions.find(TestData.newSession())).isEmpty();
    }

    @Test
    void touch_movesLastUsedForwardOnly() {
        Session session = Session.start(TestData.newSession(), alice.id(), NOW, Optional.empty());
        sessions.add(session);

        sessions.touch(session.id(), NOW.plusSeconds(60));
        sessions.touch(session.id(), NOW.plusSeconds(30));

        assertThat(sessions.find(session.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void liveSessions_areThoseWithAnActiveRefreshToken_mostRecentlyUsedFirst() {
        SessionId older = live(NOW);
        SessionId newer = live(NOW.plusSeconds(10));
        SessionId revoked = live(NOW);
        refreshTokens.revokeFamily(revoked, NOW, RevokeReason.LOGOUT);
        SessionId expired = TestData.newSession();
        sessions.add(Session.start(expired, alice.id(), NOW.minus(Duration.ofDays(8)), Optional.empty()));
        refreshTokens.add(TestData.token(alice.id(), expired, NOW.minus(Duration.ofDays(8))));
        SessionId spentOnly = live(NOW);
        refreshTokens.rotate(onlyTokenOf(spentOnly), TestData.token(alice.id(), TestData.newSession(), NOW), NOW);
        User bob = TestData.user("bob@example.com");
        new JdbiUserRepository(jdbi()).add(bob);
        SessionId bobs = TestData.newSession();
        sessions.add(Session.start(bobs, bob.id(), NOW, Optional.empty()));
        refreshTokens.add(TestData.token(bob.id(), bobs, NOW));

        assertThat(sessions.liveSessionsOf(alice.id(), NOW.plusSeconds(20)))
                .extracting(Session::id).containsExactly(newer, older);
    }

    private SessionId live(java.time.Instant at) {
        SessionId id = TestData.newSession();
        sessions.add(Session.start(id, alice.id(), at, Optional.empty()));
        refreshTokens.add(TestData.token(alice.id(), id, at));
        return id;
    }

    private dev.inkan.domain.RefreshTokenHash onlyTokenOf(SessionId family) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT token_hash FROM refresh_tokens WHERE family_id = :f")
                .bind("f", family.value()).mapTo(String.class).map(dev.inkan.domain.RefreshTokenHash::new).one());
    }
}
