package dev.inkan.server;

import static dev.inkan.server.CommandRun.run;
import static dev.inkan.server.CommandRun.withInput;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The {@code users} commands on the embedded H2 database of a new installation, as an operator runs
 * them before the server starts, and what the server started afterwards makes of their changes.
 */
class UserCommandsTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private Map<String, String> env;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void newInstallation() {
        // no key and no database configured: the data folder gets both, as on a server's first start
        env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.resolve("data").toString());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void theFirstAdmin_createdWithThePasswordOnStdin_andGrantedAdmin_logsInOnTheServerStartedAfterwards() {
        CommandRun created = withInput(env, PASSWORD + "\n", "users", "create", "Root@Example.com");
        CommandRun granted = run(env, "users", "grant", "root@example.com", "admin");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.lines()).hasSize(1);
        String id = created.lines().get(0);
        assertThat(UUID.fromString(id)).as("it prints the new user's id").isNotNull();
        assertThat(granted.exitCode()).as(granted.toString()).isZero();
        assertThat(granted.out()).isEqualTo("granted admin to root@example.com\n");
        assertThat(created.err() + granted.err()).isEmpty();
        assertThat(created.toString() + granted).doesNotContain(PASSWORD);

        HttpJson http = startServer();
        JsonNode login = body(http.post("/auth/login", credentials("root@example.com", PASSWORD)));
        String token = login.get("access_token").asText();
        JsonNode claims = body(http.get("/auth/verify", token));
        assertThat(claims.get("sub").asText()).isEqualTo(id);
        assertThat(claims.get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(http.get("/admin/users", token).statusCode()).as("the admin API lets them in").isEqualTo(200);
    }

    @Test
    void list_printsEveryUser_onEveryPage_oneALine_withIdEmailRolesAndState() {
        List<String> ids = new ArrayList<>();
        try (Inkan inkan = open()) {
            for (int i = 0; i < 101; i++) {
                ids.add(inkan.register().register(RegisterCommand.of(String.format("user%03d@example.com", i), PASSWORD)).id().toString());
            }
        }
        run(env, "users", "grant", "user007@example.com", "billing:read");
        run(env, "users", "grant", "user007@example.com", "admin");
        run(env, "users", "disable", "user100@example.com");

        CommandRun listed = run(env, "users", "list");

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.err()).isEmpty();
        assertThat(listed.lines()).as("more than one page of %s", 100).hasSize(101);
        assertThat(listed.lines().get(0)).isEqualTo(ids.get(0) + "\tuser000@example.com\t-\tenabled");
        assertThat(listed.lines().get(7)).isEqualTo(ids.get(7) + "\tuser007@example.com\tadmin,billing:read\tenabled");
        assertThat(listed.lines().get(100)).isEqualTo(ids.get(100) + "\tuser100@example.com\t-\tdisabled");
    }

    @Test
    void list_withAnEmailPrefix_printsOnlyTheUsersWhoseEmailStartsWithIt_inAnyCase() {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        withInput(env, PASSWORD + "\n", "users", "create", "anna@example.com");
        withInput(env, PASSWORD + "\n", "users", "create", "bob@example.com");

        assertThat(emails(run(env, "users", "list", "--email", "ANN"))).containsExactly("ann@example.com", "anna@example.com");
        assertThat(emails(run(env, "users", "list", "--email=bob@"))).containsExactly("bob@example.com");
        assertThat(run(env, "users", "list", "--email", "zed").out()).isEmpty();
    }

    @Test
    void revoke_takesTheRoleAway_andATokenIssuedBeforeIsRefusedAfterARestart() throws Exception {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        run(env, "users", "grant", "ann@example.com", "billing:read");
        HttpJson http = startServer();
        String before = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD))).get("access_token").asText();
        stopServer();

        CommandRun revoked = run(env, "users", "revoke", "ann@example.com", "billing:read");
        CommandRun again = run(env, "users", "revoke", "ann@example.com", "billing:read");

        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.out()).isEqualTo("revoked billing:read from ann@example.com; the access tokens issued to them before are refused\n");
        assertThat(again.exitCode()).as("nothing to take away is no failure").isZero();
        assertThat(again.out()).isEqualTo("ann@example.com does not hold billing:read\n");
        http = startServer();
        assertThat(http.get("/auth/verify", before).statusCode()).isEqualTo(401);
        String after = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD))).get("access_token").asText();
        assertThat(body(http.get("/auth/verify", after)).get("roles")).isEmpty();
    }

    @Test
    void disable_refusesLogin_endsTheSessions_andEnable_letsTheUserBackIn() throws Exception {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        HttpJson http = startServer();
        JsonNode login = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
        stopServer();

        CommandRun disabled = run(env, "users", "disable", "ann@example.com");
        CommandRun listed = run(env, "users", "list");

        assertThat(disabled.exitCode()).isZero();
        assertThat(disabled.out()).isEqualTo("disabled ann@example.com; their sessions have ended\n");
        assertThat(run(env, "users", "disable", "ann@example.com").out()).isEqualTo("ann@example.com is disabled already\n");
        assertThat(listed.out()).endsWith("\tann@example.com\t-\tdisabled\n");
        http = startServer();
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(http.get("/auth/verify", login.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/refresh", HttpJson.refreshBody(login.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        stopServer();

        CommandRun enabled = run(env, "users", "enable", "ann@example.com");

        assertThat(enabled.exitCode()).isZero();
        assertThat(enabled.out()).isEqualTo("enabled ann@example.com\n");
        assertThat(run(env, "users", "enable", "ann@example.com").out()).isEqualTo("ann@example.com is not disabled\n");
        assertThat(startServer().post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void delete_removesTheUser_whoseTokensStayRefused_andTheEmailCanRegisterAgain() throws Exception {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        HttpJson http = startServer();
        String token = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD))).get("access_token").asText();
        stopServer();

        CommandRun deleted = run(env, "users", "delete", "ann@example.com");

        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted ann@example.com\n");
        assertThat(run(env, "users", "list").out()).isEmpty();
        http = startServer();
        assertThat(http.get("/auth/verify", token).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(401);
        stopServer();
        assertThat(withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com").exitCode()).isZero();
    }

    @Test
    void everyChangeOfTheCommandLine_isInTheSecurityLog_asTheCommandLines() throws Exception {
        withInput(env, PASSWORD + "\n", "users", "create", "root@example.com");
        run(env, "users", "grant", "root@example.com", "admin");
        String ann = withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com").lines().get(0);
        run(env, "users", "grant", "ann@example.com", "billing:read");
        run(env, "users", "revoke", "ann@example.com", "billing:read");
        run(env, "users", "disable", "ann@example.com");
        run(env, "users", "enable", "ann@example.com");
        HttpJson http = startServer();
        String admin = body(http.post("/auth/login", credentials("root@example.com", PASSWORD))).get("access_token").asText();

        JsonNode events = body(http.get("/admin/events?user_id=" + ann, admin)).get("events");

        assertThat(events).extracting(event -> event.get("type").asText())
                .containsExactly("account_enabled", "account_disabled", "role_revoked", "role_granted");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("actor").toString()).isEqualTo("{\"kind\":\"cli\"}");
            assertThat(event.has("client_address")).isFalse();
            assertThat(event.has("user_agent")).isFalse();
            assertThat(event.has("request_id")).isFalse();
        });
        stopServer();

        run(env, "users", "delete", "ann@example.com");

        http = startServer();
        admin = body(http.post("/auth/login", credentials("root@example.com", PASSWORD))).get("access_token").asText();
        JsonNode left = body(http.get("/admin/events?user_id=" + ann, admin)).get("events");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("type").asText()).isEqualTo("account_deleted");
        assertThat(left.get(0).get("actor").toString()).isEqualTo("{\"kind\":\"cli\"}");
    }

    @Test
    void grant_ofARoleTheUserHolds_changesNothing_andSaysSo() {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        run(env, "users", "grant", "ann@example.com", "admin");

        CommandRun again = run(env, "users", "grant", "ann@example.com", "admin");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("ann@example.com holds admin already\n");
    }

    @Test
    void theGeneratedKey_isMadeOnceInTheDataFolder_andTheServerStartedAfterwardsSignsWithIt() throws Exception {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        Path keyFile = dataDir.resolve("data").resolve(GeneratedKey.FILE);
        String key = Files.readString(keyFile);

        startServer();

        assertThat(Files.readString(keyFile)).as("the server reuses the key the command made").isEqualTo(key);
    }

    private static List<String> emails(CommandRun listed) {
        return listed.lines().stream().map(line -> line.split("\t")[1]).toList();
    }

    private Inkan open() {
        return InkanApplication.open(InkanSettings.from(ConfigSource.of(env)));
    }

    private HttpJson startServer() {
        InkanApplication app = InkanApplication.start(ConfigSource.of(env));
        toClose.add(app);
        return new HttpJson(app.port());
    }

    private void stopServer() throws Exception {
        toClose.remove(toClose.size() - 1).close();
    }
}
