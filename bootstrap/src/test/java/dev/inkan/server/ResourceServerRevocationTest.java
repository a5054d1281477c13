package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.bootstrap.ConfigSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across processes, as a user deploys it: Inkan, and a resource server in a process of its own that
 * verifies Inkan's tokens with inkan-verifier and follows {@code GET /auth/revocations}. A logout on
 * Inkan is refused by the resource server within a second: on H2 with EdDSA keys from the JWK Set,
 * and on PostgreSQL with HS256 keys of its own, the logout made on another Inkan instance than the one
 * whose feed the resource server follows.
 */
class ResourceServerRevocationTest {

    private static final Duration A_SECOND = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final String feedToken = TestTokens.b64(TestTokens.randomKey(32));
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void aLogoutOnInkan_isRefusedByTheResourceServer_withinASecond() throws Exception {
        int port = freePort();
        String issuer = "http://127.0.0.1:" + port;
        Map<String, String> env = env(port, issuer, "h2");
        env.put("INKAN_JWT_ALG", "EdDSA");
        HttpJson inkan = new HttpJson(start(env).port());
        ResourceServerProcess resourceServer = resourceServer(issuer, Map.of("RS_FEED_TOKEN", feedToken));

        String email = "rs-" + UUID.randomUUID() + "@example.com";
        String userId = body(inkan.post("/auth/register", credentials(email, "correct horse battery"))).get("id").asText();
        String token = login(inkan, email);
        HttpResponse<String> accepted = resourceServer.hello(token);
        assertThat(accepted.statusCode()).as(resourceServer.output()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("hello " + userId);

        assertThat(inkan.postWithToken("/auth/logout", token).statusCode()).isEqualTo(204);

        assertRefusedWithinASecond(resourceServer, token);
        String afterwards = login(inkan, email);
        assertThat(resourceServer.hello(afterwards).statusCode()).as("a new login is good").isEqualTo(200);
        assertThat(inkan.postWithToken("/auth/logout-all", afterwards).statusCode()).isEqualTo(204);
        assertRefusedWithinASecond(resourceServer, afterwards);
    }

    @Test
    void onPostgres_aLogoutOnAnotherInstance_reachesTheResourceServerFollowingThisOne_withinASecond() throws Exception {
        PostgresSchema schema = PostgresSchema.create();
        toClose.add(schema);
        String keys = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"shared-hs256\",\"alg\":\"HS256\",\"k\":\""
                + TestTokens.b64(TestTokens.randomKey(32)) + "\"}]}";
        Path keysFile = Files.writeString(dir.resolve("keys.json"), keys);
        int portA = freePort();
        String issuer = "http://127.0.0.1:" + portA;
        HttpJson[] instances = new HttpJson[2];
        for (int i = 0; i < 2; i++) {
            Map<String, String> env = env(i == 0 ? portA : 0, issuer, "instance-" + i);
            env.put("INKAN_JWT_KEYS_FILE", keysFile.toString());
            env.put("INKAN_DB_URL", schema.jdbcUrl());
            env.put("INKAN_DB_USER", schema.user);
            instances[i] = new HttpJson(start(env).port());
        }
        ResourceServerProcess resourceServer = resourceServer(issuer, Map.of("RS_FEED_TOKEN", feedToken, "RS_HMAC_JWKS", keys));

        String email = "rs-pg-" + UUID.randomUUID() + "@example.com";
        assertThat(instances[1].post("/auth/register", credentials(email, "correct horse battery")).statusCode()).isEqualTo(201);
        String token = login(instances[1], email);
        assertThat(resourceServer.hello(token).statusCode()).as(resourceServer.output()).isEqualTo(200);

        assertThat(instances[1].postWithToken("/auth/logout", token).statusCode()).isEqualTo(204);

        assertRefusedWithinASecond(resourceServer, token);
    }

    private static void assertRefusedWithinASecond(ResourceServerProcess resourceServer, String token) throws Exception {
        long deadline = System.nanoTime() + A_SECOND.toNanos();
        HttpResponse<String> answer = resourceServer.hello(token);
        while (answer.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            answer = resourceServer.hello(token);
        }
        assertThat(answer.statusCode()).as("refused within a second\n" + resourceServer.output()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("REVOKED");
    }

    private String login(HttpJson inkan, String email) {
        HttpResponse<String> login = inkan.post("/auth/login", credentials(email, "correct horse battery"));
        assertThat(login.statusCode()).isEqualTo(200);
        return body(login).get("access_token").asText();
    }

    private InkanApplication start(Map<String, String> env) {
        InkanApplication app = InkanApplication.start(ConfigSource.of(env));
        toClose.add(app);
        return app;
    }

    private ResourceServerProcess resourceServer(String issuer, Map<String, String> env) throws Exception {
        ResourceServerProcess process = new ResourceServerProcess(issuer, env);
        toClose.add(process);
        return process;
    }

    private Map<String, String> env(int port, String issuer, String dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", Integer.toString(port));
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dir.resolve(dataDir).toString());
        env.put("INKAN_ISSUER", issuer);
        env.put("INKAN_REVOCATION_FEED_TOKENS", feedToken);
        env.put("INKAN_REVOCATION_FEED_HEARTBEAT", "PT1S");
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
