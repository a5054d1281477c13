package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.TestTokens.b64;
import static dev.inkan.server.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import dev.inkan.bootstrap.ConfigSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The attack suite: forged and malformed tokens, many of them correctly signed with the server's own
 * key, sent to {@code /me} and {@code /auth/verify}. Every one gets 401 problem+json: never 200,
 * never 500, and never a word of the key or of which check failed.
 */
class ForgedTokensTest {

    @TempDir
    static Path dataDir;

    private static final byte[] KEY = TestTokens.randomKey(32);
    private static InkanApplication app;
    private static HttpJson http;
    private static String kid;
    private static String userId;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", b64(KEY));
        app = InkanApplication.start(ConfigSource.of(env));
        http = new HttpJson(app.port());
        kid = new OctetSequenceKey.Builder(KEY).build().computeThumbprint().toString();
        userId = body(http.post("/auth/register", credentials("victim@example.com", "correct horse battery")))
                .get("id").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theUnforgedControlToken_isAccepted_soTheSuiteCannotPassVacuously() {
        String control = sign("HS256", KEY, header("HS256"), claims(Map.of()));

        assertThat(http.get("/me", control).statusCode()).isEqualTo(200);
        assertThat(http.get("/auth/verify", control).statusCode()).isEqualTo(200);
    }

    @Test
    void theLeeway_ofThirtySeconds_isAppliedToExpNbfAndIat_andNoFurther() {
        long now = System.currentTimeMillis() / 1000;
        String iatBefore = "" + (now - 600);

        assertThat(status(Map.of("iat", iatBefore, "exp", "" + (now - 20)))).as("expired 20 s ago").isEqualTo(200);
        assertThat(status(Map.of("iat", iatBefore, "exp", "" + (now - 40)))).as("expired 40 s ago").isEqualTo(401);
        assertThat(status(Map.of("nbf", "" + (now + 20)))).as("valid in 20 s").isEqualTo(200);
        assertThat(status(Map.of("nbf", "" + (now + 40)))).as("valid in 40 s").isEqualTo(401);
        assertThat(status(Map.of("iat", "" + (now + 20)))).as("issued 20 s ahead").isEqualTo(200);
        assertThat(status(Map.of("iat", "" + (now + 40)))).as("issued 40 s ahead").isEqualTo(401);
    }

    private static int status(Map<String, String> claimOverrides) {
        return http.get("/auth/verify", sign("HS256", KEY, header("HS256"), claims(claimOverrides))).statusCode();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgedToken_isRefused_with401_onEveryProtectedRoute(String name, String token) {
        for (String path : List.of("/me", "/auth/verify")) {
            HttpResponse<String> response = http.get(path, token);

            assertThat(response.statusCode()).as("%s on %s", name, path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(body(response).get("detail").asText())
                    .as("one generic answer for every refusal").isEqualTo("the access token is invalid or expired");
            assertThat(response.body()).doesNotContain(b64(KEY)).doesNotContainIgnoringCase("signature")
                    .doesNotContain("Exception");
        }
    }

    static Stream<Arguments> forgeries() {
        long now = System.currentTimeMillis() / 1000;
        String good = sign("HS256", KEY, header("HS256"), claims(Map.of()));
        String[] parts = good.split("\\.");
        List<Arguments> cases = new ArrayList<>();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String h = "{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}";
            cases.add(Arguments.of("alg " + none + ", no signature", b64(h) + "." + parts[1] + "."));
            cases.add(Arguments.of("alg " + none + ", old signature", b64(h) + "." + parts[1] + "." + parts[2]));
        }
        cases.add(Arguments.of("HS384 with the same key", sign("HS384", KEY, header("HS384"), claims(Map.of()))));
        cases.add(Arguments.of("HS512 with the same key", sign("HS512", KEY, header("HS512"), claims(Map.of()))));
        for (String asymmetric : List.of("RS256", "ES256", "PS256", "EdDSA")) {
            cases.add(Arguments.of(asymmetric + " header, HMAC body", sign("HS256", KEY, header(asymmetric), claims(Map.of()))));
        }
        cases.add(Arguments.of("missing alg", sign("HS256", KEY, "{\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", claims(Map.of()))));
        cases.add(Arguments.of("alg as a number", sign("HS256", KEY, "{\"alg\":256,\"kid\":\"" + kid + "\"}", claims(Map.of()))));
        cases.add(Arguments.of("crit header", sign("HS256", KEY, withHeader("\"crit\":[\"exp\"]"), claims(Map.of()))));
        cases.add(Arguments.of("jku header", sign("HS256", KEY, withHeader("\"jku\":\"https://evil.example/keys\""), claims(Map.of()))));
        cases.add(Arguments.of("jwk header", sign("HS256", KEY, withHeader("\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}"), claims(Map.of()))));
        cases.add(Arguments.of("x5u header", sign("HS256", KEY, withHeader("\"x5u\":\"https://evil.example/cert\""), claims(Map.of()))));
        cases.add(Arguments.of("x5c header", sign("HS256", KEY, withHeader("\"x5c\":[\"MIIB\"]"), claims(Map.of()))));
        cases.add(Arguments.of("unknown kid", sign("HS256", KEY, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"other\"}", claims(Map.of()))));
        cases.add(Arguments.of("typ not JWT", sign("HS256", KEY, "{\"alg\":\"HS256\",\"typ\":\"JWE\",\"kid\":\"" + kid + "\"}", claims(Map.of()))));
        cases.add(Arguments.of("another key", sign("HS256", TestTokens.randomKey(32), header("HS256"), claims(Map.of()))));
        cases.add(Arguments.of("empty signature", parts[0] + "." + parts[1] + "."));
        cases.add(Arguments.of("truncated signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40)));
        cases.add(Arguments.of("over-long signature", good + "AAAA"));
        cases.add(Arguments.of("non-base64url signature", parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "*"));
        cases.add(Arguments.of("padded signature", good + "="));
        cases.add(Arguments.of("padded payload", parts[0] + "." + parts[1] + "=." + parts[2]));
        cases.add(Arguments.of("+ in the signature", parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '+').substring(1) + "+"));
        cases.add(Arguments.of("/ in the payload", parts[0] + "." + "/" + parts[1].substring(1) + "." + parts[2]));
        cases.add(Arguments.of("whitespace inside", parts[0] + "." + parts[1] + " ." + parts[2]));
        cases.add(Arguments.of("two segments", parts[0] + "." + parts[1]));
        cases.add(Arguments.of("four segments", good + ".AAAA"));
        cases.add(Arguments.of("five segments", good + ".AAAA.AAAA"));
        cases.add(Arguments.of("empty header", "." + parts[1] + "." + parts[2]));
        cases.add(Arguments.of("header is an array", sign("HS256", KEY, "[\"alg\",\"HS256\"]", claims(Map.of()))));
        cases.add(Arguments.of("payload is a string", sign("HS256", KEY, header("HS256"), "\"" + userId + "\"")));
        cases.add(Arguments.of("payload with trailing data", sign("HS256", KEY, header("HS256"), claims(Map.of()) + "{}")));
        byte[] notUtf8 = claims(Map.of("name", "\"XX\"")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int x = new String(notUtf8, java.nio.charset.StandardCharsets.UTF_8).indexOf("XX");
        notUtf8[x] = (byte) 0xC3;
        notUtf8[x + 1] = (byte) 0x28;
        cases.add(Arguments.of("payload not UTF-8", sign("HS256", KEY, header("HS256").getBytes(java.nio.charset.StandardCharsets.UTF_8), notUtf8)));
        cases.add(Arguments.of("duplicate sub", sign("HS256", KEY, header("HS256"),
                claims(Map.of()).replaceFirst("\\{", "{\"sub\":\"" + UUID.randomUUID() + "\","))));
        cases.add(Arguments.of("duplicate alg", sign("HS256", KEY, "{\"alg\":\"none\",\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}", claims(Map.of()))));
        cases.add(Arguments.of("iss as a number", sign("HS256", KEY, header("HS256"), claims(Map.of("iss", "123")))));
        cases.add(Arguments.of("sub as a number", sign("HS256", KEY, header("HS256"), claims(Map.of("sub", "42")))));
        cases.add(Arguments.of("exp as a string", sign("HS256", KEY, header("HS256"), claims(Map.of("exp", "\"" + (now + 600) + "\"")))));
        cases.add(Arguments.of("exp as a fraction", sign("HS256", KEY, header("HS256"), claims(Map.of("exp", (now + 600) + ".5")))));
        cases.add(Arguments.of("exp in exponent form", sign("HS256", KEY, header("HS256"), claims(Map.of("exp", "1e12")))));
        cases.add(Arguments.of("iat as true", sign("HS256", KEY, header("HS256"), claims(Map.of("iat", "true")))));
        cases.add(Arguments.of("nbf as a string", sign("HS256", KEY, header("HS256"), claims(Map.of("nbf", "\"0\"")))));
        cases.add(Arguments.of("missing exp", sign("HS256", KEY, header("HS256"), claims(Map.of("exp", "")))));
        cases.add(Arguments.of("missing iss", sign("HS256", KEY, header("HS256"), claims(Map.of("iss", "")))));
        cases.add(Arguments.of("missing aud", sign("HS256", KEY, header("HS256"), claims(Map.of("aud", "")))));
        cases.add(Arguments.of("missing sub", sign("HS256", KEY, header("HS256"), claims(Map.of("sub", "")))));
        cases.add(Arguments.of("wrong iss", sign("HS256", KEY, header("HS256"), claims(Map.of("iss", "\"evil\"")))));
        cases.add(Arguments.of("wrong aud", sign("HS256", KEY, header("HS256"), claims(Map.of("aud", "\"other\"")))));
        cases.add(Arguments.of("wrong aud array", sign("HS256", KEY, header("HS256"), claims(Map.of("aud", "[\"other\",\"another\"]")))));
        cases.add(Arguments.of("empty aud array", sign("HS256", KEY, header("HS256"), claims(Map.of("aud", "[]")))));
        cases.add(Arguments.of("expired", sign("HS256", KEY, header("HS256"), claims(Map.of("iat", "" + (now - 3600), "exp", "" + (now - 60))))));
        cases.add(Arguments.of("nbf in the future", sign("HS256", KEY, header("HS256"), claims(Map.of("nbf", "" + (now + 600))))));
        cases.add(Arguments.of("iat in the future", sign("HS256", KEY, header("HS256"), claims(Map.of("iat", "" + (now + 600))))));
        cases.add(Arguments.of("sub not a user id", sign("HS256", KEY, header("HS256"), claims(Map.of("sub", "\"admin\"")))));
        cases.add(Arguments.of("sid not a session id", sign("HS256", KEY, header("HS256"), claims(Map.of("sid", "\"s1\"")))));
        cases.add(Arguments.of("over 8 KiB, correctly signed", sign("HS256", KEY, header("HS256"),
                claims(Map.of("pad", "\"" + "x".repeat(7000) + "\"")))));
        return cases.stream();
    }

    private static String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
    }

    private static String withHeader(String extra) {
        return "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"," + extra + "}";
    }

    /** Valid claims for the victim, with {@code overrides}: a raw JSON value, or "" to leave the claim out. */
    private static String claims(Map<String, String> overrides) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> claims = new java.util.LinkedHashMap<>();
        claims.put("iss", "\"inkan\"");
        claims.put("sub", "\"" + userId + "\"");
        claims.put("aud", "\"inkan\"");
        claims.put("iat", "" + now);
        claims.put("exp", "" + (now + 600));
        claims.put("jti", "\"" + UUID.randomUUID() + "\"");
        claims.put("sid", "\"" + UUID.randomUUID() + "\"");
        claims.putAll(overrides);
        StringBuilder json = new StringBuilder("{");
        claims.forEach((name, value) -> {
            if (!value.isEmpty()) {
                json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value);
            }
        });
        return json.append('}').toString();
    }
}
