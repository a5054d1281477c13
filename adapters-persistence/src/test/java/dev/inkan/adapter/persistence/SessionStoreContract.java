package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.event;
import static dev.inkan.adapter.persistence.TestData.newSession;
import static dev.inkan.adapter.persistence.TestData.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RefreshTokenRecord.Status;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.SecurityEventType;
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
    private JdbiSecurityEventLog events;
    private final List<Revocation> delivered = new CopyOnWriteArrayList<>();
    private final List<SecurityEvent> heard = new CopyOnWriteArrayList<>();
    private UserId alice;

    @BeforeEach
    void createStoreAndUser() {
        feed = testDatabase().newFeed();
        events = testDatabase().newEventLog();
        sessions = new JdbiSessionStore(jdbi(), feed, events);
        delivered.clear();
        heard.clear();
        feed.subscribe(delivered::add);
        events.subscribe(heard::add);
        alice = addUser("alice@example.com");
    }

    @Test
    void startedSession_isFound_withItsFirstToken_unchanged() {
        Session session = Session.start(newSession(), alice, NOW, Optional.of("Firefox 140"));
        RefreshTokenRecord first = token(alice, session.id(), NOW);

        sessions.start(session, first, loggedIn(session));

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
    void rotate_movesTheLastUse_onlyOnceTheRecordedOneIsOlderThanItsPrecision() {
        RefreshTokenRecord presented = start(alice, NOW);
        Instant withinTheMinute = NOW.plus(Session.LAST_USE_PRECISION);
        Instant pastIt = withinTheMinute.plusNanos(1000);
        RefreshTokenRecord second = token(alice, presented.familyId(), NOW, withinTheMinute);
        RefreshTokenRecord third = token(alice, presented.familyId(), NOW, pastIt);

        assertThat(sessions.rotate(presented.tokenHash(), second, withinTheMinute)).isTrue();
        assertThat(sessions.find(presented.familyId()).orElseThrow().lastUsedAt()).as("a minute after the login").isEqualTo(NOW);
        assertThat(sessions.findToken(presented.tokenHash()).orElseThrow().usedAt()).contains(withinTheMinute);

        assertThat(sessions.rotate(second.tokenHash(), third, pastIt)).isTrue();
        assertThat(sessions.find(presented.familyId()).orElseThrow().lastUsedAt()).as("past the minute").isEqualTo(pastIt);
        assertThat(sessions.findToken(third.tokenHash())).contains(third);
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
        sessions.end(presented.familyId(), NOW.plusSeconds(1), RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));
        RefreshTokenRecord successor = token(alice, presented.familyId(), NOW, LATER);

        assertThat(sessions.rotate(presented.tokenHash(), successor, LATER)).isFalse();

        assertThat(sessions.findToken(successor.tokenHash())).isEmpty();
        assertThat(sessions.findToken(presented.tokenHash()).orElseThrow().usedAt()).isEmpty();
    }

    @Test
    void aTokenPresentedWithASuccessorOfAnotherSession_staysUnspent_andNoSuccessorIsStored() {
        RefreshTokenRecord presented = start(alice, NOW);
        RefreshTokenRecord otherSessions = start(alice, NOW);
        RefreshTokenRecord successor = token(alice, otherSessions.familyId(), NOW, LATER);

        assertThat(sessions.rotate(presented.tokenHash(), successor, LATER)).isFalse();

        assertThat(sessions.findToken(successor.tokenHash())).isEmpty();
        assertThat(sessions.findToken(presented.tokenHash())).contains(presented);
        assertThat(sessions.find(otherSessions.familyId()).orElseThrow().lastUsedAt()).isEqualTo(NOW);
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

        assertThat(sessions.end(first.familyId(), LATER, RevokeReason.REUSE_DETECTED, ending(RevokeReason.REUSE_DETECTED)))
                .isTrue();

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

        sessions.end(token.familyId(), askedAt, RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));

        assertThat(delivered).singleElement().isInstanceOfSatisfying(SessionRevoked.class,
                revoked -> assertThat(revoked.until()).isAfterOrEqualTo(before.plus(ACCESS_TTL)));
    }

    @Test
    void end_twice_keepsTheFirstEnding_andReportsAndPublishesNothingNew() {
        RefreshTokenRecord token = start(alice, NOW);
        sessions.end(token.familyId(), LATER, RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));

        assertThat(sessions.end(token.familyId(), LATER.plusSeconds(5), RevokeReason.REUSE_DETECTED,
                ending(RevokeReason.REUSE_DETECTED))).isFalse();
        assertThat(sessions.end(newSession(), LATER, RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT)))
                .as("an unknown session").isFalse();

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
        sessions.end(loggedOut.familyId(), NOW.plusSeconds(1), RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));
        UserId bob = addUser("bob@example.com");
        RefreshTokenRecord bobs = start(bob, NOW);
        delivered.clear();

        List<SessionId> ended = endAllOfAlice();

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
        assertThat(endAllOfAlice()).isEmpty();

        assertThat(delivered).containsExactly(new UserTokensRevoked(alice, LATER, LATER.plus(ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)));
    }

    @Test
    void eachChange_storesItsEvent_andTellsTheLogsListeners_afterTheCommit() {
        Session session = Session.start(newSession(), alice, NOW, Optional.of("Firefox 140"));
        SecurityEvent login = loggedIn(session);
        sessions.start(session, token(alice, session.id(), NOW), login);
        SecurityEvent logout = ending(RevokeReason.LOGOUT).withSession(session.id());
        sessions.end(session.id(), LATER, RevokeReason.LOGOUT, logout);
        SecurityEvent everywhere = event(SecurityEventType.LOGOUT_ALL, alice, LATER.plusSeconds(1));
        sessions.endAllOfUser(alice, LATER.plusSeconds(1), RevokeReason.LOGOUT_EVERYWHERE, everywhere);

        assertThat(stored()).containsExactly(everywhere, logout, login);
        assertThat(heard).containsExactly(login, logout, everywhere);
    }

    @Test
    void anEndingThatChangesNothing_recordsNothing() {
        RefreshTokenRecord token = start(alice, NOW);
        sessions.end(token.familyId(), LATER, RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));
        heard.clear();

        assertThat(sessions.end(token.familyId(), LATER, RevokeReason.SESSION_ENDED, ending(RevokeReason.SESSION_ENDED))).isFalse();
        assertThat(sessions.end(newSession(), LATER, RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT))).isFalse();

        assertThat(stored()).extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.LOGOUT, SecurityEventType.LOGIN_SUCCEEDED);
        assertThat(heard).isEmpty();
    }

    @Test
    void aSessionOfADisabledAccount_startsNot_andRecordsNoLogin() {
        TestData.users(testDatabase().database()).disable(alice, NOW, event(SecurityEventType.ACCOUNT_DISABLED, alice));
        heard.clear();
        Session session = Session.start(newSession(), alice, NOW, Optional.empty());

        assertThat(sessions.start(session, token(alice, session.id(), NOW), loggedIn(session))).isFalse();

        assertThat(stored()).extracting(SecurityEvent::type).containsExactly(SecurityEventType.ACCOUNT_DISABLED);
        assertThat(heard).isEmpty();
    }

    /**
     * The event goes with the change or the change does not happen: an event the log refuses
     * (here one whose id is taken) rolls back the session it came with, the ending, the logout
     * everywhere, and their revocations, and nobody hears of any of it.
     */
    @Test
    void whenTheEventCannotBeStored_theChangeDoesNotHappen_andNobodyHearsOfIt() {
        RefreshTokenRecord live = start(alice, NOW);
        SecurityEvent taken = stored().get(0);
        delivered.clear();
        heard.clear();
        Session session = Session.start(newSession(), alice, NOW, Optional.empty());
        RefreshTokenRecord first = token(alice, session.id(), NOW);

        assertThatThrownBy(() -> sessions.start(session, first, sameId(taken, SecurityEventType.LOGIN_SUCCEEDED)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> sessions.end(live.familyId(), LATER, RevokeReason.LOGOUT, sameId(taken, SecurityEventType.LOGOUT)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> sessions.endAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE,
                sameId(taken, SecurityEventType.LOGOUT_ALL))).isInstanceOf(StoreUnavailableException.class);

        assertThat(sessions.find(session.id())).as("the session did not start").isEmpty();
        assertThat(sessions.findToken(first.tokenHash())).isEmpty();
        assertThat(sessions.findToken(live.tokenHash())).as("the live session did not end").contains(live);
        assertThat(sessions.liveSessionsOf(alice, NOW)).extracting(Session::id).containsExactly(live.familyId());
        assertThat(feed.current(NOW)).as("no revocation recorded").isEmpty();
        assertThat(stored()).containsExactly(taken);
        assertThat(delivered).isEmpty();
        assertThat(heard).isEmpty();
    }

    /** Each round, Alice logs out everywhere while her account is deleted: no event of hers outlives the deletion. */
    @Test
    void aLogoutEverywhereRacingTheDeletionOfTheAccount_leavesOnlyTheDeletionsEvent() throws Exception {
        JdbiUserRepository users = new JdbiUserRepository(jdbi(), feed, events);
        for (int round = 0; round < 50; round++) {
            UserId user = addUser("race-" + round + "@example.com");
            start(user, NOW);
            SecurityEvent deleted = event(SecurityEventType.ACCOUNT_DELETED, user);
            Race.run(2, i -> i == 0
                    ? sessions.endAllOfUser(user, NOW, RevokeReason.LOGOUT_EVERYWHERE, event(SecurityEventType.LOGOUT_ALL, user))
                    : users.delete(user, NOW, deleted));

            assertThat(events.listOfUser(user, Optional.empty(), 10)).as("round " + round)
                    .containsExactly(new SecurityEvent(deleted.id(), deleted.occurredAt(), deleted.type(), deleted.userId(),
                            Optional.empty(), Optional.empty(), TestData.ORIGIN.withoutClient()));
        }
    }

    /** An event with the id of {@code taken}, which the log's primary key refuses. */
    private SecurityEvent sameId(SecurityEvent taken, SecurityEventType type) {
        return SecurityEvent.of(taken.id(), LATER, type, alice, TestData.ORIGIN);
    }

    @Test
    void liveSessions_areTheUnendedOnesWithAnActiveToken_mostRecentlyUsedFirst() {
        SessionId older = start(alice, NOW).familyId();
        RefreshTokenRecord newer = start(alice, NOW);
        Instant used = NOW.plus(Session.LAST_USE_PRECISION).plusSeconds(1);
        sessions.rotate(newer.tokenHash(), token(alice, newer.familyId(), NOW, used), used);
        SessionId ended = start(alice, NOW).familyId();
        sessions.end(ended, NOW, RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));
        start(alice, NOW.minus(Duration.ofDays(8)));
        start(addUser("bob@example.com"), NOW);

        assertThat(sessions.liveSessionsOf(alice, used.plusSeconds(1)))
                .extracting(Session::id).containsExactly(newer.familyId(), older);
    }

    @Test
    void purgeExpired_deletesExpiredTokens_andSessionsEndedOrEmpty_only() {
        RefreshTokenRecord expired = start(alice, NOW.minus(TestData.REFRESH_TTL).minusSeconds(5));
        RefreshTokenRecord live = start(alice, NOW);
        RefreshTokenRecord endedLongAgo = start(alice, NOW.minus(Duration.ofDays(1)));
        sessions.end(endedLongAgo.familyId(), NOW.minus(Duration.ofDays(1)), RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));
        RefreshTokenRecord endedJustNow = start(alice, NOW);
        sessions.end(endedJustNow.familyId(), NOW, RevokeReason.LOGOUT, ending(RevokeReason.LOGOUT));

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
        raceRotationAgainst((store, session) -> store.end(session.familyId(), LATER, RevokeReason.SESSION_ENDED,
                ending(RevokeReason.SESSION_ENDED)), sessions);
    }

    @Test
    void rotationRacingTheEndOfEverySessionOfItsUser_neverLeavesALiveToken() throws Exception {
        raceRotationAgainst((store, session) -> store.endAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE,
                event(SecurityEventType.LOGOUT_ALL, alice, LATER)), sessions);
    }

    @Test
    void rotationRacingAnEndingFromAnotherInstance_neverLeavesALiveToken() throws Exception {
        try (JdbiDatabase otherInstance = JdbiDatabase.start(testDatabase().settings())) {
            JdbiSessionStore other = TestData.sessions(otherInstance);
            raceRotationAgainst((store, session) -> store.end(session.familyId(), LATER, RevokeReason.LOGOUT,
                    ending(RevokeReason.LOGOUT)), other);
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

    /** Alice logs out everywhere at {@link #LATER}. */
    private List<SessionId> endAllOfAlice() {
        return sessions.endAllOfUser(alice, LATER, RevokeReason.LOGOUT_EVERYWHERE, event(SecurityEventType.LOGOUT_ALL, alice, LATER));
    }

    /** The login event of {@code session}, at its start. */
    private static SecurityEvent loggedIn(Session session) {
        return event(SecurityEventType.LOGIN_SUCCEEDED, session.userId(), session.createdAt()).withSession(session.id());
    }

    /** An event of Alice's for an ending with {@code reason}, at {@link #LATER}. */
    private SecurityEvent ending(RevokeReason reason) {
        SecurityEventType type = switch (reason) {
            case REUSE_DETECTED -> SecurityEventType.REFRESH_REUSE_DETECTED;
            case SESSION_ENDED -> SecurityEventType.SESSION_ENDED;
            default -> SecurityEventType.LOGOUT;
        };
        return event(type, alice, LATER);
    }

    /** @return every stored event, newest first */
    private List<SecurityEvent> stored() {
        return events.listAll(SecurityEventFilter.all(), Optional.empty(), 1000);
    }

    private RefreshTokenRecord start(UserId user, Instant at) {
        Session session = Session.start(newSession(), user, at, Optional.empty());
        RefreshTokenRecord first = token(user, session.id(), at);
        sessions.start(session, first, loggedIn(session));
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
