package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.TestTokens.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys from a JWK Set: the first signs, every one verifies, and a bad set stops start-up with a clear message. */
class KeyRotationTest {

    @TempDir
    Path dir;

    @Test
    void aTwoKeySet_signsWithTheFirst_andAcceptsTokensUnderBoth() throws Exception {
        byte[] newKey = TestTokens.randomKey(32);
        byte[] oldKey = TestTokens.randomKey(32);
        Path keys = jwks("{\"keys\":[" + jwk("2026-11", newKey) + "," + jwk("2026-10", oldKey) + "]}");

        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env(Map.of("INKAN_JWT_KEYS_FILE", keys.toString()))))) {
            HttpJson http = new HttpJson(app.port());
            String userId = body(http.post("/auth/register", credentials("rotate@example.com", "correct horse battery")))
                    .get("id").asText();
            String issued = body(http.post("/auth/login", credentials("rotate@example.com", "correct horse battery")))
                    .get("access_token").asText();

            assertThat(SignedJWT.parse(issued).getHeader().getKeyID()).isEqualTo("2026-11");
            assertThat(SignedJWT.parse(issued).verify(new com.nimbusds.jose.crypto.MACVerifier(newKey)))
                    .as("Nimbus verifies with the first key").isTrue();
            assertThat(http.get("/me", issued).statusCode()).isEqualTo(200);

            long now = System.currentTimeMillis() / 1000;
            String claims = "{\"iss\":\"inkan\",\"sub\":\"" + userId + "\",\"aud\":\"inkan\",\"iat\":" + now + ",\"exp\":"
                    + (now + 300) + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\",\"sid\":\"" + java.util.UUID.randomUUID() + "\"}";
            String underOldKey = TestTokens.sign("HS256", oldKey, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"2026-10\"}", claims);
            String oldKidNewKey = TestTokens.sign("HS256", newKey, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"2026-10\"}", claims);
            String noKid = TestTokens.sign("HS256", newKey, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims);

            assertThat(http.get("/me", underOldKey).statusCode()).as("a token of the retiring key").isEqualTo(200);
            SignedJWT nimbusOld = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256)
                    .keyID("2026-10").build(), com.nimbusds.jwt.JWTClaimsSet.parse(claims));
            nimbusOld.sign(new com.nimbusds.jose.crypto.MACSigner(oldKey));
            assertThat(http.get("/me", nimbusOld.serialize()).statusCode()).as("Nimbus-signed under the retiring key").isEqualTo(200);
            assertThat(http.get("/me", oldKidNewKey).statusCode()).as("kid decides the key").isEqualTo(401);
            assertThat(http.get("/me", noKid).statusCode()).as("no kid with several keys").isEqualTo(401);
        }
    }

    @Test
    void aWeakKeyInTheSet_stopsStartUp_namingTheFileAndTheKey_withoutItsBytes() throws Exception {
        byte[] weak = TestTokens.randomKey(31);
        Path keys = jwks("{\"keys\":[" + jwk("strong", TestTokens.randomKey(32)) + "," + jwk("weak", weak) + "]}");

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env(Map.of("INKAN_JWT_KEYS_FILE", keys.toString())))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE")
                .hasMessageContaining("weak")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(b64(weak)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{}",
        "{\"keys\":[]}",
        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"not base64url!\"}]}"
    })
    void aMalformedKeyFile_stopsStartUp_namingTheVariable(String json) throws Exception {
        Path keys = jwks(json);

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env(Map.of("INKAN_JWT_KEYS_FILE", keys.toString())))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE");
    }

    @Test
    void aMissingKeyFile_stopsStartUp_namingTheVariable() {
        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env(Map.of("INKAN_JWT_KEYS_FILE",
                dir.resolve("absent.json").toString())))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE");
    }

    private Path jwks(String json) throws Exception {
        Path file = dir.resolve("keys-" + System.nanoTime() + ".json");
        Files.writeString(file, json);
        return file;
    }

    private static String jwk(String kid, byte[] key) {
        return "{\"kty\":\"oct\",\"kid\":\"" + kid + "\",\"alg\":\"HS256\",\"k\":\"" + b64(key) + "\"}";
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dir.resolve("data").toString());
        return env;
    }
}
