package dev.inkan.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.TokenException;
import dev.inkan.verifier.FakeInkan.FeedConnection;
import dev.inkan.verifier.TestTokens.Pair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following the revocation feed: what it refuses, reconnecting and catching up, a silent connection, and the staleness policy. */
class FeedTest {

    private static final String FEED_TOKEN = "feed-token-0123456789abcdefghijklmnop";
    private static final String UNTIL = Instant.now().plus(Duration.ofHours(1)).toString();

    private FakeInkan inkan;
    private String issuer;
    private final Pair key = Pair.generate("k1");
    private InkanVerifier verifier;
    private final UUID user = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    @BeforeEach
    void start() throws Exception {
        inkan = new FakeInkan();
        issuer = inkan.url();
        inkan.serving(issuer, TestTokens.jwkSet(key.jwk()));
    }

    @AfterEach
    void stop() {
        if (verifier != null) {
            verifier.close();
        }
        inkan.close();
    }

    @Test
    void theFeedIsFollowedWithTheFeedToken_andEachKindRefusesItsTokens() throws Exception {
        verifier = builder().build();
        FeedConnection feed = inkan.nextConnection();
        assertThat(feed.header("Authorization")).isEqualTo("Bearer " + FEED_TOKEN);
        assertThat(feed.header("Accept")).isEqualTo("text/event-stream");
        assertThat(feed.header("Last-Event-ID")).as("nothing had yet").isNull();
        feed.ready(0);
        assertThat(verifier.awaitReady(Duration.ofSeconds(5))).isTrue();
        String jtiRevoked = token("revoked-jti", user, session);
        UUID endedSession = UUID.randomUUID();
        String sessionEnded = token("a", user, endedSession);
        UUID other = UUID.randomUUID();
        UUID cutOff = UUID.randomUUID();
        String beforeCutOff = token("b", cutOff, UUID.randomUUID());
        UUID deleted = UUID.randomUUID();
        String ofDeleted = token("c", deleted, UUID.randomUUID());
        String untouched = token("d", other, UUID.randomUUID());
        assertThat(verifier.verify(jtiRevoked).tokenId()).isEqualTo("revoked-jti");

        feed.event("1", "token", "{\"jti\":\"revoked-jti\",\"until\":\"" + UNTIL + "\"}")
                .event("2", "session", "{\"sid\":\"" + endedSession + "\",\"until\":\"" + UNTIL + "\"}")
                .event("3", "user", "{\"sub\":\"" + cutOff + "\",\"valid_after\":\"" + Instant.now().plusSeconds(5)
                        + "\",\"until\":\"" + UNTIL + "\"}")
                .event("4", "deleted", "{\"sub\":\"" + deleted + "\",\"until\":\"" + UNTIL + "\"}")
                .event("5", "a-kind-from-a-later-version", "{\"anything\":1}");

        Awaits.until(() -> verifier.status().feedPosition() == 5, "the events read");
        for (String refused : List.of(jtiRevoked, sessionEnded, beforeCutOff, ofDeleted)) {
            assertThatThrownBy(() -> verifier.verify(refused)).isInstanceOfSatisfying(TokenRefusedException.class,
                    e -> assertThat(e.reason()).isEqualTo(TokenRefusedException.Reason.REVOKED));
        }
        assertThat(verifier.verify(untouched).subject().value()).isEqualTo(other);
    }

    @Test
    void aLostConnection_isReplaced_andCatchesUpFromTheLastEventId() throws Exception {
        verifier = builder().build();
        FeedConnection first = inkan.nextConnection();
        first.event("7", "token", "{\"jti\":\"early\",\"until\":\"" + UNTIL + "\"}").ready(7);
        assertThat(verifier.awaitReady(Duration.ofSeconds(5))).isTrue();

        first.close();
        FeedConnection second = inkan.nextConnection();
        assertThat(second.header("Last-Event-ID")).isEqualTo("7");
        second.event("8", "token", "{\"jti\":\"missed\",\"until\":\"" + UNTIL + "\"}").ready(8);

        Awaits.until(() -> verifier.status().feedPosition() == 8, "caught up");
        assertRevoked(token("missed", user, session));
        assertRevoked(token("early", user, session));
        assertThat(verifier.status().feedConnections()).isEqualTo(2);
    }

    @Test
    void aConnectionThatFallsSilent_isTakenForDead_andReplaced_whileHeartbeatsKeepOneAlive() throws Exception {
        verifier = builder().feedSilenceLimit(Duration.ofMillis(600)).build();
        FeedConnection first = inkan.nextConnection();
        first.ready(0);
        for (int i = 0; i < 6; i++) {
            Thread.sleep(200); // the server's heartbeats, which the test plays, twice the silence limit in all
            first.event(null, null, null);
        }
        assertThat(inkan.connections).as("heartbeats keep the connection").isEmpty();

        FeedConnection second = inkan.nextConnection();

        assertThat(second.header("Last-Event-ID")).isEqualTo("0");
        assertThat(verifier.status().feedProblem().orElseThrow()).contains("nothing came for");
    }

    @Test
    void aRetiredKey_isDroppedAtOnce_andAJwkSetStillListingItDoesNotBringItBack() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        verifier = builder().clock(clock).keyRefetchInterval(Duration.ofSeconds(1)).build();
        FeedConnection feed = inkan.nextConnection();
        feed.ready(0);
        assertThat(verifier.awaitReady(Duration.ofSeconds(5))).isTrue();
        String token = TestTokens.sign(key.signingKey(), issuer, TestTokens.claims(issuer, user, session, "j", clock.instant(),
                List.of()));
        verifier.verify(token);

        feed.event("1", "key", "{\"kid\":\"k1\",\"until\":\"" + clock.instant().plusSeconds(900) + "\"}");
        Awaits.until(() -> verifier.status().keys() == 0, "the key dropped");
        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRefusedException.class, e -> {
            assertThat(e.reason()).isIn(TokenRefusedException.Reason.KEYS_UNAVAILABLE, TokenRefusedException.Reason.INVALID);
            assertThat(e.tokenReason()).isNotEqualTo(java.util.Optional.of(TokenException.Reason.BAD_SIGNATURE));
        });
        Awaits.until(() -> inkan.requests("/jwks.json") >= 2, "the JWK Set fetched again");
        assertThat(verifier.status().keys()).as("k1 stays out").isZero();
    }

    @Test
    void refusingWhenStale_refusesBeforeTheFirstCatchUp_acceptsWhileCurrent_andRefusesOnceTheFeedIsAwayTooLong()
            throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        verifier = builder().clock(clock).whenFeedIsStale(FeedPolicy.refuseWhenStale(Duration.ofSeconds(60))).build();
        String token = TestTokens.sign(key.signingKey(), issuer, TestTokens.claims(issuer, user, session, "j", clock.instant(),
                List.of()));
        FeedConnection feed = inkan.nextConnection();
        Awaits.until(() -> verifier.status().keys() == 1, "the keys");

        assertStale(token);
        feed.ready(0);
        assertThat(verifier.awaitReady(Duration.ofSeconds(5))).isTrue();
        assertThat(verifier.verify(token).tokenId()).isEqualTo("j");
        clock.advance(Duration.ofSeconds(59));
        assertThat(verifier.verify(token).tokenId()).as("within the bound").isEqualTo("j");
        clock.advance(Duration.ofSeconds(2));
        assertStale(token);
        feed.event(null, null, null); // a heartbeat: current again
        Awaits.until(() -> verifier.status().feedCurrentAt().orElseThrow().equals(clock.instant().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS)), "the heartbeat heard");
        assertThat(verifier.verify(token).tokenId()).isEqualTo("j");
    }

    @Test
    void acceptingWhenStale_acceptsAndCounts_eachTokenAcceptedWhileTheFeedIsAway() throws Exception {
        inkan.feedStatus(503);
        verifier = builder().whenFeedIsStale(FeedPolicy.acceptWhenStale(Duration.ofSeconds(60))).build();
        String token = token("j", user, session);

        for (int i = 0; i < 3; i++) {
            assertThat(verifier.verify(token).tokenId()).isEqualTo("j");
        }

        assertThat(verifier.acceptedWhileStale()).isEqualTo(3);
        assertThat(verifier.status().acceptedWhileStale()).isEqualTo(3);
        assertThat(FeedPolicy.DEFAULT.refusesWhenStale()).as("the default accepts").isFalse();
    }

    @Test
    void aRefusedCredential_isSaidSo_andTriedAgain() throws Exception {
        inkan.feedStatus(401);
        verifier = builder().build();

        Awaits.until(() -> inkan.requests("/auth/revocations") >= 2, "tried again");
        assertThat(verifier.status().feedProblem().orElseThrow()).contains("refused the credential (401)")
                .doesNotContain(FEED_TOKEN);
    }

    private InkanVerifierBuilder builder() {
        return InkanVerifier.builder(issuer).feedToken(FEED_TOKEN);
    }

    private String token(String jti, UUID subject, UUID sessionId) {
        return TestTokens.sign(key.signingKey(), issuer, TestTokens.claims(issuer, subject, sessionId, jti, Instant.now(), List.of()));
    }

    private void assertRevoked(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRefusedException.Reason.REVOKED));
    }

    private void assertStale(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRefusedException.Reason.FEED_STALE));
    }
}
