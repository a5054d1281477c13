package dev.inkan.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.TokenException;
import dev.inkan.verifier.TestTokens.Pair;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier's keys: discovery, the JWK Set and its cache, unknown kids, HMAC keys, and Inkan's strict rules. */
class KeysTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();

    private FakeInkan inkan;
    private String issuer;
    private final Pair first = Pair.generate("k1");
    private InkanVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        inkan = new FakeInkan();
        issuer = inkan.url();
        inkan.serving(issuer, TestTokens.jwkSet(first.jwk()));
    }

    @AfterEach
    void stop() {
        if (verifier != null) {
            verifier.close();
        }
        inkan.close();
    }

    @Test
    void aTokenSignedWithAPublishedKey_isAccepted_withItsClaims() {
        verifier = builder().build();
        String token = TestTokens.sign(first.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "jti-1", Instant.now(),
                List.of("reader")));

        AccessTokenClaims claims = verifier.verify(token);

        assertThat(claims.subject().value()).isEqualTo(USER);
        assertThat(claims.sessionId().value()).isEqualTo(SESSION);
        assertThat(claims.roles()).containsExactly("reader");
        assertThat(claims.custom()).containsEntry("tenant", "acme");
        assertThat(claims.emailVerified()).isTrue();
        assertThat(claims.expiresAt()).isAfter(Instant.now());
        assertThat(verifier.status().keys()).isEqualTo(1);
        assertThat(inkan.requests("/.well-known/oauth-authorization-server")).isEqualTo(1);
    }

    @Test
    void aTamperedToken_oneForAnotherAudience_orAnExpiredOne_isRefused_withTheFormatsReason() {
        verifier = builder().build();
        String token = TestTokens.sign(first.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "jti-1", Instant.now(),
                List.of()));
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[3] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        String otherAudience = TestTokens.sign(first.signingKey(), issuer, new dev.inkan.token.TokenClaims(issuer, USER,
                List.of("billing"), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), java.util.Optional.empty(),
                "jti-2", SESSION));
        String expired = TestTokens.sign(first.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "jti-3",
                Instant.now().minus(Duration.ofHours(1)), List.of()));

        assertRefused(tampered, TokenException.Reason.BAD_SIGNATURE);
        assertRefused(otherAudience, TokenException.Reason.WRONG_AUDIENCE);
        assertRefused(expired, TokenException.Reason.EXPIRED);
        assertRefused("not.a.token", TokenException.Reason.MALFORMED);
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuer_isRefused_andNoKeyIsUsed() {
        inkan.serving(issuer + "/", TestTokens.jwkSet(first.jwk()));
        verifier = builder().build();
        String token = TestTokens.sign(first.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "jti-1", Instant.now(),
                List.of()));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRefusedException.Reason.KEYS_UNAVAILABLE));
        assertThat(verifier.status().keysProblem().orElseThrow()).contains("names the issuer '" + issuer + "/'")
                .contains("exactly");
        assertThat(inkan.requests("/jwks.json")).isZero();
    }

    @Test
    void withoutTheAuthorizationServerDocument_theOpenIdOneIsRead() {
        inkan.answer("/.well-known/oauth-authorization-server", 404, "{}");
        inkan.answer("/.well-known/openid-configuration", 200,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks.json\",\"subject_types_supported\":[\"public\"]}");
        verifier = builder().build();

        verifier.verify(TestTokens.sign(first.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "j", Instant.now(),
                List.of())));

        assertThat(inkan.requests("/.well-known/openid-configuration")).isEqualTo(1);
    }

    @Test
    void anUnknownKid_fetchesTheJwkSetAgain_atMostOncePerInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        verifier = builder().clock(clock).keyRefetchInterval(Duration.ofSeconds(30)).build();
        assertThat(verifier.awaitReady(Duration.ofSeconds(5))).isTrue();
        Pair rotated = Pair.generate("k2");
        inkan.serving(issuer, TestTokens.jwkSet(first.jwk(), rotated.jwk()));
        String byRotated = TestTokens.sign(rotated.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "j",
                clock.instant(), List.of()));
        int before = inkan.requests("/jwks.json");

        assertRefused(byRotated, TokenException.Reason.UNKNOWN_KEY);
        assertThat(inkan.requests("/jwks.json")).as("fetched a moment ago: not again").isEqualTo(before);

        clock.advance(Duration.ofSeconds(31));
        assertThat(verifier.verify(byRotated).tokenId()).isEqualTo("j");
        assertThat(inkan.requests("/jwks.json")).isEqualTo(before + 1);

        Pair unknown = Pair.generate("k3");
        String byUnknown = TestTokens.sign(unknown.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "u",
                clock.instant(), List.of()));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertRefused(byUnknown, TokenException.Reason.UNKNOWN_KEY);
        }
        assertThat(inkan.requests("/jwks.json")).as("not once more within the interval").isEqualTo(before + 1);
        clock.advance(Duration.ofSeconds(11));
        assertRefused(byUnknown, TokenException.Reason.UNKNOWN_KEY);
        assertThat(inkan.requests("/jwks.json")).as("once the interval is up").isEqualTo(before + 2);
    }

    /**
     * Random kids while Inkan answers slowly (or not at all, until the client's time limit): one of them
     * fetches, and the others must not wait for it, each holding one of the service's request threads.
     */
    @Test
    void whileAFetchForAnUnknownKidHangs_otherUnknownKids_areRefusedAtOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        verifier = builder().clock(clock).keyRefetchInterval(Duration.ofSeconds(30)).build();
        assertThat(verifier.awaitReady(Duration.ofSeconds(5))).isTrue();
        int before = inkan.requests("/jwks.json");
        java.util.concurrent.CountDownLatch release = inkan.hold("/jwks.json");
        clock.advance(Duration.ofSeconds(31));
        String byX = TestTokens.sign(Pair.generate("x").signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "x",
                clock.instant(), List.of()));
        String byY = TestTokens.sign(Pair.generate("y").signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "y",
                clock.instant(), List.of()));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<TokenRefusedException> hanging = callers.submit(() -> refusal(byX));
            Awaits.until(() -> inkan.requests("/jwks.json") == before + 1, "the fetch for the unknown kid began");

            java.util.concurrent.Future<TokenRefusedException> next = callers.submit(() -> refusal(byY));

            assertThat(next.get(5, java.util.concurrent.TimeUnit.SECONDS).tokenReason()).hasValue(TokenException.Reason.UNKNOWN_KEY);
            release.countDown();
            assertThat(hanging.get(5, java.util.concurrent.TimeUnit.SECONDS).tokenReason())
                    .hasValue(TokenException.Reason.UNKNOWN_KEY);
            assertThat(inkan.requests("/jwks.json")).isEqualTo(before + 1);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    private TokenRefusedException refusal(String token) {
        try {
            verifier.verify(token);
        } catch (TokenRefusedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aJwkSetPastItsMaxAge_isFetchedAgain_whileTheOldKeysGoOnVerifying() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        inkan.answer("/jwks.json", 200, TestTokens.jwkSet(first.jwk()), "public, max-age=60");
        verifier = builder().clock(clock).keyRefetchInterval(Duration.ofSeconds(1)).build();
        String token = TestTokens.sign(first.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "j", clock.instant(),
                List.of()));
        verifier.verify(token);
        int fetched = inkan.requests("/jwks.json");

        clock.advance(Duration.ofSeconds(30));
        verifier.verify(token);
        assertThat(inkan.requests("/jwks.json")).as("within max-age").isEqualTo(fetched);

        clock.advance(Duration.ofSeconds(31));
        verifier.verify(token);
        Awaits.until(() -> inkan.requests("/jwks.json") == fetched + 1, "the JWK Set fetched again after max-age");
    }

    @Test
    void keysThatBreakTheRules_arePassedOver() {
        Pair good = Pair.generate("good");
        String withPrivate = first.jwk().replace("\"use\"", "\"d\":\"AAAA\",\"use\"");
        String withoutAlg = Pair.generate("no-alg").jwk().replace(",\"alg\":\"EdDSA\"", "");
        String wrongAlg = Pair.generate("wrong-alg").jwk().replace("\"alg\":\"EdDSA\"", "\"alg\":\"ES256\"");
        String hmac = "{\"kty\":\"oct\",\"kid\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + "A".repeat(43) + "\"}";
        String encryption = Pair.generate("enc").jwk().replace("\"use\":\"sig\"", "\"use\":\"enc\"");
        inkan.serving(issuer, TestTokens.jwkSet(withPrivate, withoutAlg, wrongAlg, hmac, encryption, good.jwk()));
        verifier = builder().build();

        verifier.verify(TestTokens.sign(good.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "j", Instant.now(),
                List.of())));

        assertThat(verifier.status().keys()).isEqualTo(1);
        assertRefused(TestTokens.sign(first.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "j", Instant.now(),
                List.of())), TokenException.Reason.UNKNOWN_KEY);
    }

    @Test
    void hmacKeys_verifyTokensOfAnHs256Deployment_andAreCheckedForLength() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 9);
        inkan.serving(issuer, TestTokens.jwkSet());
        verifier = builder().hmacKey("hs", JwsAlgorithm.HS256, secret).build();
        String token = TestTokens.sign(dev.inkan.token.JwsKey.hmac("hs", JwsAlgorithm.HS256,
                dev.inkan.token.JdkCrypto.hmac(new dev.inkan.token.SigningKey("hs", JwsAlgorithm.HS256, secret))), issuer,
                TestTokens.claims(issuer, USER, SESSION, "j", Instant.now(), List.of()));

        assertThat(verifier.verify(token).tokenId()).isEqualTo("j");
        assertThatThrownBy(() -> builder().hmacKey("hs", JwsAlgorithm.HS256, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> builder().hmacKeys("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"x\",\"alg\":\"HS256\",\"k\":\"a+b/\"}]}"))
                .hasMessageContaining("key 'x'").hasMessageContaining("base64url");
    }

    /**
     * An issuer on plain http beyond this machine: whoever is on the way (here a proxy that answers for
     * it) could hand over a JWK Set with a key of theirs, so no public key is taken from it.
     */
    @Test
    void anIssuerOnPlainHttpBeyondThisMachine_givesNoPublicKey_andWithoutHmacKeysTheVerifierIsRefused() {
        String remote = "http://inkan.example";
        Pair attacker = Pair.generate("attacker");
        inkan.answer("/.well-known/oauth-authorization-server", 200,
                "{\"issuer\":\"" + remote + "\",\"jwks_uri\":\"" + remote + "/jwks.json\"}");
        inkan.answer("/jwks.json", 200, TestTokens.jwkSet(attacker.jwk()));
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);

        assertThatThrownBy(() -> InkanVerifier.builder(remote).withoutRevocationFeed().httpClient(throughTheFake()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        verifier = InkanVerifier.builder(remote).withoutRevocationFeed().httpClient(throughTheFake())
                .hmacKey("hs", JwsAlgorithm.HS256, secret).build();
        String hmacToken = TestTokens.sign(dev.inkan.token.JwsKey.hmac("hs", JwsAlgorithm.HS256,
                dev.inkan.token.JdkCrypto.hmac(new dev.inkan.token.SigningKey("hs", JwsAlgorithm.HS256, secret))), remote,
                TestTokens.claims(remote, USER, SESSION, "j", Instant.now(), List.of()));
        String forged = TestTokens.sign(attacker.signingKey(), remote, TestTokens.claims(remote, USER, SESSION, "f", Instant.now(),
                List.of("admin")));

        assertThat(verifier.verify(hmacToken).tokenId()).isEqualTo("j");
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(TokenRefusedException.class);
        assertThat(inkan.requests("/jwks.json")).isZero();
    }

    @Test
    void aJwksUriOnPlainHttpBeyondThisMachine_isRefused_evenForALoopbackIssuer() {
        Pair attacker = Pair.generate("attacker");
        inkan.answer("/.well-known/oauth-authorization-server", 200,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"http://keys.example/jwks.json\"}");
        inkan.answer("/jwks.json", 200, TestTokens.jwkSet(attacker.jwk()));
        verifier = builder().httpClient(throughTheFake()).build();
        String forged = TestTokens.sign(attacker.signingKey(), issuer, TestTokens.claims(issuer, USER, SESSION, "f", Instant.now(),
                List.of()));

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOfSatisfying(TokenRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRefusedException.Reason.KEYS_UNAVAILABLE));
        assertThat(verifier.status().keysProblem().orElseThrow()).contains("http://keys.example/jwks.json");
        assertThat(inkan.requests("/jwks.json")).isZero();
    }

    /** A client whose every plain http request goes to the fake, whatever host it names: the place of an attacker on the way. */
    private HttpClient throughTheFake() {
        int port = URI.create(inkan.url()).getPort();
        return HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
                .build();
    }

    @Test
    void aVerifier_needsAnIssuerUrl_andADecisionAboutTheFeed() {
        assertThatThrownBy(() -> InkanVerifier.builder("inkan")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INKAN_ISSUER");
        assertThatThrownBy(() -> InkanVerifier.builder(issuer).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("feedToken").hasMessageContaining("withoutRevocationFeed");
    }

    private InkanVerifierBuilder builder() {
        return InkanVerifier.builder(issuer).withoutRevocationFeed();
    }

    private void assertRefused(String token, TokenException.Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(TokenRefusedException.Reason.INVALID);
            assertThat(e.tokenReason()).hasValue(reason);
        });
    }
}
