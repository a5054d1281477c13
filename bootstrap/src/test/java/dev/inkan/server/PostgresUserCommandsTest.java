package dev.inkan.server;

import static dev.inkan.server.Await.awaitWithin;
import static dev.inkan.server.CommandRun.run;
import static dev.inkan.server.CommandRun.withInput;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code users} commands on PostgreSQL while a server runs on the same database: what they
 * change reaches the running server, through the database's notifications, within a second.
 */
class PostgresUserCommandsTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private PostgresSchema schema;
    private InkanApplication server;
    private HttpJson http;
    private Map<String, String> env;

    @BeforeEach
    void startAServer() {
        schema = PostgresSchema.create();
        env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_DB_URL", schema.jdbcUrl());
        env.put("INKAN_DB_USER", schema.user);
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        Map<String, String> serverEnv = new HashMap<>(env);
        serverEnv.put("INKAN_DATA_DIR", dataDir.resolve("server").toString());
        // the command line runs elsewhere, with a data folder of its own: all it shares with the server is the database
        env.put("INKAN_DATA_DIR", dataDir.resolve("operator").toString());
        server = InkanApplication.start(ConfigSource.of(serverEnv));
        http = new HttpJson(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        schema.close();
    }

    @Test
    void revoke_onTheCommandLine_makesTheRunningServerRefuseATokenIssuedBefore_withinASecond() {
        assertThat(withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com").exitCode()).isZero();
        assertThat(run(env, "users", "grant", "ann@example.com", "admin").exitCode()).isZero();
        JsonNode login = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
        String before = login.get("access_token").asText();
        assertThat(body(http.get("/auth/verify", before)).get("roles").toString()).isEqualTo("[\"admin\"]");

        CommandRun revoked = run(env, "users", "revoke", "ann@example.com", "admin");

        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        awaitWithin(Duration.ofSeconds(1), () -> http.get("/auth/verify", before).statusCode(), 401);
        assertThat(http.get("/admin/users", before).statusCode()).isEqualTo(401);
        JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
        assertThat(body(http.get("/auth/verify", refreshed.get("access_token").asText())).get("roles")).isEmpty();
    }

    @Test
    void grant_onTheCommandLine_showsInTheNextRefreshOnTheRunningServer() {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        JsonNode login = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));

        assertThat(run(env, "users", "grant", "ann@example.com", "billing:read").exitCode()).isZero();

        JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
        assertThat(body(http.get("/auth/verify", refreshed.get("access_token").asText())).get("roles").toString())
                .isEqualTo("[\"billing:read\"]");
    }

    @Test
    void disable_onTheCommandLine_endsTheUsersSessionsOnTheRunningServer_withinASecond() {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        JsonNode laptop = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
        JsonNode phone = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
        assertThat(body(http.get("/auth/sessions", laptop.get("access_token").asText())).get("sessions")).hasSize(2);

        CommandRun disabled = run(env, "users", "disable", "ann@example.com");

        assertThat(disabled.exitCode()).as(disabled.toString()).isZero();
        for (JsonNode session : new JsonNode[] {laptop, phone}) {
            awaitWithin(Duration.ofSeconds(1), () -> http.get("/auth/verify", session.get("access_token").asText()).statusCode(), 401);
            assertThat(http.post("/auth/refresh", refreshBody(session.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        }
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(403);

        assertThat(run(env, "users", "enable", "ann@example.com").exitCode()).isZero();
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void delete_onTheCommandLine_makesTheRunningServerRefuseTheUsersTokens_withinASecond() {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        String token = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD))).get("access_token").asText();

        assertThat(run(env, "users", "delete", "ann@example.com").exitCode()).isZero();

        awaitWithin(Duration.ofSeconds(1), () -> http.get("/auth/verify", token).statusCode(), 401);
        assertThat(run(env, "users", "list").out()).isEmpty();
    }

    @Test
    void list_showsTheUsersTheRunningServerRegistered() {
        String id = body(http.post("/auth/register", credentials("bob@example.com", PASSWORD))).get("id").asText();

        CommandRun listed = run(env, "users", "list");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).isEqualTo(id + "\tbob@example.com\t-\tenabled\n");
    }
}
