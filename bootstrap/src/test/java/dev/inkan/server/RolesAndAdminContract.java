package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles and the admin API over HTTP, on the standalone server, as a user and an operator meet
 * them: the first administrator made on the database before the server starts, then everything
 * through the API. Run on H2 and on PostgreSQL.
 */
abstract class RolesAndAdminContract {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Map<String, String> env;
    private InkanApplication app;
    HttpJson http;
    private String adminToken;

    /** Adds the database settings for this database to {@code env}, and what to close after the test to {@code toClose}. */
    abstract void database(Map<String, String> env, List<AutoCloseable> toClose);

    @BeforeEach
    void start() {
        env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        database(env, toClose);
        FirstAdmin.create(env, "root@example.com", PASSWORD);
        restart();
        adminToken = login("root@example.com").get("access_token").asText();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    void restart() {
        if (app != null) {
            app.close();
        }
        app = InkanApplication.start(ConfigSource.of(env));
        http = new HttpJson(app.port());
    }

    @Test
    void anAdminsToken_carriesTheRole_andVerifyShowsIt() {
        JsonNode claims = body(http.get("/auth/verify", adminToken));

        assertThat(claims.get("roles")).hasSize(1);
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("admin");
        assertThat(claims.get("rv").asLong()).isZero();
    }

    @Test
    void withoutTheRole_everyAdminCallIs403_alike_andWithoutATokenIs401() {
        String user = registered("ann@example.com");
        String token = login("ann@example.com").get("access_token").asText();
        String nobody = UUID.randomUUID().toString();

        List<HttpResponse<String>> refused = List.of(
                http.get("/admin/users", token),
                http.get("/admin/users/" + user, token),
                http.get("/admin/users/" + nobody, token),
                http.get("/admin/users/not-a-uuid", token),
                http.send(withToken("/admin/users/" + nobody + "/roles", token).POST(BodyPublishers.ofString("{\"role\":\"admin\"}"))),
                http.send(withToken("/admin/users/" + user + "/roles/admin", token).DELETE()),
                http.postWithToken("/admin/users/" + user + "/disable", token),
                http.postWithToken("/admin/users/" + user + "/enable", token),
                http.postWithToken("/admin/users/" + user + "/logout-all", token),
                http.send(withToken("/admin/users/" + user, token).DELETE()));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("error=\"insufficient_scope\""));
            assertThat(body(answer).get("type").asText()).endsWith("insufficient-role");
        });
        assertThat(refused.stream().map(answer -> body(answer).get("detail").asText()).distinct()).as("no hint of what exists").hasSize(1);
        assertThat(http.get("/admin/users", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/admin/users/" + user, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aGrantedRole_showsInTheNextRefresh_notBefore() {
        String user = registered("ann@example.com");
        JsonNode login = login("ann@example.com");

        HttpResponse<String> granted = grant(user, "billing:read");

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(body(granted).get("roles").toString()).isEqualTo("[\"billing:read\"]");
        assertThat(body(http.get("/auth/verify", login.get("access_token").asText())).get("roles")).isEmpty();
        JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
        assertThat(body(http.get("/auth/verify", refreshed.get("access_token").asText())).get("roles").toString())
                .isEqualTo("[\"billing:read\"]");
    }

    @Test
    void aRemovedRole_refusesEveryTokenIssuedBefore_atOnce_andTheNextRefreshHasNoRole() {
        String user = registered("ann@example.com");
        grant(user, "billing:read");
        grant(user, "reports");
        JsonNode login = login("ann@example.com");
        String withRole = login.get("access_token").asText();
        assertThat(http.get("/auth/verify", withRole).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = http.send(withToken("/admin/users/" + user + "/roles/billing:read", adminToken).DELETE());

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(body(revoked).get("roles").toString()).isEqualTo("[\"reports\"]");
        assertThat(http.get("/auth/verify", withRole).statusCode()).isEqualTo(401);
        JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
        JsonNode claims = body(http.get("/auth/verify", refreshed.get("access_token").asText()));
        assertThat(claims.get("roles").toString()).isEqualTo("[\"reports\"]");
        assertThat(claims.get("rv").asLong()).isEqualTo(1);
    }

    /** A refresh racing the removal: whichever comes first, no token that the refresh returns keeps the role. */
    @Test
    void aRefreshRacingARoleRemoval_neverYieldsATokenThatKeepsTheRole() {
        String user = registered("ann@example.com");
        for (int round = 0; round < 20; round++) {
            grant(user, "billing:read");
            String refresh = login("ann@example.com").get("refresh_token").asText();
            CompletableFuture<HttpResponse<String>> refreshing = CompletableFuture.supplyAsync(
                    () -> http.post("/auth/refresh", refreshBody(refresh)));
            HttpResponse<String> removal = http.send(withToken("/admin/users/" + user + "/roles/billing:read", adminToken).DELETE());
            HttpResponse<String> refreshed = refreshing.join();

            assertThat(removal.statusCode()).isEqualTo(200);
            assertThat(refreshed.statusCode()).isEqualTo(200);
            String token = body(refreshed).get("access_token").asText();
            HttpResponse<String> verified = http.get("/auth/verify", token);
            if (verified.statusCode() == 200) {
                assertThat(body(verified).get("roles").toString()).as("round " + round).doesNotContain("billing:read");
            } else {
                assertThat(verified.statusCode()).isEqualTo(401);
            }
        }
    }

    @Test
    void disabling_endsTheSessions_andRefusesLogin_onlyOnceThePasswordIsRight_untilEnabled() {
        String user = registered("ann@example.com");
        JsonNode login = login("ann@example.com");

        HttpResponse<String> disabled = http.postWithToken("/admin/users/" + user + "/disable", adminToken);

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(body(disabled).get("disabled").asBoolean()).isTrue();
        assertThat(http.get("/me", login.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        HttpResponse<String> rightPassword = http.post("/auth/login", credentials("ann@example.com", PASSWORD));
        assertThat(rightPassword.statusCode()).isEqualTo(403);
        assertThat(body(rightPassword).get("type").asText()).endsWith("account-disabled");
        HttpResponse<String> wrongPassword = http.post("/auth/login", credentials("ann@example.com", "wrong password!"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(body(wrongPassword).get("type").asText()).endsWith("invalid-credentials");

        assertThat(body(http.postWithToken("/admin/users/" + user + "/enable", adminToken)).get("disabled").asBoolean()).isFalse();
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void deleting_removesTheAccount_andItsTokensStayRefused_afterARestart() {
        String user = registered("ann@example.com");
        JsonNode login = login("ann@example.com");
        String access = login.get("access_token").asText();

        assertThat(http.send(withToken("/admin/users/" + user, adminToken).DELETE()).statusCode()).isEqualTo(204);

        assertThat(http.get("/auth/verify", access).statusCode()).isEqualTo(401);
        assertThat(http.get("/admin/users/" + user, adminToken).statusCode()).isEqualTo(404);
        restart();
        assertThat(http.get("/auth/verify", access).statusCode()).as("after a restart").isEqualTo(401);
        assertThat(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdmin_cannotDisableOrDeleteTheirOwnAccount() {
        String self = body(http.get("/auth/verify", adminToken)).get("sub").asText();

        assertThat(http.postWithToken("/admin/users/" + self + "/disable", adminToken).statusCode()).isEqualTo(409);
        assertThat(http.send(withToken("/admin/users/" + self, adminToken).DELETE()).statusCode()).isEqualTo(409);
        assertThat(http.get("/auth/verify", adminToken).statusCode()).isEqualTo(200);
    }

    @Test
    void theUserList_filtersByEmailPrefix_andPages() {
        for (String email : List.of("ann@example.com", "anna@example.com", "bob@example.com")) {
            registered(email);
        }

        JsonNode first = body(http.get("/admin/users?email=ann&limit=1", adminToken));
        JsonNode second = body(http.get("/admin/users?email=ann&limit=1&after=" + first.get("next").asText(), adminToken));

        assertThat(first.get("users").get(0).get("email").asText()).isEqualTo("ann@example.com");
        assertThat(second.get("users").get(0).get("email").asText()).isEqualTo("anna@example.com");
        assertThat(second.has("next")).isFalse();
        assertThat(body(http.get("/admin/users", adminToken)).get("users")).hasSize(4);
        assertThat(http.get("/admin/users?limit=0", adminToken).statusCode()).isEqualTo(400);
        assertThat(http.get("/admin/users?limit=lots", adminToken).statusCode()).isEqualTo(400);
        assertThat(http.get("/admin/users?email=%00", adminToken).statusCode()).as("a control character").isEqualTo(400);
        assertThat(http.get("/admin/users?email=" + "a".repeat(255), adminToken).statusCode()).isEqualTo(400);
        assertThat(http.get("/admin/users?after=not-an-email", adminToken).statusCode()).isEqualTo(400);
    }

    @Test
    void aUser_isShownWithRolesSessionsAndState_andBadInputIs4xx() {
        String user = registered("ann@example.com");
        login("ann@example.com");

        JsonNode shown = body(http.get("/admin/users/" + user, adminToken));

        assertThat(shown.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(shown.get("sessions")).hasSize(1);
        assertThat(shown.get("disabled").asBoolean()).isFalse();
        assertThat(shown.has("password_hash")).isFalse();
        assertThat(http.get("/admin/users/not-a-uuid", adminToken).statusCode()).isEqualTo(400);
        assertThat(http.get("/admin/users/" + UUID.randomUUID(), adminToken).statusCode()).isEqualTo(404);
        assertThat(grant(user, "Not A Role").statusCode()).isEqualTo(400);
        assertThat(http.send(withToken("/admin/users/" + user + "/roles", adminToken).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("[]"))).statusCode()).isEqualTo(400);
        assertThat(http.send(withToken("/admin/users/" + user + "/roles", adminToken).POST(BodyPublishers.ofString("[]")))
                .statusCode()).as("not JSON").isEqualTo(415);
        assertThat(http.postWithToken("/admin/users/" + user + "/logout-all", adminToken).statusCode()).isEqualTo(204);
        assertThat(body(http.get("/admin/users/" + user, adminToken)).get("sessions")).isEmpty();
    }

    String registered(String email) {
        HttpResponse<String> answer = http.post("/auth/register", credentials(email, PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(201);
        return body(answer).get("id").asText();
    }

    JsonNode login(String email) {
        HttpResponse<String> answer = http.post("/auth/login", credentials(email, PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(200);
        return body(answer);
    }

    HttpResponse<String> grant(String user, String role) {
        return http.send(withToken("/admin/users/" + user + "/roles", adminToken)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(HttpJson.JSON.createObjectNode().put("role", role).toString())));
    }

    HttpRequest.Builder withToken(String path, String token) {
        return HttpRequest.newBuilder(URI.create(http.base() + path)).header("Authorization", "Bearer " + token);
    }
}
