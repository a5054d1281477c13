package dev.inkan.server;

import static dev.inkan.server.Await.awaitWithin;
import static dev.inkan.server.CommandRun.run;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Inkan instances on one PostgreSQL schema with their keys in the database, and the operator's
 * command line beside them: they start at once with one key set; {@code keys rotate} runs while
 * verifies and refreshes run against both, and not one request fails; the new key is in both JWKS at
 * once and signs on both after the publish delay, each instance accepting the other's tokens; after
 * {@code keys retire OLD}, both refuse the old key's tokens within a second.
 */
class PostgresKeyRotationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String KEK = TestTokens.b64(TestTokens.randomKey(32));
    private static final Pattern PUBLISHED = Pattern.compile("published key (\\S+) \\(EdDSA\\); it signs from (\\S+)");

    @TempDir
    Path dataDir;

    private PostgresSchema schema;
    private final List<InkanApplication> instances = new ArrayList<>();
    private final List<HttpJson> http = new ArrayList<>();
    private Map<String, String> operator;

    @BeforeEach
    void twoInstancesStartingAtOnce() throws Exception {
        schema = PostgresSchema.create();
        List<CompletableFuture<InkanApplication>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, String> env = env("instance-" + i);
            starting.add(CompletableFuture.supplyAsync(() -> InkanApplication.start(ConfigSource.of(env))));
        }
        for (CompletableFuture<InkanApplication> started : starting) {
            InkanApplication app = started.get();
            instances.add(app);
            http.add(new HttpJson(app.port()));
        }
        operator = env("operator");
    }

    @AfterEach
    void stop() {
        instances.forEach(InkanApplication::close);
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void rotatingUnderLoad_failsNoRequest_thenRetiringTheOldKey_refusesItsTokensOnBothWithinASecond() throws Exception {
        List<String> listed = run(operator, "keys", "list").lines();
        assertThat(listed).as("two instances that started at once keep one key set").hasSize(1);
        String old = listed.get(0).split("\t")[0];
        assertThat(jwksKids(http.get(0))).containsExactly(old);
        assertThat(jwksKids(http.get(1))).containsExactly(old);
        String email = "ann-" + UUID.randomUUID() + "@example.com";
        http.get(0).post("/auth/register", credentials(email, PASSWORD));
        String underOld = body(http.get(0).post("/auth/login", credentials(email, PASSWORD))).get("access_token").asText();

        List<String> failures = new CopyOnWriteArrayList<>();
        Set<String> kidsSigned = ConcurrentHashMap.newKeySet();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            String refresh = body(http.get(worker % 2).post("/auth/login", credentials(email, PASSWORD))).get("refresh_token").asText();
            int first = worker % 2;
            workers.add(load.submit(() -> verifyAndRefresh(refresh, first, loading, failures, kidsSigned)));
        }

        CommandRun rotate = run(operator, "keys", "rotate");
        assertThat(rotate.exitCode()).as(rotate.toString()).isZero();
        Matcher published = PUBLISHED.matcher(rotate.lines().get(0));
        assertThat(published.matches()).as(rotate.out()).isTrue();
        String rotated = published.group(1);
        Instant signsFrom = Instant.parse(published.group(2));
        assertThat(rotate.lines().get(1)).startsWith("key " + old + " retires at ");

        for (HttpJson instance : http) {
            awaitWithin(Duration.ofSeconds(1), () -> jwksKids(instance).contains(rotated) ? 200 : 0, 200);
        }
        assertThat(Instant.now()).as("published before it signs").isBefore(signsFrom);
        awaitWithin(Duration.ofSeconds(2).plus(Duration.between(Instant.now(), signsFrom)),
                () -> kidsSigned.contains(rotated) ? 200 : 0, 200);
        for (HttpJson instance : http) {
            String fresh = body(instance.post("/auth/login", credentials(email, PASSWORD))).get("access_token").asText();
            assertThat(TestTokens.header(fresh).get("kid").asText()).as("after the delay, both sign with the new key")
                    .isEqualTo(rotated);
            for (HttpJson other : http) {
                assertThat(other.get("/auth/verify", fresh).statusCode()).as("each accepts the other's tokens").isEqualTo(200);
            }
        }
        loading.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        load.shutdown();
        assertThat(failures).as("not one request failed during the rotation").isEmpty();
        assertThat(kidsSigned).contains(old, rotated);
        assertThat(run(operator, "keys", "list").lines()).extracting(line -> line.split("\t")[2]).containsExactly("verifying", "signing");

        for (HttpJson instance : http) {
            assertThat(instance.get("/auth/verify", underOld).statusCode()).as("the old key verifies until retired").isEqualTo(200);
        }
        CommandRun retire = run(operator, "keys", "retire", old);
        assertThat(retire.exitCode()).as(retire.toString()).isZero();

        for (HttpJson instance : http) {
            awaitWithin(Duration.ofSeconds(1), () -> instance.get("/auth/verify", underOld).statusCode(), 401);
            assertThat(jwksKids(instance)).containsExactly(rotated);
        }
    }

    /** One user's session: a refresh on one instance, its token verified on both, then the same from the other. */
    private void verifyAndRefresh(String refreshToken, int first, AtomicBoolean loading, List<String> failures, Set<String> kids) {
        String refresh = refreshToken;
        int turn = first;
        while (loading.get() && failures.size() < 10) {
            HttpResponse<String> refreshed = http.get(turn % 2).post("/auth/refresh", refreshBody(refresh));
            if (refreshed.statusCode() != 200) {
                failures.add("refresh on instance " + turn % 2 + ": " + refreshed.statusCode() + " " + refreshed.body());
                return;
            }
            JsonNode tokens = body(refreshed);
            refresh = tokens.get("refresh_token").asText();
            String access = tokens.get("access_token").asText();
            kids.add(TestTokens.header(access).get("kid").asText());
            for (int instance = 0; instance < 2; instance++) {
                HttpResponse<String> verified = http.get(instance).get("/auth/verify", access);
                if (verified.statusCode() != 200) {
                    failures.add("verify on instance " + instance + " of a token of instance " + turn % 2 + ": "
                            + verified.statusCode() + " " + verified.body());
                }
            }
            turn++;
        }
    }

    private static List<String> jwksKids(HttpJson instance) {
        JsonNode keys = body(instance.get("/.well-known/jwks.json", null)).get("keys");
        return StreamSupport.stream(keys.spliterator(), false).map(key -> key.get("kid").asText()).toList();
    }

    private Map<String, String> env(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.resolve(name).toString());
        env.put("INKAN_DB_URL", schema.jdbcUrl());
        env.put("INKAN_DB_USER", schema.user);
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        env.put("INKAN_JWT_ALG", "EdDSA");
        env.put("INKAN_ISSUER", "http://127.0.0.1");
        env.put("INKAN_KEY_STORE", "database");
        env.put("INKAN_KEY_ENCRYPTION_KEY", KEK);
        env.put("INKAN_KEY_PUBLISH_DELAY", "PT2S");
        return env;
    }
}
