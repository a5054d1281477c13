package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' feeds on one PostgreSQL schema: what one publishes, the other hears through
 * LISTEN/NOTIFY, and a listener that lost its connection catches up on what it missed.
 */
class PostgresCrossInstanceFeedTest extends DatabaseTest {

    private JdbiDatabase other;
    private JdbiRevocationFeed feedA;
    private JdbiRevocationFeed feedB;
    private final List<Revocation> heardByA = new CopyOnWriteArrayList<>();
    private final List<Revocation> heardByB = new CopyOnWriteArrayList<>();

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }

    @BeforeEach
    void twoInstances() throws Exception {
        feedA = feedOf(testDatabase().database());
        other = JdbiDatabase.start(testDatabase().settings());
        feedB = feedOf(other);
        feedA.subscribe(heardByA::add);
        feedB.subscribe(heardByB::add);
        assertThat(feedA.awaitListening(Duration.ofSeconds(10))).isTrue();
        assertThat(feedB.awaitListening(Duration.ofSeconds(10))).isTrue();
        heardByA.clear();
        heardByB.clear();
    }

    @AfterEach
    void closeOther() {
        other.close();
    }

    @Test
    void everyKindOfRevocation_publishedOnA_isHeardOnB_withinASecond_andOnAAtOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Revocation> published = List.of(
                new TokenRevoked("jti|with|bars-" + UUID.randomUUID(), now.plus(ACCESS_TTL)),
                new SessionRevoked(TestData.newSession(), now.plus(ACCESS_TTL)),
                new UserTokensRevoked(TestData.user("carol@example.com").id(), now, now.plus(ACCESS_TTL)),
                new KeyRetired("kid|with|bars-" + UUID.randomUUID(), now.plus(ACCESS_TTL)));

        published.forEach(feedA::publish);

        assertThat(heardByA).containsAll(published);
        eventually(Duration.ofSeconds(1), () -> assertThat(heardByB).containsAll(published));
    }

    @Test
    void aListenerThatLostItsConnection_catchesUpOnWhatWasPublishedMeanwhile() throws Exception {
        terminateListeners();
        Instant now = Instant.now();
        TokenRevoked missed = new TokenRevoked("missed-" + UUID.randomUUID(), now.plus(ACCESS_TTL).truncatedTo(ChronoUnit.MILLIS));

        feedA.publish(missed);

        eventually(Duration.ofSeconds(15), () -> assertThat(heardByB).contains(missed));
    }

    @Test
    void aRevocationRecordedByAStoresTransaction_isHeardOnB_withinASecond() throws Exception {
        dev.inkan.domain.User carol = TestData.user("carol@example.com");
        TestData.users(testDatabase().database()).add(carol);
        JdbiSessionStore sessions = new JdbiSessionStore(jdbi(), feedA, testDatabase().newEventLog());
        var session = dev.inkan.domain.Session.start(TestData.newSession(), carol.id(), Instant.now(), java.util.Optional.empty());
        sessions.start(session, TestData.token(carol.id(), session.id(), session.createdAt()),
                TestData.event(dev.inkan.domain.SecurityEventType.LOGIN_SUCCEEDED, carol.id()));
        heardByB.clear();

        sessions.end(session.id(), Instant.now(), dev.inkan.domain.RevokeReason.LOGOUT,
                TestData.event(dev.inkan.domain.SecurityEventType.LOGOUT, carol.id()));

        eventually(Duration.ofSeconds(1), () -> assertThat(heardByB)
                .anyMatch(heard -> heard instanceof SessionRevoked revoked && revoked.sessionId().equals(session.id())));
    }

    @Test
    void aListenerWhoseConnectionFallsSilent_noticesWithinThirtySeconds_reconnects_andCatchesUp() throws Exception {
        DatabaseSettings direct = testDatabase().settings();
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?(/.*)")
                .matcher(direct.jdbcUrl());
        assertThat(url.matches()).as("a PostgreSQL URL with a host").isTrue();
        int port = url.group(2) == null ? 5432 : Integer.parseInt(url.group(2));
        try (SilentRelay relay = new SilentRelay(url.group(1), port);
             JdbiDatabase behindRelay = JdbiDatabase.start(new DatabaseSettings(
                     "jdbc:postgresql://127.0.0.1:" + relay.port() + url.group(3), direct.user(), direct.password(), 2))) {
            List<Revocation> heardByC = new CopyOnWriteArrayList<>();
            JdbiRevocationFeed feedC = feedOf(behindRelay);
            feedC.subscribe(heardByC::add);
            assertThat(feedC.awaitListening(Duration.ofSeconds(10))).isTrue();

            relay.silenceOpenFlows();
            SessionRevoked missed = new SessionRevoked(TestData.newSession(), Instant.now().plus(ACCESS_TTL).truncatedTo(ChronoUnit.MILLIS));
            feedA.publish(missed);

            eventually(Duration.ofSeconds(30), () -> assertThat(heardByC).contains(missed));
        }
    }

    @Test
    void aRevocationPublishedOnA_reachesBsStream_withinASecond_withTheSeqItHasOnA() throws Exception {
        List<dev.inkan.domain.SequencedRevocation> streamedOnB = new CopyOnWriteArrayList<>();
        var subscription = feedB.stream().orElseThrow().subscribe(streamedOnB::add);
        TokenRevoked revoked = new TokenRevoked("streamed-" + UUID.randomUUID(), Instant.now().plus(ACCESS_TTL).truncatedTo(ChronoUnit.MILLIS));

        feedA.publish(revoked);

        eventually(Duration.ofSeconds(1), () -> assertThat(streamedOnB).extracting(r -> r.revocation()).containsExactly(revoked));
        assertThat(feedA.stream().orElseThrow().between(subscription.position(), Long.MAX_VALUE, Instant.now()))
                .isEqualTo(streamedOnB);
    }

    @Test
    void aNotificationThatIsNotARevocation_isIgnored_andTheListenerGoesOn() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_notify('inkan_revocations', 'garbage')");
        }
        TokenRevoked after = new TokenRevoked("after-" + UUID.randomUUID(), Instant.now().plus(ACCESS_TTL).truncatedTo(ChronoUnit.MILLIS));

        feedA.publish(after);

        eventually(Duration.ofSeconds(2), () -> assertThat(heardByB).contains(after));
    }

    private static JdbiRevocationFeed feedOf(JdbiDatabase database) {
        return database.revocationFeed(ACCESS_TTL, TestData.LEEWAY, java.time.Clock.systemUTC());
    }

    /** Kills every listening backend of this database, as a network cut or a failover would. */
    private void terminateListeners() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'inkan-revocation-listener' AND pid <> pg_backend_pid()");
        }
    }

    private Connection connect() throws Exception {
        DatabaseSettings settings = testDatabase().settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
