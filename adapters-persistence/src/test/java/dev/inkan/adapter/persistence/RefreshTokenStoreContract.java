package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.newSession;
import static dev.inkan.adapter.persistence.TestData.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inkan.application.port.out.Revocation.TokenRevoked;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RefreshTokenRecord.Status;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiRefreshTokenStore}, run on every supported database. */
abstract class RefreshTokenStoreContract extends DatabaseTest {

    private static final Instant LATER = NOW.plus(Duration.ofMinutes(20));

    private JdbiRefreshTokenStore tokens;
    private UserId alice;

    @BeforeEach
    void createStoreAndUser() {
        tokens = new JdbiRefreshTokenStore(jdbi());
        alice = addUser("alice@example.com");
    }

    @Test
    void addedToken_isFoundByHash_unchanged() {
        RefreshTokenRecord token = token(alice, newSession(), NOW);

        tokens.add(token);

        assertEquals(Optional.of(token), tokens.findByHash(token.tokenHash()));
    }

    @Test
    void unknownHash_isNotFound() {
        tokens.add(token(alice, newSession(), NOW));

        assertEquals(Optional.empty(), tokens.findByHash(TestData.randomHash()));
    }

    @Test
    void rotate_spendsThePresentedToken_andStoresTheSuccessor() {
        SessionId session = newSession();
        RefreshTokenRecord presented = token(alice, session, NOW);
        RefreshTokenRecord successor = token(alice, session, LATER);
        tokens.add(presented);

        assertTrue(tokens.rotate(presented.tokenHash(), successor, LATER));

        RefreshTokenRecord spent = tokens.findByHash(presented.tokenHash()).orElseThrow();
        assertEquals(Optional.of(LATER), spent.usedAt());
        assertEquals(Status.USED, spent.statusAt(LATER));
        assertEquals(Optional.of(successor), tokens.findByHash(successor.tokenHash()));
    }

    @Test
    void usedToken_cannotRotateAgain_andItsSecondSuccessorIsNotStored() {
        SessionId session = newSession();
        RefreshTokenRecord presented = token(alice, session, NOW);
        tokens.add(presented);
        tokens.rotate(presented.tokenHash(), token(alice, session, LATER), LATER);
        RefreshTokenRecord secondSuccessor = token(alice, session, LATER);

        assertFalse(tokens.rotate(presented.tokenHash(), secondSuccessor, LATER.plusSeconds(1)));

        assertEquals(Optional.empty(), tokens.findByHash(secondSuccessor.tokenHash()));
        assertEquals(Optional.of(LATER), tokens.findByHash(presented.tokenHash()).orElseThrow().usedAt());
    }

    @Test
    void revokedToken_cannotRotate_andNoSuccessorIsStored() {
        SessionId session = newSession();
        RefreshTokenRecord presented = token(alice, session, NOW);
        tokens.add(presented);
        tokens.revokeFamily(session, NOW.plusSeconds(1), RevokeReason.LOGOUT);
        RefreshTokenRecord successor = token(alice, session, LATER);

        assertFalse(tokens.rotate(presented.tokenHash(), successor, LATER));

        assertEquals(Optional.empty(), tokens.findByHash(successor.tokenHash()));
        assertEquals(Optional.empty(), tokens.findByHash(presented.tokenHash()).orElseThrow().usedAt());
    }

    @Test
    void unknownToken_cannotRotate_andNoSuccessorIsStored() {
        RefreshTokenRecord successor = token(alice, newSession(), LATER);

        assertFalse(tokens.rotate(TestData.randomHash(), successor, LATER));

        assertEquals(Optional.empty(), tokens.findByHash(successor.tokenHash()));
    }

    @Test
    void concurrentRotations_ofOneToken_exactlyOneSucceeds_andOnlyItsSuccessorIsStored() throws Exception {
        SessionId session = newSession();
        RefreshTokenRecord presented = token(alice, session, NOW);
        tokens.add(presented);
        List<RefreshTokenRecord> successors = IntStream.range(0, 16).mapToObj(i -> token(alice, session, LATER)).toList();

        List<Boolean> rotated = Race.run(successors.size(),
                i -> tokens.rotate(presented.tokenHash(), successors.get(i), LATER));

        assertEquals(1, rotated.stream().filter(Boolean::booleanValue).count(), "rotations that succeeded");
        RefreshTokenRecord winner = successors.get(rotated.indexOf(true));
        assertEquals(Optional.of(winner), tokens.findByHash(winner.tokenHash()));
        assertEquals(2, tokensOfFamily(session), "the presented token and one successor");
    }

    @Test
    void revokeFamily_revokesEveryLiveTokenOfThatFamily_andNoOther() {
        SessionId session = newSession();
        SessionId otherSession = newSession();
        RefreshTokenRecord first = token(alice, session, NOW);
        RefreshTokenRecord second = token(alice, session, NOW);
        RefreshTokenRecord other = token(alice, otherSession, NOW);
        List.of(first, second, other).forEach(tokens::add);

        assertTrue(tokens.revokeFamily(session, LATER, RevokeReason.REUSE_DETECTED));

        for (RefreshTokenRecord token : List.of(first, second)) {
            RefreshTokenRecord stored = tokens.findByHash(token.tokenHash()).orElseThrow();
            assertEquals(Optional.of(LATER), stored.revokedAt());
            assertEquals(Optional.of(RevokeReason.REUSE_DETECTED), stored.revokeReason());
        }
        assertEquals(Optional.of(other), tokens.findByHash(other.tokenHash()));
    }

    @Test
    void revokeFamily_twice_keepsTheFirstRevocation_andReportsNothingNew() {
        SessionId session = newSession();
        RefreshTokenRecord token = token(alice, session, NOW);
        tokens.add(token);
        tokens.revokeFamily(session, LATER, RevokeReason.LOGOUT);

        assertFalse(tokens.revokeFamily(session, LATER.plusSeconds(5), RevokeReason.REUSE_DETECTED));

        RefreshTokenRecord stored = tokens.findByHash(token.tokenHash()).orElseThrow();
        assertEquals(Optional.of(LATER), stored.revokedAt());
        assertEquals(Optional.of(RevokeReason.LOGOUT), stored.revokeReason());
    }

    @Test
    void revokeAllOfUser_revokesEveryLiveFamily_andReturnsThem() {
        SessionId laptop = newSession();
        SessionId phone = newSession();
        SessionId loggedOut = newSession();
        UserId bob = addUser("bob@example.com");
        SessionId bobsSession = newSession();
        RefreshTokenRecord laptopToken = token(alice, laptop, NOW);
        List.of(laptopToken, token(alice, laptop, NOW), token(alice, phone, NOW), token(alice, loggedOut, NOW))
                .forEach(tokens::add);
        RefreshTokenRecord bobsToken = token(bob, bobsSession, NOW);
        tokens.add(bobsToken);
        tokens.revokeFamily(loggedOut, NOW.plusSeconds(1), RevokeReason.LOGOUT);

        List<SessionId> revoked = tokens.revokeAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE);

        assertEquals(Set.of(laptop, phone), Set.copyOf(revoked));
        assertEquals(2, revoked.size(), "each family once");
        assertEquals(Optional.of(RevokeReason.LOGOUT_EVERYWHERE),
                tokens.findByHash(laptopToken.tokenHash()).orElseThrow().revokeReason());
        assertEquals(Optional.of(bobsToken), tokens.findByHash(bobsToken.tokenHash()));
    }

    @Test
    void revokeAllOfUser_withoutLiveTokens_returnsNothing() {
        assertEquals(List.of(), tokens.revokeAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE));
    }

    @Test
    void purgeExpired_deletesExpiredRefreshAndAccessTokens_only() {
        RefreshTokenRecord expired = token(alice, newSession(), NOW.minus(TestData.REFRESH_TTL).minusSeconds(1));
        RefreshTokenRecord live = token(alice, newSession(), NOW);
        tokens.add(expired);
        tokens.add(live);
        JdbiRevocationFeed feed = new JdbiRevocationFeed(jdbi());
        feed.publish(new TokenRevoked("expired-jti", NOW.minusSeconds(1)));
        feed.publish(new TokenRevoked("live-jti", NOW.plusSeconds(60)));

        PurgedRows purged = tokens.purgeExpired(NOW);

        assertEquals(new PurgedRows(1, 1), purged);
        assertEquals(Optional.empty(), tokens.findByHash(expired.tokenHash()));
        assertEquals(Optional.of(live), tokens.findByHash(live.tokenHash()));
        assertEquals(List.of(new TokenRevoked("live-jti", NOW.plusSeconds(60))),
                feed.current(NOW, TestData.ACCESS_TTL));
    }

    private UserId addUser(String email) {
        User user = TestData.user(email);
        new JdbiUserRepository(jdbi()).add(user);
        return user.id();
    }

    private int tokensOfFamily(SessionId session) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM refresh_tokens WHERE family_id = :f")
                .bind("f", session.value())
                .mapTo(Integer.class)
                .one());
    }
}
