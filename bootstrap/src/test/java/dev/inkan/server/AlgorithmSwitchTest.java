package dev.inkan.server;

import static dev.inkan.server.CommandRun.withConfig;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching {@code INKAN_JWT_ALG} from an HMAC to a key pair (and back) logs nobody out: the old key
 * stays in the ring and verifies the tokens it signed, while the new key signs.
 */
class AlgorithmSwitchTest {

    private static final String ISSUER = "http://localhost:8080";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void withGeneratedKeys_anHs256TokenStaysGood_afterTheSwitchToEdDsa_andAnEdDsaTokenAfterTheSwitchBack() throws Exception {
        String hs256Token;
        try (InkanApplication hs256 = InkanApplication.start(ConfigSource.of(env("HS256", Map.of())))) {
            HttpJson http = new HttpJson(hs256.port());
            http.post("/auth/register", credentials("ann@example.com", PASSWORD));
            hs256Token = login(http, "ann@example.com");
            assertThat(TestTokens.header(hs256Token).get("alg").asText()).isEqualTo("HS256");
            assertThat(body(http.get("/.well-known/jwks.json", null)).get("keys")).as("an HMAC key is never published").isEmpty();
        }

        String edToken;
        try (InkanApplication eddsa = InkanApplication.start(ConfigSource.of(env("EdDSA", Map.of())))) {
            HttpJson http = new HttpJson(eddsa.port());
            assertThat(http.get("/me", hs256Token).statusCode()).as("the HS256 token of before the switch").isEqualTo(200);
            edToken = login(http, "ann@example.com");
            JsonNode header = TestTokens.header(edToken);
            assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
            assertThat(header.get("kid").asText()).isNotEqualTo(TestTokens.header(hs256Token).get("kid").asText());
            JsonNode keys = body(http.get("/.well-known/jwks.json", null)).get("keys");
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0).get("kid").asText()).isEqualTo(header.get("kid").asText());
            assertThat(TestTokens.verifiesWithJwk(keys.get(0), edToken)).isTrue();
            assertThat(http.get("/me", edToken).statusCode()).isEqualTo(200);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("data").resolve("jwks-eddsa.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        try (InkanApplication back = InkanApplication.start(ConfigSource.of(env("HS256", Map.of())))) {
            HttpJson http = new HttpJson(back.port());
            assertThat(http.get("/me", edToken).statusCode()).as("the EdDSA token, after switching back").isEqualTo(200);
            assertThat(http.get("/me", hs256Token).statusCode()).isEqualTo(200);
            String again = login(http, "ann@example.com");
            assertThat(TestTokens.header(again).get("kid").asText()).as("the old HMAC key signs again")
                    .isEqualTo(TestTokens.header(hs256Token).get("kid").asText());
            assertThat(body(http.get("/.well-known/jwks.json", null)).get("keys")).as("the pair still verifies, so it is published")
                    .hasSize(1);
        }
    }

    @Test
    void withAKeysFile_aNewEs256PairFirst_andTheOldHs256KeyAfterIt_signsEs256_andVerifiesBoth() throws Exception {
        Path keys = dir.resolve("jwks.json");
        Files.writeString(keys, withConfig(() -> ConfigSource.of(Map.of()), "", "keys", "generate").out());
        String hs256Token;
        try (InkanApplication hs256 = InkanApplication.start(ConfigSource.of(env("HS256",
                Map.of("INKAN_JWT_KEYS_FILE", keys.toString()))))) {
            HttpJson http = new HttpJson(hs256.port());
            http.post("/auth/register", credentials("bob@example.com", PASSWORD));
            hs256Token = login(http, "bob@example.com");
        }
        // The README's steps: generate the pair, put it first, keep the old key after it.
        String pair = withConfig(() -> ConfigSource.of(Map.of()), "", "keys", "generate", "--alg", "ES256").out();
        String old = Files.readString(keys);
        Files.writeString(keys, pair.substring(0, pair.lastIndexOf("]}")) + "," + old.substring(old.indexOf("[") + 1));

        try (InkanApplication es256 = InkanApplication.start(ConfigSource.of(env("ES256",
                Map.of("INKAN_JWT_KEYS_FILE", keys.toString()))))) {
            HttpJson http = new HttpJson(es256.port());
            assertThat(http.get("/me", hs256Token).statusCode()).as("the HS256 token of before the switch").isEqualTo(200);
            String esToken = login(http, "bob@example.com");
            assertThat(TestTokens.header(esToken).get("alg").asText()).isEqualTo("ES256");
            JsonNode published = body(http.get("/.well-known/jwks.json", null)).get("keys");
            assertThat(published).hasSize(1);
            assertThat(published.get(0).get("kty").asText()).isEqualTo("EC");
            assertThat(TestTokens.verifiesWithJwk(published.get(0), esToken)).isTrue();
        }
    }

    private static String login(HttpJson http, String email) {
        return body(http.post("/auth/login", credentials(email, PASSWORD))).get("access_token").asText();
    }

    private Map<String, String> env(String algorithm, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dir.resolve("data").toString());
        env.put("INKAN_JWT_ALG", algorithm);
        env.put("INKAN_ISSUER", ISSUER);
        return env;
    }

    @Test
    void aGeneratedHmacKeyPinnedToAnotherAlgorithm_stopsStartUp_namingTheFileAndTheVariable() throws Exception {
        try (InkanApplication first = InkanApplication.start(ConfigSource.of(env("HS256", Map.of())))) {
            assertThat(first.port()).isPositive();
        }
        Path keyFile = dir.resolve("data").resolve(GeneratedKey.FILE);
        Files.writeString(keyFile, Files.readString(keyFile).replace("\"use\":\"sig\"", "\"alg\":\"HS384\",\"use\":\"sig\""));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env("HS256", Map.of()))))
                .isInstanceOf(dev.inkan.bootstrap.ConfigException.class).hasMessageContaining(GeneratedKey.FILE)
                .hasMessageContaining("INKAN_JWT_ALG").hasMessageContaining("HS384");
        try (InkanApplication pinned = InkanApplication.start(ConfigSource.of(env("HS384", Map.of())))) {
            assertThat(pinned.port()).as("the pinned algorithm starts").isPositive();
        }
    }
}
