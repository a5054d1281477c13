package dev.inkan.server;

import static dev.inkan.server.Await.awaitWithin;
import static dev.inkan.server.CommandRun.run;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.inkan.bootstrap.ConfigSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * A Spring Security resource server, made once from the README's configuration class, in front of an
 * ES256 Inkan with its keys in PostgreSQL while the operator runs {@code keys rotate} and
 * {@code keys retire}: it follows the rotation without being made again, since the new key's first
 * token names a {@code kid} it does not know, which makes it fetch the JWK Set again. A retired key it
 * goes on accepting after Inkan refuses it, and after Inkan's {@code max-age} is up, because
 * Spring (Nimbus) keeps the set it fetched for five minutes whatever {@code max-age} says, until a
 * token of a {@code kid} it does not know makes it fetch the set; a decoder given a cache of
 * {@code max-age}, as the README shows, refuses it once that cache's time is up.
 */
class SpringFollowsKeyRotationTest {

    private static final String AUDIENCE = "orders";
    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final String NO_KEY = "Another algorithm expected, or no matching key(s) found";
    private static final Pattern PUBLISHED = Pattern.compile("published key (\\S+) \\(ES256\\); it signs from (\\S+)");

    @TempDir
    Path dataDir;
    @TempDir
    Path classes;

    private PostgresSchema schema;
    private InkanApplication inkan;
    private ReadmeSpringConfiguration readme;
    private Map<String, String> env;
    private HttpJson http;
    private String issuer;

    @BeforeEach
    void inkanWithItsKeysInPostgres() {
        schema = PostgresSchema.create();
        int port = TestTokens.freePort();
        issuer = "http://127.0.0.1:" + port; // Spring fetches the metadata from the issuer, so it is where Inkan listens
        env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", Integer.toString(port));
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_DB_URL", schema.jdbcUrl());
        env.put("INKAN_DB_USER", schema.user);
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        env.put("INKAN_JWT_ALG", "ES256");
        env.put("INKAN_ISSUER", issuer);
        env.put("INKAN_AUDIENCE", AUDIENCE);
        env.put("INKAN_KEY_STORE", "database");
        env.put("INKAN_KEY_ENCRYPTION_KEY", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_KEY_PUBLISH_DELAY", "PT5S");
        inkan = InkanApplication.start(ConfigSource.of(env));
        http = new HttpJson(inkan.port());
        assertThat(http.post("/auth/register", credentials(EMAIL, PASSWORD)).statusCode()).as("register").isEqualTo(201);
        readme = ReadmeSpringConfiguration.compile(classes);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable each : new AutoCloseable[] {readme, inkan, schema}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @Test
    void oneDecoder_followsKeysRotate_butAcceptsARetiredKeyPastMaxAge_untilAnUnknownKidMakesItFetchTheKeys() {
        String old = jwksKids().get(0);
        assertThat(jwksKids()).containsExactly(old);
        HttpResponse<String> jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.headers().firstValue("Cache-Control")).as("the JWKS may be cached for the publish delay")
                .hasValue("public, max-age=5");
        Duration maxAge = Duration.ofSeconds(5);
        JwtAuthenticationProvider orders = readme.resourceServer(issuer, AUDIENCE); // made once, as at start-up
        NimbusJwtDecoder bounded = decoderWithACacheOf(maxAge);
        String underOld = login();
        assertThat(kid(underOld)).isEqualTo(old);
        assertThat(present(orders, underOld).isAuthenticated()).isTrue();
        bounded.decode(underOld);

        CommandRun rotate = run(env, "keys", "rotate");
        assertThat(rotate.exitCode()).as(rotate.toString()).isZero();
        Matcher published = PUBLISHED.matcher(rotate.lines().get(0));
        assertThat(published.matches()).as(rotate.out()).isTrue();
        String rotated = published.group(1);
        Instant signsFrom = Instant.parse(published.group(2));
        awaitWithin(Duration.between(Instant.now(), signsFrom).plusSeconds(2),
                () -> Instant.now().isAfter(signsFrom) && kid(login()).equals(rotated) ? 200 : 0, 200);
        String underNew = login();
        assertThat(kid(underNew)).as("after the publish delay, the new key signs").isEqualTo(rotated);

        Authentication user = present(orders, underNew);
        assertThat(user.getName()).as("the same decoder, not made again, accepts the new key's token")
                .isEqualTo(TestTokens.claims(underNew).get("sub").asText());
        assertThat(bounded.decode(underNew).getHeaders()).containsEntry("kid", rotated);
        assertThat(present(orders, underOld).isAuthenticated()).as("the old key verifies until it retires").isTrue();

        CommandRun retire = run(env, "keys", "retire", old);
        assertThat(retire.exitCode()).as(retire.toString()).isZero();
        awaitWithin(Duration.ofSeconds(1), () -> http.get("/auth/verify", underOld).statusCode(), 401);
        assertThat(jwksKids()).as("Inkan refuses the retired key's token and no longer publishes the key").containsExactly(rotated);

        // the bounded decoder fetched the set after the Spring one did (at underNew), so once its cache
        // of max-age is up, the Spring one's set is older than max-age too
        awaitWithin(maxAge.plusSeconds(2), () -> refuses(bounded, underOld) ? 401 : 200, 401);
        assertThat(present(orders, underOld).isAuthenticated())
                .as("Spring's decoder still accepts the retired key's token: it keeps the set for five minutes, whatever max-age says")
                .isTrue();

        String unknownKid = Tampering.keyId(underNew, "not-a-key-of-inkan");
        assertThatThrownBy(() -> present(orders, unknownKid)).isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining(NO_KEY);
        assertThatThrownBy(() -> present(orders, underOld))
                .as("once a kid it does not know has made it fetch the set, the retired key is gone from it")
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining(NO_KEY);
        assertThat(present(orders, underNew).isAuthenticated()).isTrue();
    }

    /**
     * The README's decoder with a JWK Set cache of a lifetime of its own, instead of Nimbus's five
     * minutes, as the README's section on Spring shows it after the configuration class.
     */
    private NimbusJwtDecoder decoderWithACacheOf(Duration lifetime) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                .cache(new CaffeineCache("jwks", Caffeine.newBuilder().expireAfterWrite(lifetime).build()))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE))));
        return decoder;
    }

    private static Authentication present(JwtAuthenticationProvider resourceServer, String token) {
        return resourceServer.authenticate(new BearerTokenAuthenticationToken(token));
    }

    private static boolean refuses(NimbusJwtDecoder decoder, String token) {
        try {
            decoder.decode(token);
            return false;
        } catch (JwtException e) {
            assertThat(e).hasMessageContaining(NO_KEY);
            return true;
        }
    }

    private String login() {
        HttpResponse<String> response = http.post("/auth/login", credentials(EMAIL, PASSWORD));
        assertThat(response.statusCode()).as("login").isEqualTo(200);
        return body(response).get("access_token").asText();
    }

    private static String kid(String token) {
        return TestTokens.header(token).get("kid").asText();
    }

    private List<String> jwksKids() {
        JsonNode keys = body(http.get("/.well-known/jwks.json", null)).get("keys");
        return StreamSupport.stream(keys.spliterator(), false).map(key -> key.get("kid").asText()).toList();
    }
}
