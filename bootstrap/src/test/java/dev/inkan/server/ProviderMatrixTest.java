package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.inkan.bootstrap.ConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every crypto provider with every algorithm, from both password hashers, passes the same black-box flow. */
class ProviderMatrixTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "jca, HS256, argon2-native, 32",
        "jca, HS384, argon2-bc, 48",
        "jca, HS512, argon2-native, 64",
        "bouncycastle, HS256, argon2-bc, 32",
        "bouncycastle, HS384, argon2-native, 48",
        "bouncycastle, HS512, argon2-bc, 64"
    })
    void theFlowPasses_andTokensVerifyIndependently(String provider, String alg, String hasher, int keyBytes) throws Exception {
        byte[] key = TestTokens.randomKey(keyBytes);
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(key));
        env.put("INKAN_JWT_ALG", alg);
        env.put("INKAN_CRYPTO_PROVIDER", provider);
        env.put("INKAN_PASSWORD_HASHER", hasher);

        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env))) {
            HttpJson http = new HttpJson(app.port());
            String email = "matrix-" + UUID.randomUUID() + "@example.com";
            assertThat(http.post("/auth/register", credentials(email, "correct horse battery")).statusCode()).isEqualTo(201);
            JsonNode login = body(http.post("/auth/login", credentials(email, "correct horse battery")));
            String access = login.get("access_token").asText();

            SignedJWT jwt = SignedJWT.parse(access);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.parse(alg));
            assertThat(jwt.verify(new MACVerifier(key))).isTrue();
            assertThat(TestTokens.sign(alg, key, jwt.getHeader().toBase64URL().decode(), jwt.getPayload().toBytes()))
                    .as("the JCA of the test computes the same signature").isEqualTo(access);

            assertThat(http.get("/me", access).statusCode()).isEqualTo(200);

            String userId = body(http.get("/me", access)).get("id").asText();
            String nimbusSigned = nimbusToken(alg, key, jwt.getHeader().getKeyID(), userId);
            assertThat(http.get("/me", nimbusSigned).statusCode()).as("a token Nimbus signed").isEqualTo(200);
            assertThat(http.get("/me", nimbusToken(alg, TestTokens.randomKey(keyBytes), jwt.getHeader().getKeyID(), userId))
                    .statusCode()).as("Nimbus, another key").isEqualTo(401);

            JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
            assertThat(http.get("/auth/verify", refreshed.get("access_token").asText()).statusCode()).isEqualTo(200);
            assertThat(http.postWithToken("/auth/logout", refreshed.get("access_token").asText()).statusCode()).isEqualTo(204);
            assertThat(http.post("/auth/refresh", refreshBody(refreshed.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        }
    }

    private static String nimbusToken(String alg, byte[] key, String kid, String userId) throws Exception {
        java.util.Date now = new java.util.Date(System.currentTimeMillis() / 1000 * 1000);
        SignedJWT jwt = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.parse(alg))
                .type(com.nimbusds.jose.JOSEObjectType.JWT).keyID(kid).build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("inkan").subject(userId).audience("inkan")
                        .issueTime(now).expirationTime(new java.util.Date(now.getTime() + 300_000))
                        .jwtID(UUID.randomUUID().toString()).claim("sid", UUID.randomUUID().toString()).build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(key));
        return jwt.serialize();
    }
}
