package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiSecurityEventLog}: what it stores, how it pages and filters, what it purges; on every database. */
abstract class SecurityEventLogContract extends DatabaseTest {

    private JdbiSecurityEventLog events;
    private final List<SecurityEvent> heard = new CopyOnWriteArrayList<>();
    private UserId alice;
    private UserId bob;

    @BeforeEach
    void createLogAndUsers() {
        events = testDatabase().newEventLog();
        heard.clear();
        events.subscribe(heard::add);
        alice = addUser("alice@example.com");
        bob = addUser("bob@example.com");
    }

    @Test
    void anEvent_readsBackAsItWasRecorded_everyField() {
        SessionId session = TestData.newSession();
        RequestOrigin origin = RequestOrigin.of(Actor.admin(bob), "2001:db8::7", "Mozilla/5.0 (X11) ünïcode", "req-1.a_b");
        SecurityEvent full = SecurityEvent.ofRole(UUID.randomUUID(), NOW, SecurityEventType.ROLE_REVOKED, alice, Role.ADMIN, origin);
        SecurityEvent withSession = SecurityEvent.of(UUID.randomUUID(), NOW.minusSeconds(1), SecurityEventType.LOGOUT, alice,
                RequestOrigin.of(Actor.user())).withSession(session);
        SecurityEvent nobodys = SecurityEvent.loginFailed(UUID.randomUUID(), NOW.minusSeconds(2), Optional.empty(),
                RequestOrigin.of(Actor.user(), "203.0.113.1", null, null));
        SecurityEvent byTheCli = SecurityEvent.of(UUID.randomUUID(), NOW.minusSeconds(3), SecurityEventType.ACCOUNT_ENABLED, bob,
                RequestOrigin.cli());

        List.of(full, withSession, nobodys, byTheCli).forEach(events::record);

        assertThat(events.listAll(SecurityEventFilter.all(), Optional.empty(), 10)).containsExactly(full, withSession, nobodys, byTheCli);
        assertThat(heard).containsExactly(full, withSession, nobodys, byTheCli);
    }

    @Test
    void pages_goNewestFirst_andACursorContinuesAfterTheLastEvent_alsoAmongEventsOfOneInstant() {
        List<SecurityEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // three pairs share an instant, so the order within one instant (the id) is what the cursor must keep
            recorded.add(TestData.event(SecurityEventType.LOGIN_SUCCEEDED, alice, NOW.plusSeconds(i / 2)));
        }
        recorded.forEach(events::record);
        List<SecurityEvent> expected = recorded.stream()
                .sorted((a, b) -> a.occurredAt().equals(b.occurredAt()) ? 0 : b.occurredAt().compareTo(a.occurredAt()))
                .toList();

        List<SecurityEvent> paged = new ArrayList<>();
        Optional<SecurityEventCursor> before = Optional.empty();
        for (int round = 0; round < 4; round++) {
            List<SecurityEvent> page = events.listOfUser(alice, before, 2);
            paged.addAll(page);
            before = page.isEmpty() ? before : Optional.of(SecurityEventCursor.after(page.get(page.size() - 1)));
        }

        assertThat(paged).as("each event once").containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(paged).extracting(SecurityEvent::occurredAt).as("newest first")
                .containsExactlyElementsOf(expected.stream().map(SecurityEvent::occurredAt).toList());
        assertThat(paged).isEqualTo(events.listOfUser(alice, Optional.empty(), 10));
    }

    @Test
    void filters_pickAUsersEvents_orATypesEvents_orBoth() {
        SecurityEvent aliceIn = TestData.event(SecurityEventType.LOGIN_SUCCEEDED, alice, NOW);
        SecurityEvent aliceOut = TestData.event(SecurityEventType.LOGOUT, alice, NOW.plusSeconds(1));
        SecurityEvent bobIn = TestData.event(SecurityEventType.LOGIN_SUCCEEDED, bob, NOW.plusSeconds(2));
        SecurityEvent unknown = SecurityEvent.loginFailed(UUID.randomUUID(), NOW.plusSeconds(3), Optional.empty(), TestData.ORIGIN);
        List.of(aliceIn, aliceOut, bobIn, unknown).forEach(events::record);

        assertThat(events.listOfUser(alice, Optional.empty(), 10)).containsExactly(aliceOut, aliceIn);
        assertThat(events.listAll(new SecurityEventFilter(Optional.empty(), Optional.of(SecurityEventType.LOGIN_SUCCEEDED)),
                Optional.empty(), 10)).containsExactly(bobIn, aliceIn);
        assertThat(events.listAll(new SecurityEventFilter(Optional.of(bob), Optional.of(SecurityEventType.LOGOUT)),
                Optional.empty(), 10)).isEmpty();
        assertThat(events.listAll(new SecurityEventFilter(Optional.empty(), Optional.of(SecurityEventType.LOGIN_FAILED)),
                Optional.empty(), 10)).containsExactly(unknown);
    }

    @Test
    void purgeOlderThan_deletesTheOldEvents_inBatches_andKeepsTheRest() {
        Instant cutOff = NOW.minus(Duration.ofDays(90));
        int old = JdbiSecurityEventLog.PURGE_BATCH * 2 + 17;
        jdbi().useHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO security_events (" + SecurityEventRow.COLUMNS + ") VALUES ("
                    + SecurityEventRow.PARAMETERS + ")");
            for (int i = 0; i < old; i++) {
                SecurityEventRow.from(TestData.event(SecurityEventType.LOGIN_SUCCEEDED, alice, cutOff.minusSeconds(1 + i)))
                        .bindTo(batch).add();
            }
            batch.execute();
        });
        SecurityEvent atTheCutOff = TestData.event(SecurityEventType.LOGOUT, alice, cutOff);
        SecurityEvent recent = TestData.event(SecurityEventType.LOGOUT, bob, NOW);
        events.record(atTheCutOff);
        events.record(recent);

        assertThat(events.purgeOlderThan(cutOff)).isEqualTo(old);

        assertThat(events.listAll(SecurityEventFilter.all(), Optional.empty(), 10)).containsExactly(recent, atTheCutOff);
        assertThat(events.purgeOlderThan(cutOff)).isZero();
    }

    @Test
    void aListenerThatThrows_keepsTheEventFromNoOtherListener() {
        List<SecurityEvent> second = new ArrayList<>();
        JdbiSecurityEventLog log = testDatabase().newEventLog();
        log.subscribe(event -> {
            throw new IllegalStateException("a listener's bug");
        });
        log.subscribe(second::add);
        SecurityEvent event = TestData.event(SecurityEventType.LOGIN_SUCCEEDED, alice);

        log.record(event);

        assertThat(second).containsExactly(event);
    }

    @Test
    void anEventOfADeletedUser_isNotRecorded_butOneOfAUserKeptElsewhere_is() {
        TestData.users(testDatabase().database()).delete(bob, NOW, TestData.event(SecurityEventType.ACCOUNT_DELETED, bob));
        UserId elsewhere = new UserId(UUID.randomUUID()); // an application's own users are not in Inkan's table
        heard.clear();

        events.record(SecurityEvent.loginFailed(UUID.randomUUID(), NOW, Optional.of(bob), TestData.ORIGIN));
        SecurityEvent kept = SecurityEvent.loginFailed(UUID.randomUUID(), NOW, Optional.of(elsewhere), TestData.ORIGIN);
        events.record(kept);

        assertThat(events.listOfUser(bob, Optional.empty(), 10)).extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.ACCOUNT_DELETED);
        assertThat(events.listOfUser(elsewhere, Optional.empty(), 10)).containsExactly(kept);
        assertThat(heard).containsExactly(kept);
    }

    @Test
    void aRowOfATypeThisVersionDoesNotKnow_isSkipped_andTheRestStillReads() {
        SecurityEvent known = TestData.event(SecurityEventType.LOGOUT, alice);
        events.record(known);
        jdbi().useHandle(handle -> handle.execute("INSERT INTO security_events (id, occurred_at, type, user_id, actor_kind) "
                + "VALUES (?, CURRENT_TIMESTAMP, 'passkey_added', ?, 'user')", UUID.randomUUID(), alice.value()));

        assertThat(events.listOfUser(alice, Optional.empty(), 10)).containsExactly(known);
    }

    private UserId addUser(String email) {
        User user = TestData.user(email);
        TestData.users(testDatabase().database()).add(user);
        return user.id();
    }
}
