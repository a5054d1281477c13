package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.OneTimeTokenStore.UserAccountChange;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.OneTimeToken;
import dev.inkan.domain.OneTimeToken.Purpose;
import dev.inkan.domain.OneTimeTokenHash;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link JdbiOneTimeTokenStore}: a token works once, only for its purpose, only until
 * it expires, only while it is the user's newest of its purpose, and spending it makes its change
 * in the same transaction; run on every supported database.
 */
abstract class OneTimeTokenStoreContract extends DatabaseTest {

    private static final PasswordHash NEW_HASH =
            new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaG5ld2hhc2huZXdoYXNo");

    private JdbiUserRepository users;
    private JdbiSessionStore sessions;
    private JdbiOneTimeTokenStore tokens;
    private JdbiSecurityEventLog events;
    private final List<Revocation> delivered = new CopyOnWriteArrayList<>();
    /** The events of the links' uses, as a service makes them. */
    private static final OneTimeTokenStore.Events EVENTS = TestData::event;

    @BeforeEach
    void createStores() {
        delivered.clear();
        JdbiRevocationFeed feed = testDatabase().newFeed();
        feed.subscribe(delivered::add);
        events = testDatabase().newEventLog();
        users = new JdbiUserRepository(jdbi(), feed, events);
        sessions = new JdbiSessionStore(jdbi(), feed, events);
        tokens = new JdbiOneTimeTokenStore(jdbi(), feed, events);
    }

    @Test
    void aResetToken_setsThePassword_verifiesTheAddress_andEndsEverySession_once() {
        User alice = added("alice@example.com");
        SessionId session = startSession(alice);
        OneTimeTokenHash hash = issued(alice, Purpose.PASSWORD_RESET);

        Optional<UserAccountChange> reset = tokens.resetPassword(hash, NEW_HASH, NOW.plusSeconds(1), EVENTS);

        assertThat(reset).contains(new UserAccountChange(alice.id(), alice.email(), Optional.empty()));
        User after = users.findById(alice.id()).orElseThrow();
        assertThat(after.passwordHash()).isEqualTo(NEW_HASH);
        assertThat(after.emailVerified()).isTrue();
        assertThat(sessions.liveSessionsOf(alice.id(), NOW.plusSeconds(2))).isEmpty();
        assertThat(delivered).anyMatch(revocation -> revocation instanceof UserTokensRevoked);
        assertThat(delivered).anyMatch(revocation -> revocation instanceof Revocation.SessionRevoked ended
                && ended.sessionId().equals(session));
        assertThat(tokens.resetPassword(hash, TestData.PASSWORD_HASH, NOW.plusSeconds(2), EVENTS)).as("a second use").isEmpty();
        assertThat(users.findById(alice.id()).orElseThrow().passwordHash()).isEqualTo(NEW_HASH);
    }

    @Test
    void anExpiredToken_neverWorks_andThePurgeDeletesIt() {
        User alice = added("alice@example.com");
        OneTimeTokenHash hash = issued(alice, Purpose.PASSWORD_RESET);

        assertThat(tokens.resetPassword(hash, NEW_HASH, NOW.plus(Purpose.PASSWORD_RESET.lifetime()), EVENTS)).isEmpty();
        assertThat(users.findById(alice.id()).orElseThrow().passwordHash()).isEqualTo(TestData.PASSWORD_HASH);
        assertThat(tokens.purgeExpired(NOW.plus(Duration.ofMinutes(29)))).isZero();
        assertThat(tokens.purgeExpired(NOW.plus(Duration.ofMinutes(31)))).isEqualTo(1);
    }

    @Test
    void aNewerToken_voidsTheOlderOneOfThePurpose_butNotOfAnother() {
        User alice = added("alice@example.com");
        OneTimeTokenHash older = issued(alice, Purpose.PASSWORD_RESET);
        OneTimeTokenHash verification = issued(alice, Purpose.VERIFY_EMAIL);
        OneTimeTokenHash newer = issued(alice, Purpose.PASSWORD_RESET);

        assertThat(tokens.resetPassword(older, NEW_HASH, NOW, EVENTS)).isEmpty();
        assertThat(tokens.confirmEmail(verification, NOW, EVENTS)).isPresent();
        assertThat(tokens.resetPassword(newer, NEW_HASH, NOW, EVENTS)).isPresent();
    }

    @Test
    void aToken_worksOnlyForItsPurpose_andAWrongUseSpendsNothing() {
        User alice = added("alice@example.com");
        OneTimeTokenHash reset = issued(alice, Purpose.PASSWORD_RESET);
        OneTimeTokenHash verification = issued(alice, Purpose.VERIFY_EMAIL);

        assertThat(tokens.confirmEmail(reset, NOW, EVENTS)).isEmpty();
        assertThat(tokens.resetPassword(verification, NEW_HASH, NOW, EVENTS)).isEmpty();
        assertThat(tokens.resetPassword(reset, NEW_HASH, NOW, EVENTS)).isPresent();
        assertThat(users.findById(alice.id()).orElseThrow().emailVerifiedAt()).as("verified by the reset").contains(NOW);
        assertThat(tokens.confirmEmail(verification, NOW, EVENTS)).as("every other link dies with a reset").isEmpty();
        assertThat(tokens.confirmEmail(TestDataHashes.random(), NOW, EVENTS)).as("an unknown token").isEmpty();
    }

    @Test
    void aChangeOfAddress_movesTheAccount_verifiesIt_andVoidsTheLinksMailedToTheOldOne() {
        User alice = added("alice@example.com");
        OneTimeTokenHash reset = issued(alice, Purpose.PASSWORD_RESET);
        Email moved = new Email("alice@new.example");
        OneTimeTokenHash change = issue(alice, Purpose.CHANGE_EMAIL, Optional.of(moved));

        assertThat(tokens.confirmEmail(change, NOW, EVENTS)).contains(new UserAccountChange(alice.id(), moved, Optional.of(alice.email())));

        User after = users.findById(alice.id()).orElseThrow();
        assertThat(after.email()).isEqualTo(moved);
        assertThat(after.emailVerified()).isTrue();
        assertThat(users.findByEmail(alice.email())).isEmpty();
        assertThat(tokens.resetPassword(reset, NEW_HASH, NOW, EVENTS)).as("a link mailed to the old address").isEmpty();
    }

    @Test
    void aChangeToAnAddressTakenMeanwhile_isRefused_andSpendsTheToken() {
        User alice = added("alice@example.com");
        Email wanted = new Email("bob@example.com");
        OneTimeTokenHash change = issue(alice, Purpose.CHANGE_EMAIL, Optional.of(wanted));
        added(wanted.value());

        assertThatThrownBy(() -> tokens.confirmEmail(change, NOW, EVENTS)).isInstanceOf(EmailAlreadyRegisteredException.class);
        assertThat(users.findById(alice.id()).orElseThrow().email()).isEqualTo(alice.email());
        assertThat(tokens.confirmEmail(change, NOW, EVENTS)).as("spent").isEmpty();
    }

    @Test
    void issuingForAUserWhoIsGone_storesNothing_andDeletingAUserTakesTheirTokens() {
        User alice = added("alice@example.com");
        OneTimeTokenHash hash = issued(alice, Purpose.PASSWORD_RESET);

        assertThat(users.delete(alice.id(), NOW, TestData.event(SecurityEventType.ACCOUNT_DELETED, alice.id()))).isTrue();

        assertThat(tokens.issue(OneTimeToken.issue(TestDataHashes.random(), alice.id(), Purpose.PASSWORD_RESET, Optional.empty(),
                NOW))).isFalse();
        assertThat(tokens.resetPassword(hash, NEW_HASH, NOW, EVENTS)).isEmpty();
    }

    /** Whoever had the old password may have asked for a change of address: a new password voids every link. */
    @Test
    void aPasswordChange_aReset_andDisabling_voidEveryPendingLink() {
        User alice = added("alice@example.com");
        SessionId session = startSession(alice);
        OneTimeTokenHash moveAway = issue(alice, Purpose.CHANGE_EMAIL, Optional.of(new Email("thief@evil.example")));
        users.changePassword(alice.id(), NEW_HASH, session, NOW, TestData.event(SecurityEventType.PASSWORD_CHANGED, alice.id()));
        assertThat(tokens.confirmEmail(moveAway, NOW, EVENTS)).as("after a change of password").isEmpty();

        OneTimeTokenHash again = issue(alice, Purpose.CHANGE_EMAIL, Optional.of(new Email("thief@evil.example")));
        OneTimeTokenHash reset = issued(alice, Purpose.PASSWORD_RESET);
        assertThat(tokens.resetPassword(reset, NEW_HASH, NOW, EVENTS)).isPresent();
        assertThat(tokens.confirmEmail(again, NOW, EVENTS)).as("after a reset").isEmpty();

        OneTimeTokenHash pending = issued(alice, Purpose.PASSWORD_RESET);
        users.disable(alice.id(), NOW, TestData.event(SecurityEventType.ACCOUNT_DISABLED, alice.id()));
        assertThat(tokens.resetPassword(pending, NEW_HASH, NOW, EVENTS)).as("after disabling").isEmpty();
        users.enable(alice.id(), TestData.event(SecurityEventType.ACCOUNT_ENABLED, alice.id()));
        assertThat(tokens.resetPassword(pending, NEW_HASH, NOW, EVENTS)).as("voided, not just paused").isEmpty();
        assertThat(users.findById(alice.id()).orElseThrow().email()).isEqualTo(alice.email());
    }

    @Test
    void aDisabledAccount_cannotUseALink() {
        User alice = added("alice@example.com");
        OneTimeTokenHash verification = issued(alice, Purpose.VERIFY_EMAIL);
        jdbi().useHandle(handle -> handle.execute("UPDATE users SET disabled_at = CURRENT_TIMESTAMP WHERE id = ?", alice.id().value()));

        assertThat(tokens.confirmEmail(verification, NOW, EVENTS)).isEmpty();
    }

    @Test
    void eachUseOfALink_recordsItsEvent_andABadTokenRecordsNone() {
        User alice = added("alice@example.com");
        Email moved = new Email("alice@new.example");

        tokens.resetPassword(issued(alice, Purpose.PASSWORD_RESET), NEW_HASH, NOW, EVENTS);
        tokens.confirmEmail(issued(alice, Purpose.VERIFY_EMAIL), NOW, EVENTS);
        tokens.confirmEmail(issue(alice, Purpose.CHANGE_EMAIL, Optional.of(moved)), NOW, EVENTS);
        tokens.confirmEmail(TestDataHashes.random(), NOW, EVENTS);
        tokens.issue(OneTimeToken.issue(TestDataHashes.random(), alice.id(), Purpose.PASSWORD_RESET, Optional.empty(), NOW),
                Optional.of(TestData.event(SecurityEventType.PASSWORD_RESET_REQUESTED, alice.id())));

        assertThat(events.listAll(SecurityEventFilter.all(), Optional.empty(), 100)).extracting(SecurityEvent::type)
                .containsExactlyInAnyOrder(SecurityEventType.PASSWORD_RESET_COMPLETED, SecurityEventType.EMAIL_VERIFIED,
                        SecurityEventType.EMAIL_CHANGED, SecurityEventType.PASSWORD_RESET_REQUESTED);
    }

    /** Many confirmations of one token at the same instant: exactly one sets the password. */
    @Test
    void concurrentUsesOfOneToken_exactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            User user = added("race-" + round + "@example.com");
            OneTimeTokenHash hash = issued(user, Purpose.PASSWORD_RESET);

            List<Boolean> won = Race.run(8, i -> tokens.resetPassword(hash, NEW_HASH, NOW, EVENTS).isPresent());

            assertThat(won.stream().filter(Boolean::booleanValue)).as("round " + round).hasSize(1);
        }
    }

    @Test
    void concurrentVerifications_exactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            User user = added("race-" + round + "@example.com");
            OneTimeTokenHash hash = issued(user, Purpose.VERIFY_EMAIL);

            List<Boolean> won = Race.run(8, i -> tokens.confirmEmail(hash, NOW, EVENTS).isPresent());

            assertThat(won.stream().filter(Boolean::booleanValue)).as("round " + round).hasSize(1);
        }
    }

    private User added(String email) {
        User user = user(email);
        users.add(user);
        return user;
    }

    private SessionId startSession(User user) {
        SessionId session = TestData.newSession();
        sessions.start(dev.inkan.domain.Session.start(session, user.id(), NOW, Optional.empty()),
                TestData.token(user.id(), session, NOW), TestData.event(SecurityEventType.LOGIN_SUCCEEDED, user.id()).withSession(session));
        return session;
    }

    private OneTimeTokenHash issued(User user, Purpose purpose) {
        return issue(user, purpose, Optional.empty());
    }

    private OneTimeTokenHash issue(User user, Purpose purpose, Optional<Email> newEmail) {
        OneTimeTokenHash hash = TestDataHashes.random();
        assertThat(tokens.issue(OneTimeToken.issue(hash, user.id(), purpose, newEmail, NOW))).isTrue();
        return hash;
    }

    /** Random one-time token hashes. */
    static final class TestDataHashes {
        static OneTimeTokenHash random() {
            return new OneTimeTokenHash(TestData.randomHash().hex());
        }
    }
}
