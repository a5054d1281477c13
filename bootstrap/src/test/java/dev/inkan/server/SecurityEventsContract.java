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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security log over HTTP, on the standalone server, as a user, an administrator and an
 * operator meet it: what each flow records, with whose name and from where, what {@code /me/events}
 * and {@code /admin/events} show, what a deletion leaves, what the metrics count, and that no
 * password, token or e-mail ever gets in. Run on H2 and on PostgreSQL.
 */
abstract class SecurityEventsContract {

    static final String PASSWORD = "correct horse battery";
    static final String WRONG = "wrong horse battery";
    static final String ADMIN_AGENT = "AdminConsole/2.0";

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG));
    Map<String, String> env;
    private InkanApplication app;
    HttpJson http;
    private String adminToken;
    private String rootId;

    /** Adds the database settings for this database to {@code env}, and what to close after the test to {@code toClose}. */
    abstract void database(Map<String, String> env, List<AutoCloseable> toClose);

    /** A connection to the server's database, in its schema, that may run beside the server. */
    abstract Connection connect() throws SQLException;

    @BeforeEach
    void start() {
        env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        env.put("INKAN_REFRESH_REUSE_GRACE", "PT0S"); // a spent token presented again is reuse at once
        database(env, toClose);
        FirstAdmin.create(env, "root@example.com", PASSWORD);
        restart();
        JsonNode root = login("root@example.com", ADMIN_AGENT, "req-root");
        adminToken = root.get("access_token").asText();
        rootId = claims(adminToken).get("sub").asText();
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
    void aUsersOwnFlows_areRecorded_withTheirSession_address_userAgent_andRequestId_newestFirst() {
        String ann = registered("ann@example.com");
        JsonNode first = login("ann@example.com", "AnnBrowser/1.0", "req-login-1");
        assertThat(call("POST", "/auth/login", null, credentials("ann@example.com", WRONG), "Guesser/0.1", "req-wrong").statusCode())
                .isEqualTo(401);
        String spent = first.get("refresh_token").asText();
        assertThat(call("POST", "/auth/refresh", null, refreshBody(spent), "AnnBrowser/1.0", "req-refresh").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/auth/refresh", null, refreshBody(spent), "Thief/6.6", "req-reuse").statusCode()).isEqualTo(401);
        JsonNode second = login("ann@example.com", "AnnPhone/3", "req-login-2");
        assertThat(call("POST", "/auth/logout", token(second), null, "AnnPhone/3", "req-logout").statusCode()).isEqualTo(204);
        JsonNode third = login("ann@example.com", "AnnTablet/1", "req-login-3");
        JsonNode fourth = login("ann@example.com", "AnnLaptop/9", "req-login-4");
        assertThat(call("DELETE", "/auth/sessions/" + sid(third), token(fourth), null, "AnnLaptop/9", "req-end").statusCode())
                .isEqualTo(204);
        assertThat(call("POST", "/auth/logout-all", token(fourth), null, "AnnLaptop/9", "req-all").statusCode()).isEqualTo(204);
        JsonNode fifth = login("ann@example.com", "AnnLaptop/9", "req-login-5");

        List<JsonNode> events = myEvents(token(fifth));

        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly(
                "login_succeeded", "logout_all", "session_ended", "login_succeeded", "login_succeeded", "logout",
                "login_succeeded", "refresh_reuse_detected", "login_failed", "login_succeeded");
        assertThat(events).extracting(event -> event.get("request_id").asText()).containsExactly(
                "req-login-5", "req-all", "req-end", "req-login-4", "req-login-3", "req-logout", "req-login-2", "req-reuse",
                "req-wrong", "req-login-1");
        assertThat(events).extracting(event -> event.get("user_agent").asText()).containsExactly(
                "AnnLaptop/9", "AnnLaptop/9", "AnnLaptop/9", "AnnLaptop/9", "AnnTablet/1", "AnnPhone/3", "AnnPhone/3", "Thief/6.6",
                "Guesser/0.1", "AnnBrowser/1.0");
        assertThat(events).extracting(event -> event.path("session_id").asText(null)).containsExactly(
                sid(fifth), sid(fourth), sid(third), sid(fourth), sid(third), sid(second), sid(second), sid(first), null, sid(first));
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("user_id").asText()).isEqualTo(ann);
            assertThat(event.get("actor").toString()).isEqualTo("{\"kind\":\"user\"}");
            assertThat(event.get("client_address").asText()).isEqualTo("127.0.0.1");
            assertThat(UUID.fromString(event.get("id").asText())).isNotNull();
            assertThat(event.get("occurred_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        });
        assertNoSecretIn(events.toString());
        assertNoSecretInTheTable();
    }

    @Test
    void aFailedLoginForAnUnknownEmail_isRecordedWithoutAUser_andWithoutTheEmail() {
        assertThat(call("POST", "/auth/login", null, credentials("nobody@example.com", WRONG), "Guesser/0.1", "req-nobody").statusCode())
                .isEqualTo(401);

        List<JsonNode> failures = events("/admin/events?type=login_failed", adminToken);

        assertThat(failures).singleElement().satisfies(event -> {
            assertThat(event.has("user_id")).isFalse();
            assertThat(event.get("actor").get("kind").asText()).isEqualTo("user");
            assertThat(event.get("client_address").asText()).isEqualTo("127.0.0.1");
            assertThat(event.get("request_id").asText()).isEqualTo("req-nobody");
        });
        secrets.add("nobody@example.com");
        assertNoSecretIn(failures.toString());
        assertNoSecretInTheTable();
    }

    @Test
    void anAdministratorsChanges_areRecorded_withTheAdministratorAsWhoActed_andShowInTheUsersOwnLog() {
        String ann = registered("ann@example.com");
        grant(ann, "billing:read", "req-grant");
        assertThat(call("DELETE", "/admin/users/" + ann + "/roles/billing:read", adminToken, null, ADMIN_AGENT, "req-revoke")
                .statusCode()).isEqualTo(200);
        assertThat(call("POST", "/admin/users/" + ann + "/disable", adminToken, null, ADMIN_AGENT, "req-disable").statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/admin/users/" + ann + "/enable", adminToken, null, ADMIN_AGENT, "req-enable").statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/admin/users/" + ann + "/logout-all", adminToken, null, ADMIN_AGENT, "req-all").statusCode())
                .isEqualTo(204);

        List<JsonNode> byTheAdmin = events("/admin/events?user_id=" + ann, adminToken);
        List<JsonNode> inAnnsOwnLog = myEvents(token(login("ann@example.com", "AnnBrowser/1.0", "req-ann")));

        assertThat(byTheAdmin).extracting(event -> event.get("type").asText())
                .containsExactly("logout_all", "account_enabled", "account_disabled", "role_revoked", "role_granted");
        assertThat(byTheAdmin).extracting(event -> event.get("request_id").asText())
                .containsExactly("req-all", "req-enable", "req-disable", "req-revoke", "req-grant");
        assertThat(byTheAdmin).allSatisfy(event -> {
            assertThat(event.get("user_id").asText()).isEqualTo(ann);
            assertThat(event.get("actor").toString()).isEqualTo("{\"kind\":\"admin\",\"user_id\":\"" + rootId + "\"}");
            assertThat(event.get("client_address").asText()).isEqualTo("127.0.0.1");
            assertThat(event.get("user_agent").asText()).isEqualTo(ADMIN_AGENT);
        });
        assertThat(byTheAdmin.get(3).get("role").asText()).isEqualTo("billing:read");
        assertThat(byTheAdmin.get(4).get("role").asText()).isEqualTo("billing:read");
        assertThat(inAnnsOwnLog.subList(1, inAnnsOwnLog.size())).as("where the administrator acted from is theirs alone")
                .isEqualTo(byTheAdmin.stream().map(event -> ((com.fasterxml.jackson.databind.node.ObjectNode) event.deepCopy())
                        .without(List.of("client_address", "user_agent"))).toList());
        assertThat(inAnnsOwnLog.get(0).get("client_address").asText()).as("but her own login's address is hers").isEqualTo("127.0.0.1");
        assertThat(events("/admin/events?type=role_granted&user_id=" + ann, adminToken)).hasSize(1);
    }

    @Test
    void myEvents_areTheCallersAlone_andPage_withACursorToTheEnd() {
        String ann = registered("ann@example.com");
        String bob = registered("bob@example.com");
        for (int i = 0; i < 4; i++) {
            login("ann@example.com", "AnnBrowser/1.0", "req-ann-" + i);
        }
        String bobs = token(login("bob@example.com", "BobBrowser/1.0", "req-bob"));
        String anns = token(login("ann@example.com", "AnnBrowser/1.0", "req-ann-4"));

        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = body(get("/me/events?limit=2" + (next == null ? "" : "&before=" + next), anns));
            page.get("events").forEach(event -> {
                assertThat(event.get("user_id").asText()).isEqualTo(ann);
                seen.add(event.get("request_id").asText());
            });
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages < 10);

        assertThat(seen).containsExactly("req-ann-4", "req-ann-3", "req-ann-2", "req-ann-1", "req-ann-0");
        assertThat(pages).isEqualTo(3);
        assertThat(myEvents(bobs)).singleElement().satisfies(event -> assertThat(event.get("user_id").asText()).isEqualTo(bob));
        assertThat(body(get("/me/events", anns)).get("events")).hasSize(5);
        for (String bad : List.of("limit=0", "limit=101", "limit=x", "before=garbage", "before=")) {
            HttpResponse<String> answer = get("/me/events?" + bad, anns);
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(get("/me/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aNonAdmin_gets403OnTheWholeLog_whateverItAsks_andWithoutATokenIs401() {
        String ann = registered("ann@example.com");
        String token = token(login("ann@example.com", "AnnBrowser/1.0", "req-ann"));

        for (String query : List.of("", "?user_id=" + ann, "?type=login_failed", "?type=nonsense", "?limit=0")) {
            HttpResponse<String> answer = get("/admin/events" + query, token);
            assertThat(answer.statusCode()).as(query).isEqualTo(403);
            assertThat(body(answer).get("type").asText()).endsWith("insufficient-role");
        }
        assertThat(get("/admin/events", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/events?type=nonsense", adminToken).statusCode()).isEqualTo(400);
        assertThat(get("/admin/events?user_id=nope", adminToken).statusCode()).isEqualTo(400);
    }

    @Test
    void deletingAUser_leavesOnlyTheDeletionsEvent_withWhoActed_andNoAddressOrUserAgent() throws Exception {
        String ann = registered("ann@example.com");
        login("ann@example.com", "AnnBrowser/1.0", "req-ann");
        call("POST", "/auth/login", null, credentials("ann@example.com", WRONG), "Guesser/0.1", "req-wrong");
        grant(ann, "billing:read", "req-grant");

        assertThat(call("DELETE", "/admin/users/" + ann, adminToken, null, ADMIN_AGENT, "req-delete").statusCode()).isEqualTo(204);

        assertThat(events("/admin/events?user_id=" + ann, adminToken)).singleElement().satisfies(event -> {
            assertThat(event.get("type").asText()).isEqualTo("account_deleted");
            assertThat(event.get("actor").toString()).isEqualTo("{\"kind\":\"admin\",\"user_id\":\"" + rootId + "\"}");
            assertThat(event.get("request_id").asText()).isEqualTo("req-delete");
            assertThat(event.has("client_address")).isFalse();
            assertThat(event.has("user_agent")).isFalse();
            assertThat(event.has("session_id")).isFalse();
        });
        assertThat(rows("SELECT type, client_address, user_agent FROM security_events WHERE user_id = '" + ann + "'"))
                .containsExactly(List.of("account_deleted", "null", "null"));
        assertThat(rows("SELECT COUNT(*) FROM security_events WHERE client_address IS NOT NULL AND user_id = '" + ann + "'"))
                .containsExactly(List.of("0"));
    }

    @Test
    void theClientAddress_isTheForwardedOne_onlyFromATrustedProxy() {
        registered("ann@example.com");
        Map<String, String> forwarded = Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.9");
        assertThat(send("POST", "/auth/login", null, credentials("ann@example.com", PASSWORD), "AnnBrowser/1.0", "req-direct", forwarded)
                .statusCode()).isEqualTo(200);
        env.put("INKAN_TRUSTED_PROXIES", "127.0.0.1/32");
        restart();
        assertThat(send("POST", "/auth/login", null, credentials("ann@example.com", PASSWORD), "AnnBrowser/1.0", "req-proxied", forwarded)
                .statusCode()).isEqualTo(200);
        String token = token(login("root@example.com", ADMIN_AGENT, "req-root-2"));

        List<JsonNode> logins = events("/admin/events?type=login_succeeded", token);

        assertThat(address(logins, "req-proxied")).as("the right-most address that is not a trusted proxy").isEqualTo("203.0.113.9");
        assertThat(address(logins, "req-direct")).as("the header of a peer that is not trusted is ignored").isEqualTo("127.0.0.1");
    }

    @Test
    void theMetrics_countTheRecordedEventsByType() {
        String ann = registered("ann@example.com");
        login("ann@example.com", "AnnBrowser/1.0", "req-ann");
        call("POST", "/auth/login", null, credentials("ann@example.com", WRONG), "Guesser/0.1", "req-wrong");
        call("POST", "/auth/login", null, credentials("nobody@example.com", WRONG), "Guesser/0.1", "req-nobody");
        grant(ann, "billing:read", "req-grant");
        grant(ann, "billing:read", "req-grant-again"); // held already: no change, no event

        String metrics = new HttpJson(app.managementPort().orElseThrow()).get("/metrics", null).body();

        assertThat(metrics)
                .contains("inkan_security_events_total{type=\"login_succeeded\"} 2.0") // root's login in the set-up, and Ann's
                .contains("inkan_security_events_total{type=\"login_failed\"} 2.0")
                .contains("inkan_security_events_total{type=\"role_granted\"} 1.0")
                .contains("inkan_security_events_total{type=\"account_deleted\"} 0.0");
    }

    // -- helpers

    String registered(String email) {
        HttpResponse<String> answer = http.post("/auth/register", credentials(email, PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(201);
        secrets.add(email);
        return body(answer).get("id").asText();
    }

    JsonNode login(String email, String userAgent, String requestId) {
        HttpResponse<String> answer = call("POST", "/auth/login", null, credentials(email, PASSWORD), userAgent, requestId);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode tokens = body(answer);
        secrets.add(tokens.get("access_token").asText());
        secrets.add(tokens.get("refresh_token").asText());
        return tokens;
    }

    private void grant(String user, String role, String requestId) {
        HttpResponse<String> answer = call("POST", "/admin/users/" + user + "/roles", adminToken,
                HttpJson.JSON.createObjectNode().put("role", role).toString(), ADMIN_AGENT, requestId);
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static String token(JsonNode tokens) {
        return tokens.get("access_token").asText();
    }

    private static String sid(JsonNode tokens) {
        return claims(token(tokens)).get("sid").asText();
    }

    /** The claims of an access token, read from its payload (its session may have ended since). */
    private static JsonNode claims(String accessToken) {
        try {
            return HttpJson.JSON.readTree(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<JsonNode> myEvents(String accessToken) {
        return events("/me/events?limit=100", accessToken);
    }

    private List<JsonNode> events(String path, String accessToken) {
        HttpResponse<String> answer = get(path, accessToken);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        body(answer).get("events").forEach(events::add);
        return events;
    }

    private static String address(List<JsonNode> events, String requestId) {
        return events.stream().filter(event -> event.get("request_id").asText().equals(requestId)).findFirst().orElseThrow()
                .get("client_address").asText();
    }

    private HttpResponse<String> get(String path, String accessToken) {
        return http.get(path, accessToken);
    }

    HttpResponse<String> call(String method, String path, String accessToken, String json, String userAgent, String requestId) {
        return send(method, path, accessToken, json, userAgent, requestId, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String accessToken, String json, String userAgent, String requestId,
                                      Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("User-Agent", userAgent).header("X-Request-Id", requestId)
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        headers.forEach(request::header);
        return http.send(request);
    }

    private void assertNoSecretIn(String text) {
        assertThat(secrets).allSatisfy(secret -> assertThat(text).doesNotContain(secret));
        assertThat(text).doesNotContain("@example.com").doesNotContain("$argon2");
    }

    /** Every column of every row of the security log, as the database holds it. */
    private void assertNoSecretInTheTable() {
        assertNoSecretIn(rows("SELECT * FROM security_events").toString());
    }

    /** @return the rows of {@code sql}, each as its columns' text ({@code "null"} for SQL NULL) */
    List<List<String>> rows(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.add(String.valueOf(rs.getString(column)));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
