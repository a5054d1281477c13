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

/**
 * Every crypto provider with every algorithm, from both password hashers, passes the same black-box
 * flow; with a public-key algorithm, the tokens verify with the key the server publishes.
 */
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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "jca, EdDSA",
        "jca, Ed25519",
        "jca, ES256",
        "bouncycastle, EdDSA",
        "bouncycastle, Ed25519",
        "bouncycastle, ES256"
    })
    void withAPublicKeyAlgorithm_tokensVerifyWithThePublishedKey_inPlainJca(String provider, String alg) throws Exception {
        int port = TestTokens.freePort();
        String issuer = "http://127.0.0.1:" + port;
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", Integer.toString(port));
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_ALG", alg);
        env.put("INKAN_CRYPTO_PROVIDER", provider);
        env.put("INKAN_ISSUER", issuer);

        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env))) {
            HttpJson http = new HttpJson(app.port());
            String email = "pair-" + UUID.randomUUID() + "@example.com";
            assertThat(http.post("/auth/register", credentials(email, "correct horse battery")).statusCode()).isEqualTo(201);
            JsonNode login = body(http.post("/auth/login", credentials(email, "correct horse battery")));
            String access = login.get("access_token").asText();
            JsonNode header = TestTokens.header(access);
            assertThat(header.get("alg").asText()).isEqualTo(alg);
            assertThat(TestTokens.claims(access).get("iss").asText()).isEqualTo(issuer);

            // As a resource server finds the key: the discovery document by the issuer, the JWK Set it names, the kid.
            JsonNode discovery = body(http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(issuer + "/.well-known/openid-configuration")).GET()));
            assertThat(discovery.get("issuer").asText()).isEqualTo(issuer);
            var jwksResponse = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(discovery.get("jwks_uri").asText())).GET());
            assertThat(jwksResponse.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            JsonNode keys = body(jwksResponse).get("keys");
            assertThat(keys).hasSize(1);
            JsonNode jwk = keys.get(0);
            assertThat(jwk.get("kid").asText()).isEqualTo(header.get("kid").asText());
            assertThat(jwk.get("alg").asText()).isEqualTo(alg);
            assertThat(jwk.has("d")).as("no private member").isFalse();
            assertThat(TestTokens.verifiesWithJwk(jwk, access)).as("the JDK verifies with the published key").isTrue();
            String[] parts = access.split("\\.");
            String otherClaims = TestTokens.b64(TestTokens.claims(access).toString().replace("\"rv\":0", "\"rv\":1"));
            String tampered = parts[0] + "." + otherClaims + "." + parts[2];
            assertThat(TestTokens.verifiesWithJwk(jwk, tampered)).isFalse();
            assertThat(http.get("/me", tampered).statusCode()).as("tampered").isEqualTo(401);

            assertThat(http.get("/me", access).statusCode()).isEqualTo(200);
            JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(login.get("refresh_token").asText())));
            assertThat(TestTokens.verifiesWithJwk(jwk, refreshed.get("access_token").asText())).isTrue();
            assertThat(http.postWithToken("/auth/logout", refreshed.get("access_token").asText()).statusCode()).isEqualTo(204);
            assertThat(http.get("/me", refreshed.get("access_token").asText()).statusCode()).isEqualTo(401);
        }
        assertThat(java.nio.file.Files.getPosixFilePermissions(dataDir.resolve(GeneratedKey.fileOf(
                dev.inkan.token.JwsAlgorithm.fromJwsName(alg).orElseThrow()))))
                .as("the generated key pair, owner only").containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(dataDir.resolve(GeneratedKey.FILE)).as("no HMAC key is made for a key pair").doesNotExist();
    }
}
