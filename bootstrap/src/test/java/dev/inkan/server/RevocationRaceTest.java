package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP, on one instance and on two sharing PostgreSQL: a refresh sent at the same moment as a
 * revoking call never outlives it. Once the revoking call has answered, nothing the refresh
 * returned works: its refresh token is refused, and so is its access token (at once where the
 * revocation was made, within a second elsewhere). And sessions end at their absolute lifetime.
 */
class RevocationRaceTest {

    private static final int ROUNDS = 20;
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void refreshRacingLogout_onH2_neverOutlivesTheLogout() throws Exception {
        HttpJson http = start(Map.of());
        race(http, http, (server, login) -> server.postWithToken("/auth/logout", access(login)));
    }

    @Test
    void refreshRacingLogoutEverywhere_onH2_neverOutlivesIt() throws Exception {
        HttpJson http = start(Map.of());
        race(http, http, (server, login) -> server.postWithToken("/auth/logout-all", access(login)));
    }

    @Test
    void refreshRacingTheEndOfItsSession_onH2_neverOutlivesIt() throws Exception {
        HttpJson http = start(Map.of());
        race(http, http, RevocationRaceTest::endOwnSession);
    }

    @Test
    void refreshOnOneInstance_racingTheEndOfItsSessionOnAnother_neverOutlivesIt() throws Exception {
        PostgresSchema schema = PostgresSchema.create();
        toClose.add(schema);
        String secret = TestTokens.b64(TestTokens.randomKey(32));
        Map<String, String> shared = Map.of("INKAN_DB_URL", schema.jdbcUrl(), "INKAN_DB_USER", schema.user,
                "INKAN_JWT_SECRET", secret);
        HttpJson a = start(shared);
        HttpJson b = start(shared);

        race(b, a, RevocationRaceTest::endOwnSession);
    }

    @Test
    void aSessionPastItsAbsoluteLifetime_cannotRefresh_howeverOftenItDid() throws Exception {
        HttpJson http = start(Map.of("INKAN_ACCESS_TTL", "PT1S", "INKAN_SESSION_MAX_LIFETIME", "PT3S"));
        String email = register(http);
        JsonNode login = body(http.post("/auth/login", credentials(email, PASSWORD)));
        assertThat(login.get("refresh_expires_in").asLong()).isEqualTo(3);

        JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
        assertThat(refreshed.get("refresh_expires_in").asLong()).isBetween(1L, 3L);
        Thread.sleep(3_100);

        HttpResponse<String> tooLate = http.post("/auth/refresh", refreshBody(refreshed.get("refresh_token").asText()));
        assertThat(tooLate.statusCode()).isEqualTo(401);
        assertThat(tooLate.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    /**
     * Round after round: log in, then send a refresh to {@code refresher} and the revoking call to
     * {@code revoker} at the same instant. After both answered, whatever the refresh returned is refused.
     */
    private void race(HttpJson refresher, HttpJson revoker, BiFunction<HttpJson, JsonNode, HttpResponse<String>> revoke)
            throws Exception {
        String email = register(revoker);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int refreshedFirst = 0;
            for (int round = 0; round < ROUNDS; round++) {
                JsonNode login = body(revoker.post("/auth/login", credentials(email, PASSWORD)));
                CountDownLatch start = new CountDownLatch(1);
                Future<HttpResponse<String>> refresh = pool.submit(() -> {
                    start.await();
                    return refresher.post("/auth/refresh", refreshBody(login.get("refresh_token").asText()));
                });
                Future<HttpResponse<String>> revoked = pool.submit(() -> {
                    start.await();
                    return revoke.apply(revoker, login);
                });
                start.countDown();
                assertThat(revoked.get().statusCode()).as("the revoking call, round %d", round).isEqualTo(204);
                HttpResponse<String> refreshed = refresh.get();
                assertThat(refreshed.statusCode()).as("the refresh, round %d", round).isIn(200, 401);
                if (refreshed.statusCode() == 200) {
                    refreshedFirst++;
                    JsonNode tokens = body(refreshed);
                    assertThat(refresher.post("/auth/refresh", refreshBody(tokens.get("refresh_token").asText())).statusCode())
                            .as("the successor's refresh token after round %d", round).isEqualTo(401);
                    assertThat(revoker.get("/auth/verify", access(tokens)).statusCode())
                            .as("the successor's access token where it was revoked, round %d", round).isEqualTo(401);
                    awaitRefused(refresher, access(tokens));
                }
            }
            System.out.printf("of %d races, the refresh answered first in %d%n", ROUNDS, refreshedFirst);
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> endOwnSession(HttpJson server, JsonNode login) {
        String sid = body(server.get("/auth/verify", access(login))).get("sid").asText();
        return server.send(HttpRequest.newBuilder(URI.create(server.base() + "/auth/sessions/" + sid))
                .header("Authorization", "Bearer " + access(login)).DELETE());
    }

    private static void awaitRefused(HttpJson server, String access) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        int status;
        do {
            status = server.get("/auth/verify", access).statusCode();
            if (status == 401) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(status).as("the successor's access token on the other instance within a second").isEqualTo(401);
    }

    private static String access(JsonNode tokens) {
        return tokens.get("access_token").asText();
    }

    private HttpJson start(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.resolve("instance-" + toClose.size()).toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        env.putAll(settings);
        InkanApplication app = InkanApplication.start(ConfigSource.of(env));
        toClose.add(app);
        return new HttpJson(app.port());
    }

    private static String register(HttpJson http) {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        assertThat(http.post("/auth/register", credentials(email, PASSWORD)).statusCode()).isEqualTo(201);
        return email;
    }
}
