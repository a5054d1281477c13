package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.SecurityEventType;
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
    private static final UserId ADMIN = new UserId(UUID.randomUUID());
    private static final RequestOrigin ADMIN_ORIGIN = RequestOrigin.of(Actor.admin(ADMIN), "192.0.2.10", "admin-console/1", "req-a");

    private JdbiUserRepository users;
    private JdbiSessionStore sessions;
    private JdbiRevocationFeed feed;
    private JdbiSecurityEventLog events;
    private final List<Revocation> delivered = new CopyOnWriteArrayList<>();
    private final List<SecurityEvent> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createStores() {
        delivered.clear(); // one instance serves every test of the class
        heard.clear();
        feed = testDatabase().newFeed();
        feed.subscribe(delivered::add);
        events = testDatabase().newEventLog();
        events.subscribe(heard::add);
        users = new JdbiUserRepository(jdbi(), feed, events);
        sessions = new JdbiSessionStore(jdbi(), feed, events);
    }

    @Test
    void grantedRoles_comeBackSorted_andGrantingTwice_changesNothing() {
        User alice = added("alice@example.com");

        assertThat(grant(alice.id(), BILLING)).isTrue();
        assertThat(grant(alice.id(), Role.ADMIN)).isTrue();
        assertThat(grant(alice.id(), Role.ADMIN)).isFalse();

        User found = users.findById(alice.id()).orElseThrow();
        assertThat(found.roles()).containsExactly(Role.ADMIN, BILLING);
        assertThat(found.rolesVersion()).as("granting takes nothing away").isZero();
        assertThat(users.findByEmail(alice.email()).orElseThrow()).isEqualTo(found);
        assertThat(delivered).isEmpty();
    }

    @Test
    void revokingARole_raisesTheVersion_andRecordsAndDeliversTheRevocation_whichOutlivesARestart() {
        User alice = added("alice@example.com");
        grant(alice.id(), Role.ADMIN);
        grant(alice.id(), BILLING);

        assertThat(revoke(alice.id(), Role.ADMIN)).isTrue();

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

        assertThat(revoke(alice.id(), Role.ADMIN)).isFalse();

        assertThat(users.findById(alice.id()).orElseThrow().rolesVersion()).isZero();
        assertThat(delivered).isEmpty();
    }

    @Test
    void rolesOfAnUnknownUser_areRefused() {
        UserId nobody = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> grant(nobody, Role.ADMIN)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> revoke(nobody, Role.ADMIN)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> disable(nobody)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> enable(nobody)).isInstanceOf(UserNotFoundException.class);
        assertThat(delete(nobody)).isFalse();
    }

    @Test
    void theSixtyFifthRole_isRefused() {
        User alice = added("alice@example.com");
        for (int i = 0; i < Role.MAX_PER_USER; i++) {
            grant(alice.id(), new Role("r" + i));
        }

        assertThatThrownBy(() -> grant(alice.id(), new Role("one-more"))).isInstanceOf(TooManyRolesException.class);
        assertThat(grant(alice.id(), new Role("r7"))).as("one already held is no more").isFalse();
        assertThat(users.findById(alice.id()).orElseThrow().roles()).hasSize(Role.MAX_PER_USER);
    }

    @Test
    void disabling_endsEverySession_refusesNewOnes_andEnablingAllowsThemAgain() {
        User alice = added("alice@example.com");
        SessionId before = startSession(alice).orElseThrow();

        assertThat(disable(alice.id())).isTrue();
        assertThat(disable(alice.id())).as("once").isFalse();

        assertThat(users.findById(alice.id()).orElseThrow().disabledAt()).contains(NOW);
        assertThat(sessions.find(before).orElseThrow().id()).isEqualTo(before);
        assertThat(sessions.liveSessionsOf(alice.id(), NOW)).isEmpty();
        assertThat(delivered).contains(feed.log().sessionEnded(before, NOW));
        assertThat(startSession(alice)).as("a login after the disabling").isEmpty();

        assertThat(enable(alice.id())).isTrue();
        assertThat(enable(alice.id())).isFalse();
        assertThat(users.findById(alice.id()).orElseThrow().isDisabled()).isFalse();
        assertThat(startSession(alice)).isPresent();
    }

    @Test
    void deleting_removesTheUserAndTheirData_keepsATombstone_andFreesTheEmail() {
        User alice = added("alice@example.com");
        grant(alice.id(), Role.ADMIN);
        SessionId session = startSession(alice).orElseThrow();

        assertThat(delete(alice.id())).isTrue();

        assertThat(users.findById(alice.id())).isEmpty();
        assertThat(sessions.find(session)).isEmpty();
        UserDeleted tombstone = new UserDeleted(alice.id(), NOW.plus(TestData.ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN));
        assertThat(delivered).containsExactly(tombstone);
        assertThat(testDatabase().newFeed().current(NOW)).as("from the log, as after a restart").contains(tombstone);
        assertThat(startSession(alice)).as("no session for a deleted user").isEmpty();
        users.add(user("alice@example.com"));
        assertThat(delete(alice.id())).isFalse();
    }

    @Test
    void eachChange_recordsItsEventWithTheAdministrator_andAChangeOfNothing_recordsNothing() {
        User alice = added("alice@example.com");

        grant(alice.id(), Role.ADMIN);
        grant(alice.id(), Role.ADMIN);
        revoke(alice.id(), Role.ADMIN);
        revoke(alice.id(), Role.ADMIN);
        disable(alice.id());
        disable(alice.id());
        enable(alice.id());
        enable(alice.id());

        List<SecurityEvent> stored = stored();
        assertThat(stored).extracting(SecurityEvent::type).containsExactlyInAnyOrder(SecurityEventType.ROLE_GRANTED,
                SecurityEventType.ROLE_REVOKED, SecurityEventType.ACCOUNT_DISABLED, SecurityEventType.ACCOUNT_ENABLED);
        assertThat(stored).allSatisfy(event -> {
            assertThat(event.userId()).contains(alice.id());
            assertThat(event.origin()).isEqualTo(ADMIN_ORIGIN);
        });
        assertThat(stored).filteredOn(event -> event.type().namesARole()).allSatisfy(event ->
                assertThat(event.role()).contains(Role.ADMIN));
        assertThat(heard).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void deleting_forgetsTheUsersEvents_keepsOnlyItsOwn_andStripsTheAddressesOfWhatTheUserDidAsAnAdministrator() {
        User alice = added("alice@example.com");
        User bob = added("bob@example.com");
        startSession(alice);
        events.record(SecurityEvent.loginFailed(UUID.randomUUID(), NOW, Optional.of(alice.id()), TestData.ORIGIN));
        RequestOrigin aliceAsAdmin = RequestOrigin.of(Actor.admin(alice.id()), "192.0.2.77", "alice-laptop", "req-b");
        SecurityEvent aliceDisabledBob = SecurityEvent.of(UUID.randomUUID(), NOW, SecurityEventType.ACCOUNT_DISABLED, bob.id(),
                aliceAsAdmin);
        users.disable(bob.id(), NOW, aliceDisabledBob);
        SecurityEvent deleted = adminEvent(SecurityEventType.ACCOUNT_DELETED, alice.id());

        assertThat(users.delete(alice.id(), NOW, deleted)).isTrue();

        assertThat(events.listOfUser(alice.id(), Optional.empty(), 10)).singleElement().satisfies(kept -> {
            assertThat(kept.id()).isEqualTo(deleted.id());
            assertThat(kept.type()).isEqualTo(SecurityEventType.ACCOUNT_DELETED);
            assertThat(kept.origin()).isEqualTo(RequestOrigin.of(Actor.admin(ADMIN), null, null, "req-a"));
        });
        assertThat(events.listOfUser(bob.id(), Optional.empty(), 10)).singleElement().satisfies(bobs -> {
            assertThat(bobs.id()).isEqualTo(aliceDisabledBob.id());
            assertThat(bobs.origin()).as("who acted stays, their address and user agent go")
                    .isEqualTo(RequestOrigin.of(Actor.admin(alice.id()), null, null, "req-b"));
        });
        String everything = jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM security_events")
                .mapToMap().list().toString());
        assertThat(everything).doesNotContain("alice@example.com").doesNotContain("192.0.2.77").doesNotContain("alice-laptop")
                .doesNotContain(TestData.ORIGIN.clientAddress().orElseThrow());
    }

    /** The event goes with the change or the change does not happen: an event the log refuses rolls each change back. */
    @Test
    void whenTheEventCannotBeStored_theChangeDoesNotHappen_andNobodyHearsOfIt() {
        User alice = added("alice@example.com");
        User bob = added("bob@example.com");
        grant(alice.id(), BILLING);
        SessionId session = startSession(alice).orElseThrow();
        grant(bob.id(), BILLING);
        UUID taken = events.listOfUser(bob.id(), Optional.empty(), 1).get(0).id(); // a deletion of Alice's would forget one of hers
        delivered.clear();
        heard.clear();

        assertThatThrownBy(() -> users.grantRole(alice.id(), Role.ADMIN,
                SecurityEvent.ofRole(taken, NOW, SecurityEventType.ROLE_GRANTED, alice.id(), Role.ADMIN, ADMIN_ORIGIN)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> users.revokeRole(alice.id(), BILLING, NOW,
                SecurityEvent.ofRole(taken, NOW, SecurityEventType.ROLE_REVOKED, alice.id(), BILLING, ADMIN_ORIGIN)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> users.disable(alice.id(), NOW, withId(taken, SecurityEventType.ACCOUNT_DISABLED, alice.id())))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> users.delete(alice.id(), NOW, withId(taken, SecurityEventType.ACCOUNT_DELETED, alice.id())))
                .isInstanceOf(StoreUnavailableException.class);

        User found = users.findById(alice.id()).orElseThrow();
        assertThat(found.roles()).containsExactly(BILLING);
        assertThat(found.rolesVersion()).isZero();
        assertThat(found.isDisabled()).isFalse();
        assertThat(sessions.liveSessionsOf(alice.id(), NOW)).extracting(Session::id).containsExactly(session);
        assertThat(stored()).hasSize(3);
        assertThat(feed.current(NOW)).isEmpty();
        assertThat(delivered).isEmpty();
        assertThat(heard).isEmpty();

        users.disable(alice.id(), NOW, adminEvent(SecurityEventType.ACCOUNT_DISABLED, alice.id()));
        assertThatThrownBy(() -> users.enable(alice.id(), withId(taken, SecurityEventType.ACCOUNT_ENABLED, alice.id())))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(users.findById(alice.id()).orElseThrow().isDisabled()).isTrue();
    }

    /** Each round, a failed login of Alice's is recorded while her account is deleted: nothing of it outlives the deletion. */
    @Test
    void aFailedLoginRacingTheDeletion_leavesOnlyTheDeletionsEvent() throws Exception {
        for (int round = 0; round < 50; round++) {
            User user = added("race-" + round + "@example.com");
            SecurityEvent deleted = adminEvent(SecurityEventType.ACCOUNT_DELETED, user.id());
            Race.run(2, i -> {
                if (i == 0) {
                    events.record(SecurityEvent.loginFailed(UUID.randomUUID(), NOW, Optional.of(user.id()), TestData.ORIGIN));
                    return true;
                }
                return users.delete(user.id(), NOW, deleted);
            });

            assertThat(events.listOfUser(user.id(), Optional.empty(), 10)).extracting(SecurityEvent::id).as("round " + round)
                    .containsExactly(deleted.id());
        }
    }

    private static SecurityEvent withId(UUID id, SecurityEventType type, UserId user) {
        return SecurityEvent.of(id, NOW, type, user, ADMIN_ORIGIN);
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
        grant(alice.id(), Role.ADMIN);
        grant(alice.id(), BILLING);

        List<User> listed = users.list("", Optional.empty(), 10);

        assertThat(listed.get(0).roles()).containsExactly(Role.ADMIN, BILLING);
        assertThat(listed.get(1).roles()).isEmpty();
    }

    /** Each round, a login and a disabling at once: whichever the database orders first, no session outlives the disabling. */
    @Test
    void aLoginRacingADisabling_neverLeavesALiveSession() throws Exception {
        for (int round = 0; round < 100; round++) {
            User user = added("race-" + round + "@example.com");
            List<Object> results = Race.run(2, i -> i == 0 ? (Object) startSession(user) : (Object) disable(user.id()));

            assertThat(results.get(1)).isEqualTo(true);
            assertThat(sessions.liveSessionsOf(user.id(), NOW)).as("round " + round).isEmpty();
        }
    }

    /** The same with a deletion: the session either went with the user or never started. */
    @Test
    void aLoginRacingADeletion_neverLeavesASession() throws Exception {
        for (int round = 0; round < 100; round++) {
            User user = added("race-" + round + "@example.com");
            List<Object> results = Race.run(2, i -> i == 0 ? (Object) startSession(user) : (Object) delete(user.id()));

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
            sessions.start(Session.start(id, user.id(), NOW, Optional.empty()), first, loggedIn(user.id(), id));
            RefreshTokenRecord successor = TestData.token(user.id(), id, NOW, NOW.plusSeconds(1));

            List<Object> results = Race.run(2, i -> i == 0
                    ? (Object) sessions.rotate(first.tokenHash(), successor, NOW.plusSeconds(1))
                    : (Object) delete(user.id()));

            assertThat(results.get(1)).as("round " + round).isEqualTo(true);
            long left = jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT (SELECT COUNT(*) FROM refresh_tokens WHERE user_id = :id) + (SELECT COUNT(*) FROM sessions WHERE user_id = :id)")
                    .bind("id", user.id().value()).mapTo(Long.class).one());
            assertThat(left).as("round " + round).isZero();
        }
    }

    private boolean grant(UserId user, Role role) {
        return users.grantRole(user, role, SecurityEvent.ofRole(UUID.randomUUID(), NOW, SecurityEventType.ROLE_GRANTED, user, role,
                ADMIN_ORIGIN));
    }

    private boolean revoke(UserId user, Role role) {
        return users.revokeRole(user, role, NOW, SecurityEvent.ofRole(UUID.randomUUID(), NOW, SecurityEventType.ROLE_REVOKED, user,
                role, ADMIN_ORIGIN));
    }

    private boolean disable(UserId user) {
        return users.disable(user, NOW, adminEvent(SecurityEventType.ACCOUNT_DISABLED, user));
    }

    private boolean enable(UserId user) {
        return users.enable(user, adminEvent(SecurityEventType.ACCOUNT_ENABLED, user));
    }

    private boolean delete(UserId user) {
        return users.delete(user, NOW, adminEvent(SecurityEventType.ACCOUNT_DELETED, user));
    }

    private static SecurityEvent adminEvent(SecurityEventType type, UserId user) {
        return SecurityEvent.of(UUID.randomUUID(), NOW, type, user, ADMIN_ORIGIN);
    }

    private static SecurityEvent loggedIn(UserId user, SessionId session) {
        return TestData.event(SecurityEventType.LOGIN_SUCCEEDED, user).withSession(session);
    }

    /** @return every stored event, newest first */
    private List<SecurityEvent> stored() {
        return events.listAll(SecurityEventFilter.all(), Optional.empty(), 1000);
    }
    @Test
    void changingThePassword_keepsTheCallersSession_andEndsEveryOther_withTheirAccessTokens() {
        User alice = added("alice@example.com");
        SessionId kept = startSession(alice).orElseThrow();
        SessionId other = startSession(alice).orElseThrow();
        PasswordHash changed = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$b3RoZXI$b3RoZXJoYXNob3RoZXJoYXNo");

        assertThat(users.changePassword(alice.id(), changed, kept, NOW, TestData.event(SecurityEventType.PASSWORD_CHANGED, alice.id()))).containsExactly(other);

        assertThat(users.findById(alice.id()).orElseThrow().passwordHash()).isEqualTo(changed);
        assertThat(sessions.liveSessionsOf(alice.id(), NOW)).extracting(Session::id).containsExactly(kept);
        assertThat(delivered).as("the other session's tokens, not a cut-off that would refuse the caller's")
                .containsExactly(new Revocation.SessionRevoked(other, NOW.plus(TestData.ACCESS_TTL).plus(RevocationLog.ISSUING_MARGIN)));
        assertThatThrownBy(() -> users.changePassword(new UserId(UUID.randomUUID()), changed, kept, NOW, TestData.event(SecurityEventType.PASSWORD_CHANGED, alice.id())))
                .isInstanceOf(UserNotFoundException.class);
    }

    private User added(String email) {
        User user = user(email);
        users.add(user);
        return user;
    }

    private Optional<SessionId> startSession(User user) {
        SessionId id = TestData.newSession();
        boolean started = sessions.start(Session.start(id, user.id(), NOW, Optional.empty()), TestData.token(user.id(), id, NOW),
                loggedIn(user.id(), id));
        return started ? Optional.of(id) : Optional.empty();
    }

    private static List<String> emails(List<User> listed) {
        List<String> emails = new ArrayList<>();
        listed.forEach(user -> emails.add(user.email().value()));
        return emails;
    }
}
