package dev.inkan.server;

import static dev.inkan.server.Await.awaitWithin;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Inkan instances on one PostgreSQL, as behind a load balancer: tokens, refreshes and revocations cross over. */
class MultiInstanceTest {

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Map<String, String> instanceEnv;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void loginOnA_useOnB_refreshOnB_logoutOnA_isRefusedOnBWithinASecond() {
        HttpJson[] pair = instances("PT10S");
        HttpJson a = pair[0];
        HttpJson b = pair[1];
        String email = register(a);

        JsonNode login = body(a.post("/auth/login", credentials(email, "correct horse battery")));
        assertThat(b.get("/me", login.get("access_token").asText()).statusCode()).isEqualTo(200);

        JsonNode refreshed = body(b.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
        String access = refreshed.get("access_token").asText();
        assertThat(a.get("/auth/verify", access).statusCode()).isEqualTo(200);
        assertThat(b.get("/auth/verify", access).statusCode()).isEqualTo(200);

        assertThat(a.postWithToken("/auth/logout", access).statusCode()).isEqualTo(204);

        assertThat(a.get("/auth/verify", access).statusCode()).as("at once on A").isEqualTo(401);
        awaitWithin(Duration.ofSeconds(1), () -> b.get("/auth/verify", access).statusCode(), 401);
        String refresh = refreshed.get("refresh_token").asText();
        assertThat(a.post("/auth/refresh", refreshBody(refresh)).statusCode()).isEqualTo(401);
        assertThat(b.post("/auth/refresh", refreshBody(refresh)).statusCode()).isEqualTo(401);
    }

    /**
     * A role taken away on A refuses, on B within a second, every token issued before, including
     * one B minted in the same second by a refresh racing the removal.
     */
    @Test
    void aRoleRemovedOnA_isRefusedOnBWithinASecond_alsoForATokenARacingRefreshMintedOnB() {
        HttpJson[] pair = instances("PT10S");
        HttpJson a = pair[0];
        HttpJson b = pair[1];
        String user = body(a.post("/auth/register", credentials("ann-" + UUID.randomUUID() + "@example.com",
                "correct horse battery"))).get("id").asText();
        String admin = adminToken(a);
        String email = body(a.get("/admin/users/" + user, admin)).get("email").asText();
        for (int round = 0; round < 10; round++) {
            grant(a, admin, user, "billing:read");
            JsonNode login = body(b.post("/auth/login", credentials(email, "correct horse battery")));
            String before = login.get("access_token").asText();
            assertThat(b.get("/auth/verify", before).statusCode()).isEqualTo(200);
            java.util.concurrent.CompletableFuture<HttpResponse<String>> racing = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> b.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));

            assertThat(a.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(a.base() + "/admin/users/" + user
                    + "/roles/billing:read")).header("Authorization", "Bearer " + admin).DELETE()).statusCode()).isEqualTo(200);

            String minted = body(racing.join()).get("access_token").asText();
            awaitWithin(Duration.ofSeconds(1), () -> b.get("/auth/verify", before).statusCode(), 401);
            HttpResponse<String> mintedOnB = b.get("/auth/verify", minted);
            if (mintedOnB.statusCode() == 200) {
                assertThat(body(mintedOnB).get("roles").toString()).as("round " + round).doesNotContain("billing:read");
            }
        }
    }

    @Test
    void reusingARotatedRefreshToken_endsItsFamilyOnEveryInstance() {
        HttpJson[] pair = instances("PT0S");
        HttpJson a = pair[0];
        HttpJson b = pair[1];
        String email = register(a);
        JsonNode login = body(a.post("/auth/login", credentials(email, "correct horse battery")));
        String stolen = login.get("refresh_token").asText();
        JsonNode rotated = body(a.post("/auth/refresh", refreshBody(stolen)));
        String access = rotated.get("access_token").asText();
        assertThat(b.get("/me", access).statusCode()).isEqualTo(200);

        assertThat(b.post("/auth/refresh", refreshBody(stolen)).statusCode()).as("the thief's reuse").isEqualTo(401);

        assertThat(a.post("/auth/refresh", refreshBody(rotated.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        assertThat(b.get("/me", access).statusCode()).isEqualTo(401);
        awaitWithin(Duration.ofSeconds(1), () -> a.get("/me", access).statusCode(), 401);
    }

    @Test
    void twentyConcurrentRefreshes_overTwoInstances_withTheDefaultGrace_allGetTheSameSuccessor() throws Exception {
        HttpJson[] pair = instances(null);
        String email = register(pair[0]);
        String token = body(pair[0].post("/auth/login", credentials(email, "correct horse battery"))).get("refresh_token").asText();

        List<HttpResponse<String>> answers = refreshConcurrently(pair, token, 20);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(answer -> body(answer).get("refresh_token").asText()).distinct().toList())
                .as("one successor for all").hasSize(1);
        String successor = body(answers.get(0)).get("refresh_token").asText();
        assertThat(pair[1].post("/auth/refresh", refreshBody(successor)).statusCode()).as("and it works").isEqualTo(200);
    }

    @Test
    void twentyConcurrentRefreshes_overTwoInstances_withTheGraceOff_exactlyOneSucceeds() throws Exception {
        HttpJson[] pair = instances("PT0S");
        String email = register(pair[0]);
        String token = body(pair[0].post("/auth/login", credentials(email, "correct horse battery"))).get("refresh_token").asText();

        List<HttpResponse<String>> answers = refreshConcurrently(pair, token, 20);

        assertThat(answers.stream().filter(answer -> answer.statusCode() == 200).count()).isEqualTo(1);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 401));
    }

    @Test
    void sessions_areListedAndEndedAcrossInstances() {
        HttpJson[] pair = instances("PT10S");
        String email = register(pair[0]);
        JsonNode laptop = body(pair[0].post("/auth/login", credentials(email, "correct horse battery")));
        JsonNode phone = body(pair[1].post("/auth/login", credentials(email, "correct horse battery")));
        String laptopAccess = laptop.get("access_token").asText();

        JsonNode sessions = body(pair[1].get("/auth/sessions", laptopAccess)).get("sessions");
        assertThat(sessions).hasSize(2);
        String phoneSession = body(pair[1].get("/auth/verify", phone.get("access_token").asText())).get("sid").asText();

        assertThat(pair[0].send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base(pair[0]) + "/auth/sessions/" + phoneSession))
                .header("Authorization", "Bearer " + laptopAccess).DELETE()).statusCode()).isEqualTo(204);

        awaitWithin(Duration.ofSeconds(1), () -> pair[1].get("/me", phone.get("access_token").asText()).statusCode(), 401);
        assertThat(pair[1].post("/auth/refresh", refreshBody(phone.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        assertThat(body(pair[0].get("/auth/sessions", laptopAccess)).get("sessions")).hasSize(1);
        assertThat(pair[0].get("/me", laptopAccess).statusCode()).isEqualTo(200);
    }

    @Test
    void failedLogins_areCountedAcrossInstances_soTheSixthIsRefusedWherever() {
        HttpJson[] pair = instances("PT10S");
        String email = register(pair[0]);

        for (int i = 0; i < 5; i++) {
            assertThat(pair[i % 2].post("/auth/login", credentials(email, "wrong password")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> sixth = pair[1].post("/auth/login", credentials(email, "wrong password"));

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(pair[0].post("/auth/login", credentials(email, "correct horse battery")).statusCode()).isEqualTo(429);
    }

    /** The first administrator, made on the shared database while the instances run, as the command line does. */
    private String adminToken(HttpJson instance) {
        String email = "root-" + UUID.randomUUID() + "@example.com";
        FirstAdmin.create(instanceEnv, email, "correct horse battery");
        return body(instance.post("/auth/login", credentials(email, "correct horse battery"))).get("access_token").asText();
    }

    private static void grant(HttpJson instance, String adminToken, String user, String role) {
        HttpResponse<String> granted = instance.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(instance.base()
                        + "/admin/users/" + user + "/roles")).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")));
        assertThat(granted.statusCode()).isEqualTo(200);
    }

    private static String base(HttpJson http) {
        return http.base();
    }

    private static List<HttpResponse<String>> refreshConcurrently(HttpJson[] pair, String token, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                HttpJson instance = pair[i % 2];
                futures.add(pool.submit(() -> {
                    start.await();
                    return instance.post("/auth/refresh", refreshBody(token));
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpJson[] instances(String grace) {
        PostgresSchema schema = PostgresSchema.create();
        toClose.add(schema);
        String secret = TestTokens.b64(TestTokens.randomKey(32));
        HttpJson[] pair = new HttpJson[2];
        for (int i = 0; i < 2; i++) {
            Map<String, String> env = new HashMap<>();
            env.put("INKAN_HOST", "127.0.0.1");
            env.put("INKAN_PORT", "0");
            env.put("INKAN_MANAGEMENT_PORT", "0");
            env.put("INKAN_DATA_DIR", dataDir.resolve("instance-" + i).toString());
            env.put("INKAN_JWT_SECRET", secret);
            env.put("INKAN_DB_URL", schema.jdbcUrl());
            env.put("INKAN_DB_USER", schema.user);
            if (grace != null) {
                env.put("INKAN_REFRESH_REUSE_GRACE", grace);
            }
            instanceEnv = env;
            InkanApplication app = InkanApplication.start(ConfigSource.of(env));
            toClose.add(app);
            pair[i] = new HttpJson(app.port());
        }
        return pair;
    }

    private static String register(HttpJson http) {
        String email = "multi-" + UUID.randomUUID() + "@example.com";
        assertThat(http.post("/auth/register", credentials(email, "correct horse battery")).statusCode()).isEqualTo(201);
        return email;
    }
}
