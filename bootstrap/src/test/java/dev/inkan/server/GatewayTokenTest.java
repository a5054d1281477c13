package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway token: forward-auth answers a trusted proxy asking about a path whose rule names an
 * audience with {@code Authorization: Bearer} of a short-lived token for that upstream, which any
 * JOSE library verifies with the JWKS; nobody else is given one, and an HMAC server mints none.
 */
class GatewayTokenTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String RULES = "/orders/=authenticated;aud:orders-api,/admin/=role:admin;aud:admin-api,/public/=anyone";

    @TempDir
    Path dir;

    @Test
    void aTrustedGateway_getsATokenForTheUpstream_thatAJoseLibraryVerifies_withTheCallersSession() throws Exception {
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env("ES256", "127.0.0.1")))) {
            HttpJson http = new HttpJson(app.port());
            String userId = body(http.post("/auth/register", credentials("gw@example.com", PASSWORD))).get("id").asText();
            String access = body(http.post("/auth/login", credentials("gw@example.com", PASSWORD))).get("access_token").asText();

            HttpResponse<String> answer = forward(http, access, "/orders/42");

            assertThat(answer.statusCode()).isEqualTo(200);
            SignedJWT token = SignedJWT.parse(bearer(answer).orElseThrow());
            JWKSet keys = JWKSet.parse(http.get("/.well-known/jwks.json", null).body());
            ECKey key = keys.getKeyByKeyId(token.getHeader().getKeyID()).toECKey();
            assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
            JWTClaimsSet claims = token.getJWTClaimsSet();
            assertThat(claims.getAudience()).containsExactly("orders-api");
            assertThat(claims.getSubject()).isEqualTo(userId);
            assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080");
            assertThat(claims.getStringClaim("sid")).isEqualTo(answer.headers().firstValue("X-Inkan-Session-Id").orElseThrow());
            assertThat(claims.getJWTID()).isNotEqualTo(SignedJWT.parse(access).getJWTClaimsSet().getJWTID());
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofSeconds(20));

            assertThat(http.get("/me", bearer(answer).orElseThrow()).statusCode())
                    .as("Inkan does not take a gateway token for one of its access tokens").isEqualTo(401);
            assertThat(bearer(forward(http, access, "/elsewhere"))).as("a rule without an audience").isEmpty();
            assertThat(bearer(forward(http, access, "/public/x"))).as("a path open to anyone").isEmpty();
            assertThat(forward(http, access, "/admin/x").statusCode()).as("no role, no token").isEqualTo(403);
            assertThat(bearer(forward(http, access, "/admin/x"))).isEmpty();
            assertThat(bearer(forward(http, access, "/public/../orders/1")))
                    .as("a path read two ways gets a token only where both readings name the same audience").isEmpty();
        }
    }

    @Test
    void aCallerThatIsNotATrustedProxy_isGivenNoGatewayToken() throws Exception {
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env("EdDSA", "10.9.8.7")))) {
            HttpJson http = new HttpJson(app.port());
            http.post("/auth/register", credentials("direct@example.com", PASSWORD));
            String access = body(http.post("/auth/login", credentials("direct@example.com", PASSWORD))).get("access_token").asText();

            HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/auth/verify"))
                    .header("Authorization", "Bearer " + access));

            assertThat(direct.statusCode()).isEqualTo(200);
            assertThat(bearer(direct)).isEmpty();
        }
    }

    @Test
    void gatewayTokens_needAKeyPair_anAudienceOfTheirOwn_andAMinuteAtMost() {
        Map<String, String> hmac = env("HS256", "127.0.0.1");
        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(hmac))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_FORWARD_AUTH_RULES").hasMessageContaining("INKAN_JWT_ALG")
                .hasMessageContaining("orders-api");

        Map<String, String> ownAudience = env("EdDSA", "127.0.0.1");
        ownAudience.put("INKAN_FORWARD_AUTH_RULES", "/orders/=authenticated;aud:inkan");
        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(ownAudience))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_AUDIENCE");

        Map<String, String> long_ = env("EdDSA", "127.0.0.1");
        long_.put("INKAN_GATEWAY_TOKEN_TTL", "PT61S");
        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(long_))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_GATEWAY_TOKEN_TTL");
    }

    /** Asks as a gateway does about {@code path}, with the caller's token. */
    private static HttpResponse<String> forward(HttpJson http, String access, String path) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/auth/verify"))
                .header("Authorization", "Bearer " + access).header("X-Forwarded-Uri", path).header("X-Forwarded-Method", "GET"));
    }

    private static Optional<String> bearer(HttpResponse<String> answer) {
        return answer.headers().firstValue("Authorization").map(value -> {
            assertThat(value).startsWith("Bearer ");
            return value.substring("Bearer ".length());
        });
    }

    private Map<String, String> env(String algorithm, String trustedProxies) {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dir.resolve("data-" + algorithm).toString());
        env.put("INKAN_JWT_ALG", algorithm);
        env.put("INKAN_ISSUER", "http://localhost:8080");
        env.put("INKAN_TRUSTED_PROXIES", trustedProxies);
        env.put("INKAN_FORWARD_AUTH_RULES", RULES);
        env.put("INKAN_GATEWAY_TOKEN_TTL", "PT20S");
        return env;
    }
}
