package dev.inkan.server;

import static dev.inkan.server.CommandRun.run;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INKAN_KEY_STORE=database on the embedded H2 database, as an operator switches to it: nobody is
 * logged out, the keys are encrypted at rest, a wrong or missing key-encryption key stops start-up
 * with a message that names the variables (and the key), and the commands on the keys work where they
 * can and refuse clearly where they cannot.
 */
class DatabaseKeyStoreTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final String kek = TestTokens.b64(TestTokens.randomKey(32));

    @Test
    void switchingToTheDatabase_storesTheKeysGeneratedBefore_soNobodyIsLoggedOut() {
        JsonNode login;
        try (InkanApplication files = InkanApplication.start(ConfigSource.of(server(Map.of())))) {
            HttpJson http = new HttpJson(files.port());
            http.post("/auth/register", credentials("ann@example.com", PASSWORD));
            login = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD)));
        }
        String kid = TestTokens.header(login.get("access_token").asText()).get("kid").asText();

        try (InkanApplication database = InkanApplication.start(ConfigSource.of(server(inDatabase())))) {
            HttpJson http = new HttpJson(database.port());
            assertThat(http.get("/auth/verify", login.get("access_token").asText()).statusCode()).isEqualTo(200);
            JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
            assertThat(TestTokens.header(refreshed.get("access_token").asText()).get("kid").asText()).isEqualTo(kid);
        }
        CommandRun listed = run(operator(inDatabase()), "keys", "list");
        assertThat(listed.lines()).singleElement().asString().startsWith(kid + "\tHS256\tsigning\t").endsWith("\t-");
    }

    @Test
    void switchingToTheDatabaseAndToAKeyPairAtOnce_keepsTheHmacKeyVerifying_andWritesNoKeyFile() throws Exception {
        Map<String, String> hmac = Map.of("INKAN_ISSUER", "http://127.0.0.1");
        String before;
        try (InkanApplication files = InkanApplication.start(ConfigSource.of(server(hmac)))) {
            HttpJson http = new HttpJson(files.port());
            http.post("/auth/register", credentials("ann@example.com", PASSWORD));
            before = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD))).get("access_token").asText();
        }
        Map<String, String> pair = new HashMap<>(inDatabase());
        pair.putAll(hmac);
        pair.put("INKAN_JWT_ALG", "EdDSA");

        try (InkanApplication database = InkanApplication.start(ConfigSource.of(server(pair)))) {
            HttpJson http = new HttpJson(database.port());
            assertThat(http.get("/auth/verify", before).statusCode()).isEqualTo(200);
            String after = body(http.post("/auth/login", credentials("ann@example.com", PASSWORD))).get("access_token").asText();
            assertThat(TestTokens.header(after).get("alg").asText()).isEqualTo("EdDSA");
        }
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("jwks")))
                    .containsExactly(GeneratedKey.FILE);
        }
        List<String> keys = run(operator(pair), "keys", "list").lines();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).contains("\tHS256\tverifying\t").doesNotEndWith("\t-");
        assertThat(keys.get(1)).contains("\tEdDSA\tsigning\t").endsWith("\t-");
    }

    @Test
    void theKeysInTheDatabase_areEncrypted_andAWrongKeyEncryptionKeyStopsStartUp_namingTheVariableAndTheKey() throws Exception {
        byte[] secret = TestTokens.randomKey(32);
        Map<String, String> env = new HashMap<>(inDatabase());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(secret));
        String kid;
        try (InkanApplication first = InkanApplication.start(ConfigSource.of(server(env)))) {
            HttpJson http = new HttpJson(first.port());
            http.post("/auth/register", credentials("ann@example.com", PASSWORD));
            kid = TestTokens.header(body(http.post("/auth/login", credentials("ann@example.com", PASSWORD))).get("access_token")
                    .asText()).get("kid").asText();
        }
        String stored = Files.readString(dir.resolve("data").resolve("inkan.mv.db"), StandardCharsets.ISO_8859_1);
        assertThat(stored).as("the secret is not in the database file").doesNotContain(TestTokens.b64(secret))
                .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));

        String wrong = TestTokens.b64(TestTokens.randomKey(32));
        Map<String, String> wrongKey = new HashMap<>(env);
        wrongKey.put("INKAN_KEY_ENCRYPTION_KEY", wrong);
        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(server(wrongKey))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_KEY_ENCRYPTION_KEY")
                .hasMessageContaining("'" + kid + "'")
                .hasMessageContaining("cannot be decrypted")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(kek).doesNotContain(TestTokens.b64(secret)));
        CommandRun listed = run(operator(wrongKey), "keys", "list");
        assertThat(listed.exitCode()).isEqualTo(2);
        assertThat(listed.err()).startsWith("inkan: configuration error: INKAN_KEY_ENCRYPTION_KEY: the stored key '" + kid + "'")
                .hasLineCount(1).doesNotContain(wrong);
    }

    @Test
    void theDatabaseStore_withoutAKeyEncryptionKey_orWithTwo_stopsStartUp_namingBoth() throws Exception {
        Path file = dir.resolve("kek");
        Files.writeString(file, kek + "\n");
        Map<String, String> both = new HashMap<>(inDatabase());
        both.put("INKAN_KEY_ENCRYPTION_KEY_FILE", file.toString());

        for (Map<String, String> env : List.of(Map.of("INKAN_KEY_STORE", "database"), both)) {
            assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(server(env)))).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("INKAN_KEY_ENCRYPTION_KEY and INKAN_KEY_ENCRYPTION_KEY_FILE");
        }
        Map<String, String> fromFile = Map.of("INKAN_KEY_STORE", "database", "INKAN_KEY_ENCRYPTION_KEY_FILE", file.toString());
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(server(fromFile)))) {
            assertThat(app.port()).isPositive();
        }
        assertThat(Files.exists(dir.resolve("data").resolve(GeneratedKey.FILE)))
                .as("an empty database with nothing to store makes its own key, not a file").isFalse();
    }

    @Test
    void theKeyCommands_refuseKeysFromTheFiles_andRotationOnH2_clearly() {
        for (String[] command : List.of(new String[] {"keys", "rotate"}, new String[] {"keys", "list"},
                new String[] {"keys", "retire", "some-kid"})) {
            CommandRun refused = run(operator(Map.of()), command);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).startsWith("inkan: " + command[0] + " " + command[1] + ": the signing keys are not kept in the database")
                    .contains("INKAN_KEY_STORE=database").hasLineCount(1);
        }

        CommandRun rotate = run(operator(inDatabase()), "keys", "rotate");

        assertThat(rotate.exitCode()).isEqualTo(2);
        assertThat(rotate.err()).startsWith("inkan: keys rotate: rotation needs PostgreSQL: the embedded H2 database serves one process");
    }

    @Test
    void keysRetire_onH2_endsAKeyAndMakesANewOneSign_andAnUnknownKidFails() {
        Map<String, String> env = operator(inDatabase());
        String old = run(env, "keys", "list").out().split("\t")[0];

        CommandRun unknown = run(env, "keys", "retire", "no-such-kid");
        CommandRun retired = run(env, "keys", "retire", old);
        CommandRun again = run(env, "keys", "retire", old);

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("inkan: no key has the id 'no-such-kid' (see java -jar inkan.jar keys list)\n");
        assertThat(retired.exitCode()).as(retired.toString()).isZero();
        assertThat(retired.lines()).hasSize(2);
        assertThat(retired.lines().get(0)).isEqualTo("retired key " + old + "; the tokens it signed are refused");
        assertThat(retired.lines().get(1)).startsWith("made key ").endsWith(" (HS256), which signs from now");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("retired already");
        List<String> keys = run(env, "keys", "list").lines();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).startsWith(old + "\tHS256\tretired\t");
        assertThat(keys.get(1)).contains("\tHS256\tsigning\t").endsWith("\t-");
    }

    private Map<String, String> inDatabase() {
        return Map.of("INKAN_KEY_STORE", "database", "INKAN_KEY_ENCRYPTION_KEY", kek);
    }

    private Map<String, String> server(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    /** The command line on the server's data folder and database, with the server stopped (H2 serves one process). */
    private Map<String, String> operator(Map<String, String> extra) {
        return server(extra);
    }
}
