package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.domain.Session;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's "last used" in {@code GET /auth/sessions}, as its owner sees it: to the minute. A
 * refresh within a minute of the recorded last use leaves it as it was (so most refreshes write no
 * session row); the first refresh after that minute moves it to the refresh. On H2 and PostgreSQL.
 */
class SessionLastUseTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock();

    @Test
    void lastUse_onH2_movesOnlyOnceItIsAMinuteOld() {
        lastUseMovesOnlyOnceItIsAMinuteOld(Map.of());
    }

    @Test
    void lastUse_onPostgres_movesOnlyOnceItIsAMinuteOld() {
        try (PostgresSchema schema = PostgresSchema.create()) {
            lastUseMovesOnlyOnceItIsAMinuteOld(Map.of("INKAN_DB_URL", schema.jdbcUrl(), "INKAN_DB_USER", schema.user));
        }
    }

    private void lastUseMovesOnlyOnceItIsAMinuteOld(Map<String, String> database) {
        Map<String, String> env = new HashMap<>(database);
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env), builder -> builder.clock(clock))) {
            HttpJson http = new HttpJson(app.port());
            assertThat(http.post("/auth/register", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(201);
            JsonNode tokens = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
            JsonNode loggedIn = onlySession(http, tokens);
            assertThat(loggedIn.get("last_used_at").asText()).isEqualTo(loggedIn.get("created_at").asText());

            clock.advance(Session.LAST_USE_PRECISION.minusSeconds(5));
            tokens = refreshed(http, tokens);
            assertThat(onlySession(http, tokens).get("last_used_at").asText())
                    .as("refreshed within the minute").isEqualTo(loggedIn.get("created_at").asText());

            clock.advance(Duration.ofSeconds(10));
            Instant before = clock.instant();
            tokens = refreshed(http, tokens);
            Instant after = clock.instant();
            Instant lastUse = Instant.parse(onlySession(http, tokens).get("last_used_at").asText());
            assertThat(lastUse).as("refreshed past the minute").isBetween(before.minusMillis(1), after);
        }
    }

    private static JsonNode refreshed(HttpJson http, JsonNode tokens) {
        HttpResponse<String> answer = http.post("/auth/refresh", refreshBody(tokens.get("refresh_token").asText()));
        assertThat(answer.statusCode()).isEqualTo(200);
        return body(answer);
    }

    private static JsonNode onlySession(HttpJson http, JsonNode tokens) {
        JsonNode sessions = body(http.get("/auth/sessions", tokens.get("access_token").asText())).get("sessions");
        assertThat(sessions).hasSize(1);
        return sessions.get(0);
    }
}
