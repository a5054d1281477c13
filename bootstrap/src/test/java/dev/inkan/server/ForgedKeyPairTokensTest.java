package dev.inkan.server;

import static dev.inkan.server.CommandRun.withConfig;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.TestTokens.b64;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack suite for a server whose ring holds an EdDSA pair (signing), an ES256 pair and an old
 * HS256 secret (verifying): each forgery that swaps one key's algorithm for another's, uses the public
 * key as an HMAC secret, or bends the signature, gets 401 problem+json, while the honest tokens of
 * each key pass.
 */
class ForgedKeyPairTokensTest {

    private static final String ISSUER = "http://localhost:8080";

    @TempDir
    static Path dir;

    private static final byte[] SECRET = TestTokens.randomKey(32);
    private static InkanApplication app;
    private static HttpJson http;
    private static JsonNode ed;
    private static JsonNode ec;
    private static String hmacKid;
    private static String userId;

    @BeforeAll
    static void start() throws Exception {
        ed = key("EdDSA");
        ec = key("ES256");
        hmacKid = "old-hs256";
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, "{\"keys\":[" + ed + "," + ec + ",{\"kty\":\"oct\",\"kid\":\"" + hmacKid + "\",\"alg\":\"HS256\",\"k\":\""
                + b64(SECRET) + "\"}]}");
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dir.resolve("data").toString());
        env.put("INKAN_JWT_KEYS_FILE", keys.toString());
        env.put("INKAN_JWT_ALG", "EdDSA");
        env.put("INKAN_ISSUER", ISSUER);
        app = InkanApplication.start(ConfigSource.of(env));
        http = new HttpJson(app.port());
        userId = body(http.post("/auth/register", credentials("victim@example.com", "correct horse battery"))).get("id").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theHonestTokensOfEachKey_pass_soTheSuiteCannotPassVacuously() {
        assertThat(http.get("/auth/verify", TestTokens.signWithJwk(ed, header("EdDSA", ed), claims())).statusCode()).isEqualTo(200);
        assertThat(http.get("/auth/verify", TestTokens.signWithJwk(ec, header("ES256", ec), claims())).statusCode()).isEqualTo(200);
        assertThat(http.get("/auth/verify", TestTokens.sign("HS256", SECRET, "{\"alg\":\"HS256\",\"kid\":\"" + hmacKid + "\"}",
                claims())).statusCode()).isEqualTo(200);
        String issued = body(http.post("/auth/login", credentials("victim@example.com", "correct horse battery")))
                .get("access_token").asText();
        assertThat(TestTokens.header(issued).get("kid").asText()).as("the first key signs").isEqualTo(ed.get("kid").asText());
        JsonNode published = body(http.get("/.well-known/jwks.json", null)).get("keys");
        assertThat(published).extracting(key -> key.get("kid").asText()).containsExactly(ed.get("kid").asText(), ec.get("kid").asText());
        assertThat(published.toString()).doesNotContain(ed.get("d").asText()).doesNotContain(ec.get("d").asText())
                .doesNotContain(b64(SECRET)).doesNotContain("\"d\"").doesNotContain("\"k\"");
    }

    static Stream<Arguments> forgeries() {
        List<Arguments> cases = new ArrayList<>();
        byte[] edPublic = Base64.getUrlDecoder().decode(ed.get("x").asText());
        byte[] ecPublic = Base64.getUrlDecoder().decode(ec.get("x").asText());
        cases.add(Arguments.of("HS256 keyed with the EdDSA public key, under its kid",
                TestTokens.sign("HS256", edPublic, header("HS256", ed), claims())));
        cases.add(Arguments.of("HS256 keyed with the ES256 public key, under its kid",
                TestTokens.sign("HS256", ecPublic, header("HS256", ec), claims())));
        cases.add(Arguments.of("HS256 keyed with the EdDSA public key, no kid",
                TestTokens.sign("HS256", edPublic, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims())));
        cases.add(Arguments.of("HS256 with the old secret, under the EdDSA kid",
                TestTokens.sign("HS256", SECRET, header("HS256", ed), claims())));
        cases.add(Arguments.of("EdDSA header on the ES256 kid", TestTokens.signWithJwk(ed, header("EdDSA", ec), claims())));
        cases.add(Arguments.of("ES256 header on the EdDSA kid", TestTokens.signWithJwk(ec, header("ES256", ed), claims())));
        cases.add(Arguments.of("Ed25519 header on the EdDSA kid", TestTokens.signWithJwk(ed, header("Ed25519", ed), claims())));
        cases.add(Arguments.of("EdDSA signature under the old HMAC kid", TestTokens.signWithJwk(ed,
                "{\"alg\":\"EdDSA\",\"kid\":\"" + hmacKid + "\"}", claims())));
        cases.add(Arguments.of("none", b64("{\"alg\":\"none\",\"kid\":\"" + ed.get("kid").asText() + "\"}") + "." + b64(claims()) + "."));
        cases.add(Arguments.of("none with a signature", b64("{\"alg\":\"none\"}") + "." + b64(claims()) + "." + b64(new byte[64])));
        cases.add(Arguments.of("no kid with several keys", TestTokens.signWithJwk(ed, "{\"alg\":\"EdDSA\"}", claims())));
        cases.add(Arguments.of("an embedded jwk", TestTokens.signWithJwk(ed, "{\"alg\":\"EdDSA\",\"kid\":\"" + ed.get("kid").asText()
                + "\",\"jwk\":" + publicOnly(ed) + "}", claims())));
        String good = TestTokens.signWithJwk(ed, header("EdDSA", ed), claims());
        byte[] signature = Base64.getUrlDecoder().decode(good.substring(good.lastIndexOf('.') + 1));
        String input = good.substring(0, good.lastIndexOf('.') + 1);
        cases.add(Arguments.of("EdDSA signature cut to 63 bytes", input + b64(java.util.Arrays.copyOf(signature, 63))));
        cases.add(Arguments.of("EdDSA signature with a byte more", input + b64(java.util.Arrays.copyOf(signature, 65))));
        byte[] sPlusL = signature.clone();
        sPlusL[63] |= (byte) 0xf0; // S far above the group order L: a non-canonical signature
        cases.add(Arguments.of("EdDSA signature with S out of range", input + b64(sPlusL)));
        String goodEc = TestTokens.signWithJwk(ec, header("ES256", ec), claims());
        String ecInput = goodEc.substring(0, goodEc.lastIndexOf('.') + 1);
        cases.add(Arguments.of("ES256 signature as DER", ecInput + b64(der(Base64.getUrlDecoder().decode(
                goodEc.substring(goodEc.lastIndexOf('.') + 1))))));
        cases.add(Arguments.of("ES256 signature of zeros", ecInput + b64(new byte[64])));
        cases.add(Arguments.of("a token of another EdDSA key under this kid", TestTokens.signWithJwk(key("EdDSA"), header("EdDSA", ed),
                claims())));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void everyForgery_isRefusedWith401ProblemJson(String name, String token) {
        for (String path : List.of("/me", "/auth/verify")) {
            HttpResponse<String> response = http.get(path, token);
            assertThat(response.statusCode()).as(name + " on " + path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }
    }

    private static JsonNode key(String alg) {
        try {
            return HttpJson.JSON.readTree(withConfig(() -> ConfigSource.of(Map.of()), "", "keys", "generate", "--alg", alg).out())
                    .get("keys").get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String publicOnly(JsonNode jwk) {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + jwk.get("x").asText() + "\"}";
    }

    /** R ‖ S as the DER SEQUENCE of two INTEGERs that the JCA's SHA256withECDSA takes, which JWS never uses. */
    private static byte[] der(byte[] rs) {
        byte[] r = new java.math.BigInteger(1, java.util.Arrays.copyOf(rs, 32)).toByteArray();
        byte[] s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64)).toByteArray();
        byte[] out = new byte[6 + r.length + s.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + r.length + s.length);
        out[2] = 0x02;
        out[3] = (byte) r.length;
        System.arraycopy(r, 0, out, 4, r.length);
        out[4 + r.length] = 0x02;
        out[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, out, 6 + r.length, s.length);
        return out;
    }

    private static String header(String alg, JsonNode key) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + key.get("kid").asText() + "\"}";
    }

    private static String claims() {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + userId + "\",\"aud\":\"inkan\",\"iat\":" + now + ",\"exp\":" + (now + 600)
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"sid\":\"" + UUID.randomUUID() + "\"}";
    }
}
