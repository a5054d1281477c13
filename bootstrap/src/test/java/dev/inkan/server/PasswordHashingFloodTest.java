package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.adapter.crypto.Argon2Parameters;
import dev.inkan.adapter.crypto.BouncyCastleArgon2PasswordHasher;
import dev.inkan.adapter.web.InkanHttpServer;
import dev.inkan.adapter.web.RateLimitSettings;
import dev.inkan.adapter.web.TokenTransport;
import dev.inkan.adapter.web.TrustedProxies;
import dev.inkan.adapter.web.WebSettings;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Password hashing at capacity, over HTTP: login and register get a quick 503, token checks and refreshes carry on. */
class PasswordHashingFloodTest {

    private static final String PASSWORD = "correct horse battery";

    private final PasswordHasher argon2 = new BouncyCastleArgon2PasswordHasher(Argon2Parameters.OWASP_MINIMUM);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean gated;

    /** Real Argon2id that, once gated, holds each hash until released: a hash as slow as the test needs. */
    private final PasswordHasher gatedArgon2 = new PasswordHasher() {
        @Override
        public PasswordHash hash(Password password) {
            awaitGate();
            return argon2.hash(password);
        }

        @Override
        public boolean verify(PasswordHash hash, Password password) {
            awaitGate();
            return argon2.verify(hash, password);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return argon2.needsRehash(hash);
        }
    };

    @Test
    void everyHashingPlaceTaken_loginAndRegisterAnswer503AtOnce_whileVerifyAndRefreshStillAnswer200() throws Exception {
        try (Inkan inkan = Inkan.builder().jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .secret(TestTokens.randomKey(32)).passwordHasher(gatedArgon2).passwordHashConcurrency(1).passwordHashQueue(0)
                .build();
             InkanHttpServer server = InkanHttpServer.start(inkan.webUseCases(), WebSettings.defaults(), "127.0.0.1", 0)) {
            HttpJson http = new HttpJson(server.port());
            assertThat(http.post("/auth/register", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(201);
            JsonNode tokens = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));

            gated = true;
            CompletableFuture<HttpResponse<String>> hashing = CompletableFuture.supplyAsync(
                    () -> http.post("/auth/register", credentials("bob@example.com", PASSWORD)));
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("a registration is hashing").isTrue();

            long started = System.nanoTime();
            HttpResponse<String> login = http.post("/auth/login", credentials("ann@example.com", PASSWORD));
            HttpResponse<String> register = http.post("/auth/register", credentials("carol@example.com", PASSWORD));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            for (HttpResponse<String> refused : new HttpResponse[] {login, register}) {
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            }
            assertThat(took).as("refused without waiting for the hash under way").isLessThan(Duration.ofSeconds(2));
            assertThat(http.get("/auth/verify", tokens.get("access_token").asText()).statusCode()).isEqualTo(200);
            assertThat(http.post("/auth/refresh", refreshBody(tokens.get("refresh_token").asText())).statusCode()).isEqualTo(200);

            release.countDown();
            assertThat(hashing.get(20, TimeUnit.SECONDS).statusCode()).as("the hash under way finishes").isEqualTo(201);
            assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode())
                    .as("logins get in again once hashing has room").isEqualTo(200);
        }
    }

    @Test
    void loginsBeyondWhatTheHasherTakes_waitTheirTurnWithoutAThread_tokenChecksPassThem_andALongWaitEndsIn503() throws Exception {
        WebSettings oneAtATime = new WebSettings(TokenTransport.BOTH, java.util.List.of(), RateLimitSettings.defaults(),
                TrustedProxies.none(), 1);
        try (Inkan inkan = Inkan.builder().jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .secret(TestTokens.randomKey(32)).passwordHasher(gatedArgon2).passwordHashConcurrency(1).passwordHashQueue(0)
                .build();
             InkanHttpServer server = InkanHttpServer.start(inkan.webUseCases(), oneAtATime, "127.0.0.1", 0)) {
            HttpJson http = new HttpJson(server.port());
            assertThat(http.post("/auth/register", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(201);
            JsonNode tokens = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));

            gated = true;
            CompletableFuture<HttpResponse<String>> hashing = CompletableFuture.supplyAsync(
                    () -> http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("a login is hashing").isTrue();
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                    () -> http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> tooLong = CompletableFuture.supplyAsync(
                    () -> http.post("/auth/register/", credentials("dave@example.com", PASSWORD)));

            assertThat(http.get("/auth/verify", tokens.get("access_token").asText()).statusCode()).isEqualTo(200);
            assertThat(http.post("/auth/refresh", refreshBody(tokens.get("refresh_token").asText())).statusCode()).isEqualTo(200);
            assertThat(waiting).as("the second login waits its turn instead of being turned away").isNotDone();

            HttpResponse<String> expired = tooLong.get(20, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            assertThat(expired.statusCode()).isEqualTo(503);
            assertThat(expired.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(expired.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

            release.countDown();
            assertThat(hashing.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private void awaitGate() {
        if (!gated) {
            return;
        }
        entered.countDown();
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
