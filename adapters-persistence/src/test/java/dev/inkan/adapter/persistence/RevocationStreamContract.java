package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.Eventually.eventually;
import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.LEEWAY;
import static dev.inkan.adapter.persistence.TestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.application.port.out.RevocationStream;
import dev.inkan.domain.SequencedRevocation;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of the {@link RevocationStream} of {@link JdbiRevocationFeed}: the log in seq order, caught up and followed. */
abstract class RevocationStreamContract extends DatabaseTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private JdbiRevocationFeed feed;
    private RevocationStream stream;
    private final List<SequencedRevocation> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createFeed() {
        feed = testDatabase().newFeed();
        stream = feed.stream().orElseThrow();
        heard.clear();
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    @Test
    void aSubscriber_hearsWhatIsPublishedAfterItsPosition_inSeqOrder_andReadsWhatCameBefore() throws Exception {
        TokenRevoked before = new TokenRevoked("before", NOW.plus(ACCESS_TTL));
        feed.publish(before);
        RevocationStream.Subscription subscription = stream.subscribe(heard::add);
        List<Revocation> after = List.of(
                new TokenRevoked("after", NOW.plus(ACCESS_TTL)),
                new SessionRevoked(TestData.newSession(), NOW.plus(ACCESS_TTL)),
                new UserTokensRevoked(TestData.user("alice@example.com").id(), NOW, NOW.plus(ACCESS_TTL)),
                new RolesRevoked(TestData.user("bob@example.com").id(), 3, NOW.plus(ACCESS_TTL)),
                new UserDeleted(TestData.user("carol@example.com").id(), NOW.plus(ACCESS_TTL)));

        after.forEach(feed::publish);

        eventually(SOON, () -> assertThat(heard).hasSize(after.size()));
        assertThat(heard).extracting(SequencedRevocation::revocation).isEqualTo(after);
        assertThat(heard).extracting(SequencedRevocation::seq).isSorted().doesNotHaveDuplicates()
                .allMatch(seq -> seq > subscription.position());
        assertThat(stream.between(0, subscription.position(), NOW)).extracting(SequencedRevocation::revocation)
                .containsExactly(before);
        assertThat(stream.between(0, Long.MAX_VALUE, NOW)).isEqualTo(
                java.util.stream.Stream.concat(stream.between(0, subscription.position(), NOW).stream(), heard.stream()).toList());
    }

    @Test
    void between_readsOnlyItsRange_andWhatIsStillRelevant() {
        feed.publish(new TokenRevoked("old", NOW.minus(LEEWAY).minusSeconds(1)));
        feed.publish(new TokenRevoked("one", NOW.plus(ACCESS_TTL)));
        feed.publish(new TokenRevoked("two", NOW.plus(ACCESS_TTL)));
        List<SequencedRevocation> all = stream.between(0, Long.MAX_VALUE, NOW);
        long first = all.get(0).seq();

        assertThat(all).extracting(SequencedRevocation::revocation)
                .containsExactly(new TokenRevoked("one", NOW.plus(ACCESS_TTL)), new TokenRevoked("two", NOW.plus(ACCESS_TTL)));
        assertThat(stream.between(first, Long.MAX_VALUE, NOW)).containsExactly(all.get(1));
        assertThat(stream.between(0, first, NOW)).containsExactly(all.get(0));
        assertThat(stream.between(first, first, NOW)).isEmpty();
        assertThat(stream.between(Long.MAX_VALUE, 0, NOW)).isEmpty();
    }

    @Test
    void anEmptyLog_hasPositionZero() {
        try (RevocationStream.Subscription subscription = stream.subscribe(heard::add)) {
            assertThat(subscription.position()).isZero();
        }
    }

    @Test
    void whatAStoresTransactionRecords_isHeardToo() throws Exception {
        User alice = TestData.user("alice@example.com");
        TestData.users(testDatabase().database()).add(alice);
        JdbiSessionStore sessions = new JdbiSessionStore(jdbi(), feed, testDatabase().newEventLog());
        SessionId session = TestData.newSession();
        sessions.start(Session.start(session, alice.id(), NOW, Optional.empty()), TestData.token(alice.id(), session, NOW),
                TestData.event(SecurityEventType.LOGIN_SUCCEEDED, alice.id()));
        stream.subscribe(heard::add);

        sessions.endAllOfUser(alice.id(), NOW, RevokeReason.LOGOUT_EVERYWHERE, TestData.event(SecurityEventType.LOGOUT_ALL, alice.id()));

        eventually(SOON, () -> assertThat(heard).extracting(SequencedRevocation::revocation)
                .anyMatch(r -> r instanceof SessionRevoked revoked && revoked.sessionId().equals(session))
                .anyMatch(r -> r instanceof UserTokensRevoked cut && cut.userId().equals(alice.id())));
    }

    /**
     * Many transactions record at once while the tail reads: were seqs not taken in the order of
     * commits, the tail would read a higher seq before a lower one had committed and pass it by.
     */
    @Test
    void revocationsPublishedConcurrently_areEachHeardOnce_inSeqOrder_noneSkipped() throws Exception {
        RevocationStream.Subscription subscription = stream.subscribe(heard::add);
        int threads = 8;
        int each = 25;

        Race.run(threads, thread -> {
            for (int i = 0; i < each; i++) {
                feed.publish(new TokenRevoked("t" + thread + "-" + i, NOW.plus(ACCESS_TTL)));
            }
            return null;
        });

        eventually(SOON, () -> assertThat(heard).hasSize(threads * each));
        assertThat(heard).extracting(SequencedRevocation::seq).isSorted().doesNotHaveDuplicates();
        assertThat(heard).isEqualTo(stream.between(subscription.position(), Long.MAX_VALUE, NOW));
    }

    @Test
    void aClosedSubscription_hearsNoMore_andAThrowingListenerKeepsNothingFromTheOthers() throws Exception {
        Logger log = Logger.getLogger(RevocationTail.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF); // the failure is logged with its stack trace; not in this test's output
        try {
            List<SequencedRevocation> closed = new CopyOnWriteArrayList<>();
            stream.subscribe(revocation -> {
                throw new IllegalStateException("listener bug");
            });
            RevocationStream.Subscription subscription = stream.subscribe(closed::add);
            stream.subscribe(heard::add);
            subscription.close();
            subscription.close();

            feed.publish(new TokenRevoked("one", NOW.plus(ACCESS_TTL)));
            feed.publish(new TokenRevoked("two", NOW.plus(ACCESS_TTL)));

            eventually(SOON, () -> assertThat(heard).hasSize(2));
            assertThat(closed).isEmpty();
        } finally {
            log.setLevel(level);
        }
    }
}
