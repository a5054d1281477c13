package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.domain.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Test helper: an Inkan server as the interop tests' verifiers meet it, started as the jar starts it
 * (on a free loopback port, with its key pair generated into its data folder and its issuer the URL
 * it is reached at), with one user who holds a role, and the tokens the verifiers are handed. Its
 * clock runs an hour behind for the first login, so that the token of that login expired long ago
 * by every verifier's clock, whatever skew it allows; the second login is at the real time.
 * It lives in the server's package for the two seams the server's own tests use: opening Inkan
 * without HTTP to make the user, and giving the server a clock.
 */
final class InteropInkan implements AutoCloseable {

    /** The audience this Inkan writes in {@code aud}: the service its tokens are for. */
    static final String AUDIENCE = "orders";
    static final String ROLE = "billing:read";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration BEHIND = Duration.ofHours(1);

    private final InkanApplication app;
    private final String issuer;
    private final HttpJson http;
    private final String expiredToken;
    private final String goodToken;

    private InteropInkan(InkanApplication app, String issuer, TestClock clock) {
        this.app = app;
        this.issuer = issuer;
        this.http = new HttpJson(app.port());
        this.expiredToken = login();
        clock.advance(BEHIND);
        this.goodToken = login();
    }

    /** Starts Inkan with {@code INKAN_JWT_ALG=algorithm}, its data in {@code dataDir}. */
    static InteropInkan start(String algorithm, Path dataDir) {
        int port = freePort();
        String issuer = "http://127.0.0.1:" + port; // clients fetch the metadata from the issuer, so it is where Inkan listens
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", Integer.toString(port));
        env.put("INKAN_PUBLIC_URL", issuer);
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_ALG", algorithm);
        env.put("INKAN_AUDIENCE", AUDIENCE);
        try (Inkan inkan = InkanApplication.open(InkanSettings.from(ConfigSource.of(env)))) {
            inkan.admin().grant(inkan.register().register(RegisterCommand.of(EMAIL, PASSWORD)).id(), new Role(ROLE));
        }
        TestClock clock = new TestClock();
        clock.advance(BEHIND.negated());
        InkanApplication app = InkanApplication.start(ConfigSource.of(env), builder -> builder.clock(clock));
        try {
            return new InteropInkan(app, issuer, clock);
        } catch (RuntimeException | AssertionError e) {
            app.close();
            throw e;
        }
    }

    /** @return the issuer URL, exactly as Inkan serves it in its metadata and writes it in {@code iss} */
    String issuer() {
        return issuer;
    }

    /** @return an access token from {@code POST /auth/login}, good for fifteen minutes */
    String goodToken() {
        return goodToken;
    }

    /** @return an access token from a login an hour ago (by the server's clock then), expired for 45 minutes */
    String expiredToken() {
        return expiredToken;
    }

    /** @return {@link #goodToken()} with one byte of its payload changed: the last character of {@code sub}, another user's id */
    String tamperedPayloadToken() {
        return Tampering.payloadByte(goodToken);
    }

    /** @return {@link #goodToken()} with one bit of its signature flipped */
    String tamperedSignatureToken() {
        return Tampering.signatureBit(goodToken);
    }

    /** @return the claims Inkan itself verified in {@code token}, as {@code GET /auth/verify} answers them */
    JsonNode claimsInkanVerified(String token) {
        HttpResponse<String> response = http.get("/auth/verify", token);
        assertThat(response.statusCode()).as("Inkan's own verdict on its token").isEqualTo(200);
        return tree(response.body());
    }

    /** @return the {@code kid} of the signing key, the first of {@code /.well-known/jwks.json} */
    String signingKeyId() {
        return tree(http.get("/.well-known/jwks.json", null).body()).get("keys").get(0).get("kid").asText();
    }

    private String login() {
        HttpResponse<String> response = http.post("/auth/login", HttpJson.credentials(EMAIL, PASSWORD));
        assertThat(response.statusCode()).as("login").isEqualTo(200);
        return tree(response.body()).get("access_token").asText();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
