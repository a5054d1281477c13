package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Role;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TooManyRolesException;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of what {@link JdbiUserRepository} does for administrators: roles and their version,
 * disabling and deleting accounts, and how each orders with a login that races it; run on every
 * supported database.
 */
abstract class AccountAdministrationContract extends DatabaseTest {

    private static final Role BILLING = new Role("billing:read");

    private JdbiUserRepository users;
    private JdbiSessionStore sessions;
    private JdbiRevocationFeed feed;
    private final List<Revocation> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createStores() {
        delivered.clear(); // one instance serves every test of the class
        feed = testDatabase().newFeed();
        feed.subscribe(delivered::add);
        users = new JdbiUserRepository(jdbi(), feed);
        sessions = new JdbiSessionStore(jdbi(), feed);
    }

    @Test
    void grantedRoles_comeBackSorted_andGrantingTwice_changesNothing() {
        User alice = added("alice@example.com");

        assertThat(users.grantRole(alice.id(), BILLING)).isTrue();
        assertThat(users.grantRole(alice.id(), Role.ADMIN)).isTrue();
        assertThat(users.grantRole(alice.id(), Role.ADMIN)).isFalse();

        User found = users.findById(alice.id()).orElseThrow();
        assertThat(found.roles()).containsExactly(Role.ADMIN, BILLING);
        assertThat(found.rolesVersion()).as("granting takes nothing away").isZero();
        assertThat(users.findByEmail(alice.email()).orElseThrow()).isEqualTo(found);
        assertThat(delivered).isEmpty();
    }

    @Test
    void revokingARole_raisesTheVersion_andRecordsAndDeliversTheRevocation_whichOutlivesARestart() {
        User alice = added("alice@example.com");
        users.grantRole(alice.id(), Role.ADMIN);
        users.grantRole(alice.id(), BILLING);

        assertThat(users.revokeRole(alice.id(), Role.ADMIN, NOW)).isTrue();

        User found = users.findById(alice.id()).orElseThrow();
        assertThat(found.roles()).containsExactly(BILLING);
        assertThat(found.rolesVersion()).isEqualTo(1);
        RolesRevoked expected = new RolesRevoked(alice.id(), 1, NOW.plus(TestData.ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN));
        assertThat(delivered).containsExactly(expected);
        assertThat(testDatabase().newFeed().current(NOW)).as("from the log, as after a restart").contains(expected);
    }

    @Test
    void revokingARoleNotHeld_changesNothing() {
        User alice = added("alice@example.com");

        assertThat(users.revokeRole(alice.id(), Role.ADMIN, NOW)).isFalse();

        assertThat(users.findById(alice.id()).orElseThrow().rolesVersion()).isZero();
        assertThat(delivered).isEmpty();
    }

    @Test
    void rolesOfAnUnknownUser_areRefused() {
        UserId nobody = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> users.grantRole(nobody, Role.ADMIN)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> users.revokeRole(nobody, Role.ADMIN, NOW)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> users.disable(nobody, NOW)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> users.enable(nobody)).isInstanceOf(UserNotFoundException.class);
        assertThat(users.delete(nobody, NOW)).isFalse();
    }

    @Test
    void theSixtyFifthRole_isRefused() {
        User alice = added("alice@example.com");
        for (int i = 0; i < Role.MAX_PER_USER; i++) {
            users.grantRole(alice.id(), new Role("r" + i));
        }

        assertThatThrownBy(() -> users.grantRole(alice.id(), new Role("one-more"))).isInstanceOf(TooManyRolesException.class);
        assertThat(users.grantRole(alice.id(), new Role("r7"))).as("one already held is no more").isFalse();
        assertThat(users.findById(alice.id()).orElseThrow().roles()).hasSize(Role.MAX_PER_USER);
    }

    @Test
    void disabling_endsEverySession_refusesNewOnes_andEnablingAllowsThemAgain() {
        User alice = added("alice@example.com");
        SessionId before = startSession(alice).orElseThrow();

        assertThat(users.disable(alice.id(), NOW)).isTrue();
        assertThat(users.disable(alice.id(), NOW)).as("once").isFalse();

        assertThat(users.findById(alice.id()).orElseThrow().disabledAt()).contains(NOW);
        assertThat(sessions.find(before).orElseThrow().id()).isEqualTo(before);
        assertThat(sessions.liveSessionsOf(alice.id(), NOW)).isEmpty();
        assertThat(delivered).contains(feed.log().sessionEnded(before, NOW));
        assertThat(startSession(alice)).as("a login after the disabling").isEmpty();

        assertThat(users.enable(alice.id())).isTrue();
        assertThat(users.enable(alice.id())).isFalse();
        assertThat(users.findById(alice.id()).orElseThrow().isDisabled()).isFalse();
        assertThat(startSession(alice)).isPresent();
    }

    @Test
    void deleting_removesTheUserAndTheirData_keepsATombstone_andFreesTheEmail() {
        User alice = added("alice@example.com");
        users.grantRole(alice.id(), Role.ADMIN);
        SessionId session = startSession(alice).orElseThrow();

        assertThat(users.delete(alice.id(), NOW)).isTrue();

        assertThat(users.findById(alice.id())).isEmpty();
        assertThat(sessions.find(session)).isEmpty();
        UserDeleted tombstone = new UserDeleted(alice.id(), NOW.plus(TestData.ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN));
        assertThat(delivered).containsExactly(tombstone);
        assertThat(testDatabase().newFeed().current(NOW)).as("from the log, as after a restart").contains(tombstone);
        assertThat(startSession(alice)).as("no session for a deleted user").isEmpty();
        users.add(user("alice@example.com"));
        assertThat(users.delete(alice.id(), NOW)).isFalse();
    }

    @Test
    void list_filtersByEmailPrefix_andPagesInEmailOrder() {
        for (String email : List.of("carol@example.com", "ann@example.com", "bob@example.com", "anna@example.org")) {
            added(email);
        }

        assertThat(emails(users.list("", Optional.empty(), 10)))
                .containsExactly("ann@example.com", "anna@example.org", "bob@example.com", "carol@example.com");
        assertThat(emails(users.list("ann", Optional.empty(), 10))).containsExactly("ann@example.com", "anna@example.org");
        assertThat(emails(users.list("", Optional.empty(), 2))).containsExactly("ann@example.com", "anna@example.org");
        assertThat(emails(users.list("", Optional.of(new Email("anna@example.org")), 2)))
                .containsExactly("bob@example.com", "carol@example.com");
        assertThat(users.list("zed", Optional.empty(), 10)).isEmpty();
    }

    @Test
    void listedUsers_carryTheirRoles() {
        User alice = added("alice@example.com");
        added("bob@example.com");
        users.grantRole(alice.id(), Role.ADMIN);
        users.grantRole(alice.id(), BILLING);

        List<User> listed = users.list("", Optional.empty(), 10);

        assertThat(listed.get(0).roles()).containsExactly(Role.ADMIN, BILLING);
        assertThat(listed.get(1).roles()).isEmpty();
    }

    /** Each round, a login and a disabling at once: whichever the database orders first, no session outlives the disabling. */
    @Test
    void aLoginRacingADisabling_neverLeavesALiveSession() throws Exception {
        for (int round = 0; round < 100; round++) {
            User user = added("race-" + round + "@example.com");
            List<Object> results = Race.run(2, i -> i == 0 ? (Object) startSession(user) : (Object) users.disable(user.id(), NOW));

            assertThat(results.get(1)).isEqualTo(true);
            assertThat(sessions.liveSessionsOf(user.id(), NOW)).as("round " + round).isEmpty();
        }
    }

    /** The same with a deletion: the session either went with the user or never started. */
    @Test
    void aLoginRacingADeletion_neverLeavesASession() throws Exception {
        for (int round = 0; round < 100; round++) {
            User user = added("race-" + round + "@example.com");
            List<Object> results = Race.run(2, i -> i == 0 ? (Object) startSession(user) : (Object) users.delete(user.id(), NOW));

            assertThat(results.get(1)).isEqualTo(true);
            @SuppressWarnings("unchecked")
            Optional<SessionId> started = (Optional<SessionId>) results.get(0);
            started.ifPresent(session -> assertThat(sessions.find(session)).isEmpty());
        }
    }

    /**
     * Each round, a refresh token's rotation and its user's deletion at once: the database orders
     * them on the session row (the deletion takes the sessions before their tokens, as rotation
     * does), so neither deadlocks and nothing of the user is left, not even the successor.
     */
    @Test
    void aRotationRacingADeletion_neverDeadlocks_andLeavesNoRowOfTheUser() throws Exception {
        for (int round = 0; round < 100; round++) {
            User user = added("race-" + round + "@example.com");
            SessionId id = TestData.newSession();
            RefreshTokenRecord first = TestData.token(user.id(), id, NOW);
            sessions.start(Session.start(id, user.id(), NOW, Optional.empty()), first);
            RefreshTokenRecord successor = TestData.token(user.id(), id, NOW, NOW.plusSeconds(1));

            List<Object> results = Race.run(2, i -> i == 0
                    ? (Object) sessions.rotate(first.tokenHash(), successor, NOW.plusSeconds(1))
                    : (Object) users.delete(user.id(), NOW));

            assertThat(results.get(1)).as("round " + round).isEqualTo(true);
            long left = jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT (SELECT COUNT(*) FROM refresh_tokens WHERE user_id = :id) + (SELECT COUNT(*) FROM sessions WHERE user_id = :id)")
                    .bind("id", user.id().value()).mapTo(Long.class).one());
            assertThat(left).as("round " + round).isZero();
        }
    }

    @Test
    void changingThePassword_keepsTheCallersSession_andEndsEveryOther_withTheirAccessTokens() {
        User alice = added("alice@example.com");
        SessionId kept = startSession(alice).orElseThrow();
        SessionId other = startSession(alice).orElseThrow();
        PasswordHash changed = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$b3RoZXI$b3RoZXJoYXNob3RoZXJoYXNo");

        assertThat(users.changePassword(alice.id(), changed, kept, NOW)).containsExactly(other);

        assertThat(users.findById(alice.id()).orElseThrow().passwordHash()).isEqualTo(changed);
        assertThat(sessions.liveSessionsOf(alice.id(), NOW)).extracting(Session::id).containsExactly(kept);
        assertThat(delivered).as("the other session's tokens, not a cut-off that would refuse the caller's")
                .containsExactly(new Revocation.SessionRevoked(other, NOW.plus(TestData.ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)));
        assertThatThrownBy(() -> users.changePassword(new UserId(UUID.randomUUID()), changed, kept, NOW))
                .isInstanceOf(UserNotFoundException.class);
    }

    private User added(String email) {
        User user = user(email);
        users.add(user);
        return user;
    }

    private Optional<SessionId> startSession(User user) {
        SessionId id = TestData.newSession();
        boolean started = sessions.start(Session.start(id, user.id(), NOW, Optional.empty()), TestData.token(user.id(), id, NOW));
        return started ? Optional.of(id) : Optional.empty();
    }

    private static List<String> emails(List<User> listed) {
        List<String> emails = new ArrayList<>();
        listed.forEach(user -> emails.add(user.email().value()));
        return emails;
    }
}
