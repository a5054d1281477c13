package dev.inkan.server;

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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a running server (a proxy between them cuts every connection) and
 * comes back: verification keeps answering, calls that need the database answer 503 in seconds,
 * /health says what is down, and everything recovers without a restart.
 */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void duringAnOutage_verifyWorks_othersAnswer503Quickly_andAllRecovers() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create();
             TcpProxy proxy = new TcpProxy(schema.host, schema.port)) {
            Map<String, String> env = new HashMap<>();
            env.put("INKAN_HOST", "127.0.0.1");
            env.put("INKAN_PORT", "0");
            env.put("INKAN_MANAGEMENT_PORT", "0");
            env.put("INKAN_DATA_DIR", dataDir.toString());
            env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
            env.put("INKAN_DB_URL", schema.jdbcUrl("127.0.0.1", proxy.port()));
            env.put("INKAN_DB_USER", schema.user);
            try (InkanApplication app = InkanApplication.start(ConfigSource.of(env))) {
                HttpJson http = new HttpJson(app.port());
                http.post("/auth/register", credentials("outage@example.com", "correct horse battery"));
                JsonNode login = body(http.post("/auth/login", credentials("outage@example.com", "correct horse battery")));
                String access = login.get("access_token").asText();

                proxy.cut();

                assertThat(http.get("/auth/verify", access).statusCode()).as("stateless verification").isEqualTo(200);
                assertUnavailableWithin(Duration.ofSeconds(8),
                        () -> http.post("/auth/login", credentials("outage@example.com", "correct horse battery")));
                assertUnavailableWithin(Duration.ofSeconds(8),
                        () -> http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
                assertUnavailableWithin(Duration.ofSeconds(8), () -> http.get("/me", access));
                HttpResponse<String> health = http.get("/health", null);
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(body(health).get("checks").get("database").asText()).isEqualTo("DOWN");
                assertThat(http.get("/auth/verify", access).statusCode()).isEqualTo(200);

                proxy.restore();

                Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                while (http.get("/health", null).statusCode() != 200 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                }
                assertThat(http.get("/health", null).statusCode()).as("healthy again without a restart").isEqualTo(200);
                assertThat(http.get("/me", access).statusCode()).isEqualTo(200);
                assertThat(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())).statusCode())
                        .as("the refresh token refused only for the outage still works").isEqualTo(200);
                assertThat(http.post("/auth/login", credentials("outage@example.com", "correct horse battery")).statusCode())
                        .isEqualTo(200);
            }
        }
    }

    private static void assertUnavailableWithin(Duration limit, Supplier<HttpResponse<String>> call) {
        Instant start = Instant.now();
        HttpResponse<String> response = call.get();
        Duration took = Duration.between(start, Instant.now());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(took).as("answered in %s", took).isLessThan(limit);
    }
}
