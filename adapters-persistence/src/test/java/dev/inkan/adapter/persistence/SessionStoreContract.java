package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.newSession;
import static dev.inkan.adapter.persistence.TestData.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RefreshTokenRecord.Status;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiSessionStore}, run on every supported database. */
abstract class SessionStoreContract extends DatabaseTest {

    /** Rounds of each race: enough that an unordered rotation and ending meet in the bad order many times. */
    private static final int RACE_ROUNDS = 300;
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(20));

    private JdbiSessionStore sessions;
    private JdbiRevocationFeed feed;
    private final List<Revocation> delivered = new CopyOnWriteArrayList<>();
    private UserId alice;

    @BeforeEach
    void createStoreAndUser() {
        feed = testDatabase().newFeed();
        sessions = new JdbiSessionStore(jdbi(), feed);
        delivered.clear();
        feed.subscribe(delivered::add);
        alice = addUser("alice@example.com");
    }

    @Test
    void startedSession_isFound_withItsFirstToken_unchanged() {
        Session session = Session.start(newSession(), alice, NOW, Optional.of("Firefox 140"));
        RefreshTokenRecord first = token(alice, session.id(), NOW);

        sessions.start(session, first);

        assertThat(sessions.find(session.id())).contains(session);
        assertThat(sessions.findToken(first.tokenHash())).contains(first);
        assertThat(sessions.find(newSession())).isEmpty();
        assertThat(sessions.findToken(TestData.randomHash())).isEmpty();
    }

    @Test
    void rotate_spendsThePresentedToken_storesTheSuccessor_andMovesLastUsedForwardOnly() {
        RefreshTokenRecord presented = start(alice, NOW);
        RefreshTokenRecord successor = token(alice, presented.familyId(), NOW, LATER);

        assertThat(sessions.rotate(presented.tokenHash(), successor, LATER)).isTrue();

        RefreshTokenRecord spent = sessions.findToken(presented.tokenHash()).orElseThrow();
        assertThat(spent.usedAt()).contains(LATER);
        assertThat(spent.statusAt(LATER)).isEqualTo(Status.USED);
        assertThat(sessions.findToken(successor.tokenHash())).contains(successor);
        assertThat(sessions.find(presented.familyId()).orElseThrow().lastUsedAt()).isEqualTo(LATER);

        RefreshTokenRecord third = token(alice, presented.familyId(), NOW, NOW.plusSeconds(1));
        assertThat(sessions.rotate(successor.tokenHash(), third, NOW.plusSeconds(1))).isTrue();
        assertThat(sessions.find(presented.familyId()).orElseThrow().lastUsedAt()).isEqualTo(LATER);
    }

    @Test
    void usedToken_cannotRotateAgain_andItsSecondSuccessorIsNotStored() {
        RefreshTokenRecord presented = start(alice, NOW);
        sessions.rotate(presented.tokenHash(), token(alice, presented.familyId(), NOW, LATER), LATER);
        RefreshTokenRecord secondSuccessor = token(alice, presented.familyId(), NOW, LATER);

        assertThat(sessions.rotate(presented.tokenHash(), secondSuccessor, LATER.plusSeconds(1))).isFalse();

        assertThat(sessions.findToken(secondSuccessor.tokenHash())).isEmpty();
        assertThat(sessions.findToken(presented.tokenHash()).orElseThrow().usedAt()).contains(LATER);
    }

    @Test
    void tokenOfAnEndedSession_cannotRotate_andNoSuccessorIsStored() {
        RefreshTokenRecord presented = start(alice, NOW);
        sessions.end(presented.familyId(), NOW.plusSeconds(1), RevokeReason.LOGOUT);
        RefreshTokenRecord successor = token(alice, presented.familyId(), NOW, LATER);

        assertThat(sessions.rotate(presented.tokenHash(), successor, LATER)).isFalse();

        assertThat(sessions.findToken(successor.tokenHash())).isEmpty();
        assertThat(sessions.findToken(presented.tokenHash()).orElseThrow().usedAt()).isEmpty();
    }

    @Test
    void unknownToken_cannotRotate_andNoSuccessorIsStored() {
        RefreshTokenRecord live = start(alice, NOW);
        RefreshTokenRecord successor = token(alice, live.familyId(), NOW, LATER);

        assertThat(sessions.rotate(TestData.randomHash(), successor, LATER)).isFalse();

        assertThat(sessions.findToken(successor.tokenHash())).isEmpty();
    }

    @Test
    void concurrentRotations_ofOneToken_exactlyOneSucceeds_andOnlyItsSuccessorIsStored() throws Exception {
        RefreshTokenRecord presented = start(alice, NOW);
        List<RefreshTokenRecord> successors = IntStream.range(0, 16)
                .mapToObj(i -> token(alice, presented.familyId(), NOW, LATER)).toList();

        List<Boolean> rotated = Race.run(successors.size(),
                i -> sessions.rotate(presented.tokenHash(), successors.get(i), LATER));

        assertThat(rotated.stream().filter(Boolean::booleanValue).count()).as("rotations that succeeded").isEqualTo(1);
        RefreshTokenRecord winner = successors.get(rotated.indexOf(true));
        assertThat(sessions.findToken(winner.tokenHash())).contains(winner);
        assertThat(tokensOfSession(presented.familyId())).as("the presented token and one successor").isEqualTo(2);
    }

    @Test
    void end_revokesEveryTokenOfThatSession_andNoOther_andPublishesItsRevocation() {
        RefreshTokenRecord first = start(alice, NOW);
        RefreshTokenRecord second = token(alice, first.familyId(), NOW, NOW.plusSeconds(1));
        sessions.rotate(first.tokenHash(), second, NOW.plusSeconds(1));
        RefreshTokenRecord other = start(alice, NOW);

        assertThat(sessions.end(first.familyId(), LATER, RevokeReason.REUSE_DETECTED)).isTrue();

        for (RefreshTokenRecord token : List.of(first, second)) {
            RefreshTokenRecord stored = sessions.findToken(token.tokenHash()).orElseThrow();
            assertThat(stored.revokedAt()).contains(LATER);
            assertThat(stored.revokeReason()).contains(RevokeReason.REUSE_DETECTED);
        }
        assertThat(sessions.findToken(other.tokenHash())).contains(other);
        SessionRevoked revoked = new SessionRevoked(first.familyId(), LATER.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN));
        assertThat(delivered).as("delivered on this instance before end returned").containsExactly(revoked);
        assertThat(feed.current(LATER)).containsExactly(revoked);
    }

    @Test
    void anEndingThatWaitedForItsLock_revokesForAnAccessTokenLifetimeFromWhenItGotIt() {
        Instant askedAt = Instant.now().minus(Duration.ofMinutes(1)); // as if it had waited a minute for the lock
        RefreshTokenRecord token = start(alice, askedAt);
        Instant before = Instant.now();

        sessions.end(token.familyId(), askedAt, RevokeReason.LOGOUT);

        assertThat(delivered).singleElement().isInstanceOfSatisfying(SessionRevoked.class,
                revoked -> assertThat(revoked.until()).isAfterOrEqualTo(before.plus(ACCESS_TTL)));
    }

    @Test
    void end_twice_keepsTheFirstEnding_andReportsAndPublishesNothingNew() {
        RefreshTokenRecord token = start(alice, NOW);
        sessions.end(token.familyId(), LATER, RevokeReason.LOGOUT);

        assertThat(sessions.end(token.familyId(), LATER.plusSeconds(5), RevokeReason.REUSE_DETECTED)).isFalse();
        assertThat(sessions.end(newSession(), LATER, RevokeReason.LOGOUT)).as("an unknown session").isFalse();

        RefreshTokenRecord stored = sessions.findToken(token.tokenHash()).orElseThrow();
        assertThat(stored.revokedAt()).contains(LATER);
        assertThat(stored.revokeReason()).contains(RevokeReason.LOGOUT);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void endAllOfUser_endsEveryLiveSession_cutsTheUsersTokens_andLeavesOthersAlone() {
        RefreshTokenRecord laptop = start(alice, NOW);
        RefreshTokenRecord phone = start(alice, NOW);
        RefreshTokenRecord loggedOut = start(alice, NOW);
        sessions.end(loggedOut.familyId(), NOW.plusSeconds(1), RevokeReason.LOGOUT);
        UserId bob = addUser("bob@example.com");
        RefreshTokenRecord bobs = start(bob, NOW);
        delivered.clear();

        List<SessionId> ended = sessions.endAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE);

        assertThat(ended).containsExactlyInAnyOrder(laptop.familyId(), phone.familyId());
        assertThat(sessions.findToken(laptop.tokenHash()).orElseThrow().revokeReason()).contains(RevokeReason.LOGOUT_EVERYWHERE);
        assertThat(sessions.findToken(loggedOut.tokenHash()).orElseThrow().revokeReason()).contains(RevokeReason.LOGOUT);
        assertThat(sessions.findToken(bobs.tokenHash())).contains(bobs);
        assertThat(delivered).containsExactlyInAnyOrder(
                new UserTokensRevoked(alice, LATER, LATER.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)),
                new SessionRevoked(laptop.familyId(), LATER.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)),
                new SessionRevoked(phone.familyId(), LATER.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)));
        assertThat(feed.current(LATER)).containsAll(delivered);
    }

    @Test
    void endAllOfUser_withoutLiveSessions_stillCutsTheUsersAccessTokens() {
        assertThat(sessions.endAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE)).isEmpty();

        assertThat(delivered).containsExactly(new UserTokensRevoked(alice, LATER, LATER.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)));
    }

    @Test
    void liveSessions_areTheUnendedOnesWithAnActiveToken_mostRecentlyUsedFirst() {
        SessionId older = start(alice, NOW).familyId();
        RefreshTokenRecord newer = start(alice, NOW);
        sessions.rotate(newer.tokenHash(), token(alice, newer.familyId(), NOW, NOW.plusSeconds(10)), NOW.plusSeconds(10));
        SessionId ended = start(alice, NOW).familyId();
        sessions.end(ended, NOW, RevokeReason.LOGOUT);
        start(alice, NOW.minus(Duration.ofDays(8)));
        start(addUser("bob@example.com"), NOW);

        assertThat(sessions.liveSessionsOf(alice, NOW.plusSeconds(20)))
                .extracting(Session::id).containsExactly(newer.familyId(), older);
    }

    @Test
    void purgeExpired_deletesExpiredTokens_andSessionsEndedOrEmpty_only() {
        RefreshTokenRecord expired = start(alice, NOW.minus(TestData.REFRESH_TTL).minusSeconds(5));
        RefreshTokenRecord live = start(alice, NOW);
        RefreshTokenRecord endedLongAgo = start(alice, NOW.minus(Duration.ofDays(1)));
        sessions.end(endedLongAgo.familyId(), NOW.minus(Duration.ofDays(1)), RevokeReason.LOGOUT);
        RefreshTokenRecord endedJustNow = start(alice, NOW);
        sessions.end(endedJustNow.familyId(), NOW, RevokeReason.LOGOUT);

        PurgedRows purged = sessions.purgeExpired(NOW.minusSeconds(1));

        assertThat(purged).isEqualTo(new PurgedRows(2, 2));
        assertThat(sessions.findToken(expired.tokenHash())).isEmpty();
        assertThat(sessions.find(expired.familyId())).isEmpty();
        assertThat(sessions.find(endedLongAgo.familyId())).isEmpty();
        assertThat(sessions.findToken(live.tokenHash())).contains(live);
        assertThat(sessions.findToken(endedJustNow.tokenHash())).isPresent();
    }

    @Test
    void rotationRacingTheEndOfItsSession_neverLeavesALiveToken() throws Exception {
        raceRotationAgainst((store, session) -> store.end(session.familyId(), LATER, RevokeReason.SESSION_ENDED), sessions);
    }

    @Test
    void rotationRacingTheEndOfEverySessionOfItsUser_neverLeavesALiveToken() throws Exception {
        raceRotationAgainst((store, session) -> store.endAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE), sessions);
    }

    @Test
    void rotationRacingAnEndingFromAnotherInstance_neverLeavesALiveToken() throws Exception {
        try (JdbiDatabase otherInstance = JdbiDatabase.start(testDatabase().settings())) {
            JdbiSessionStore other = new JdbiSessionStore(otherInstance.jdbi(),
                    otherInstance.revocationFeed(ACCESS_TTL, TestData.LEEWAY, java.time.Clock.systemUTC()));
            raceRotationAgainst((store, session) -> store.end(session.familyId(), LATER, RevokeReason.LOGOUT), other);
        }
    }

    /**
     * Round after round, a rotation and an ending of the same session start at the same instant.
     * Whichever wins, once both have answered no token of the session is unspent and unrevoked, and
     * no token of it rotates again.
     */
    private void raceRotationAgainst(BiConsumer<JdbiSessionStore, RefreshTokenRecord> ending, JdbiSessionStore ender)
            throws Exception {
        int rotatedFirst = 0;
        for (int round = 0; round < RACE_ROUNDS; round++) {
            RefreshTokenRecord presented = start(alice, NOW);
            RefreshTokenRecord successor = token(alice, presented.familyId(), NOW, NOW.plusSeconds(1));

            List<Boolean> results = Race.run(2, i -> {
                if (i == 0) {
                    return sessions.rotate(presented.tokenHash(), successor, NOW.plusSeconds(1));
                }
                ending.accept(ender, presented);
                return false;
            });

            rotatedFirst += results.get(0) ? 1 : 0;
            assertThat(liveTokensOfSession(presented.familyId())).as("live tokens after round %d", round).isZero();
            RefreshTokenRecord next = token(alice, presented.familyId(), NOW, NOW.plusSeconds(2));
            assertThat(sessions.rotate(successor.tokenHash(), next, NOW.plusSeconds(2))
                    || sessions.rotate(presented.tokenHash(), next, NOW.plusSeconds(2)))
                    .as("a rotation after round %d answered", round).isFalse();
        }
        System.out.printf("%s: of %d races, the rotation committed first in %d%n",
                testDatabase().settings().kind(), RACE_ROUNDS, rotatedFirst);
    }

    private RefreshTokenRecord start(UserId user, Instant at) {
        Session session = Session.start(newSession(), user, at, Optional.empty());
        RefreshTokenRecord first = token(user, session.id(), at);
        sessions.start(session, first);
        return first;
    }

    private UserId addUser(String email) {
        User user = TestData.user(email);
        TestData.users(testDatabase().database()).add(user);
        return user.id();
    }

    private int tokensOfSession(SessionId session) {
        return count("SELECT COUNT(*) FROM refresh_tokens WHERE family_id = :f", session);
    }

    private int liveTokensOfSession(SessionId session) {
        return count("SELECT COUNT(*) FROM refresh_tokens WHERE family_id = :f AND used_at IS NULL AND revoked_at IS NULL",
                session);
    }

    private int count(String sql, SessionId session) {
        return jdbi().withHandle(handle -> handle.createQuery(sql).bind("f", session.value()).mapTo(Integer.class).one());
    }
}
