package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.inkan.bootstrap.ConfigSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole flow over real HTTP against the application started exactly as {@code inkan.jar serve} starts it. */
class EndToEndFlowTest {

    @TempDir
    static Path dataDir;

    private static byte[] secret;
    private static InkanApplication app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        app = InkanApplication.start(ConfigSource.of(env));
        http = new HttpJson(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void register_login_me_verify_refresh_logout_andTheRefreshTokenIsRefusedAfterwards() {
        String email = uniqueEmail();
        HttpResponse<String> registered = http.post("/auth/register", credentials("  " + email.toUpperCase() + " ", "correct horse battery"));
        assertThat(registered.statusCode()).isEqualTo(201);
        String userId = body(registered).get("id").asText();
        assertThat(body(registered).get("email").asText()).isEqualTo(email);

        JsonNode login = body(http.post("/auth/login", credentials(email, "correct horse battery")));
        assertThat(login.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.get("expires_in").asLong()).isEqualTo(900);
        assertThat(login.get("refresh_expires_in").asLong()).isEqualTo(7 * 24 * 3600);
        String access = login.get("access_token").asText();
        String refresh = login.get("refresh_token").asText();

        HttpResponse<String> me = http.get("/me", access);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).get("id").asText()).isEqualTo(userId);
        assertThat(body(me).get("email").asText()).isEqualTo(email);
        assertThat(body(me).get("created_at").asText()).isNotBlank();

        HttpResponse<String> verified = http.get("/auth/verify", access);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(body(verified).get("sub").asText()).isEqualTo(userId);

        JsonNode refreshed = body(http.post("/auth/refresh", refreshBody(refresh)));
        String access2 = refreshed.get("access_token").asText();
        String refresh2 = refreshed.get("refresh_token").asText();
        assertThat(refresh2).isNotEqualTo(refresh);
        assertThat(http.get("/me", access2).statusCode()).isEqualTo(200);

        assertThat(http.postWithToken("/auth/logout", access2).statusCode()).isEqualTo(204);

        assertThat(http.post("/auth/refresh", refreshBody(refresh2)).statusCode()).isEqualTo(401);
        assertThat(http.get("/me", access2).statusCode()).isEqualTo(401);
        assertThat(http.get("/auth/verify", access).statusCode()).as("older token of the ended session").isEqualTo(401);
    }

    @Test
    void presentingTheSameRefreshTokenAgain_withinTheGraceWindow_getsTheSameSuccessor() {
        String email = registered();
        String first = body(http.post("/auth/login", credentials(email, "correct horse battery"))).get("refresh_token").asText();

        JsonNode tabOne = body(http.post("/auth/refresh", refreshBody(first)));
        JsonNode tabTwo = body(http.post("/auth/refresh", refreshBody(first)));

        assertThat(tabTwo.get("refresh_token").asText()).isEqualTo(tabOne.get("refresh_token").asText());
        assertThat(tabTwo.get("access_token").asText()).isNotEqualTo(tabOne.get("access_token").asText());
        assertThat(http.get("/me", tabTwo.get("access_token").asText()).statusCode()).isEqualTo(200);
        assertThat(http.post("/auth/refresh", refreshBody(tabOne.get("refresh_token").asText())).statusCode()).isEqualTo(200);
    }

    @Test
    void reusingASpentRefreshToken_afterTheGraceWindow_endsTheWholeSession() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.resolve("short-grace").toString());
        env.put("INKAN_JWT_SECRET", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        env.put("INKAN_REFRESH_REUSE_GRACE", "PT1S");
        try (InkanApplication shortGrace = InkanApplication.start(ConfigSource.of(env))) {
            HttpJson client = new HttpJson(shortGrace.port());
            String email = uniqueEmail();
            client.post("/auth/register", credentials(email, "correct horse battery"));
            String first = body(client.post("/auth/login", credentials(email, "correct horse battery"))).get("refresh_token").asText();
            JsonNode rotated = body(client.post("/auth/refresh", refreshBody(first)));
            Thread.sleep(1_100);

            HttpResponse<String> reuse = client.post("/auth/refresh", refreshBody(first));

            assertThat(reuse.statusCode()).isEqualTo(401);
            assertThat(reuse.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(client.post("/auth/refresh", refreshBody(rotated.get("refresh_token").asText())).statusCode())
                    .as("the successor dies with its family").isEqualTo(401);
            assertThat(client.get("/me", rotated.get("access_token").asText()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void logoutAll_endsEverySessionOfTheUser() {
        String email = registered();
        JsonNode laptop = body(http.post("/auth/login", credentials(email, "correct horse battery")));
        JsonNode phone = body(http.post("/auth/login", credentials(email, "correct horse battery")));

        assertThat(http.postWithToken("/auth/logout-all", laptop.get("access_token").asText()).statusCode()).isEqualTo(204);

        assertThat(http.get("/me", phone.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/refresh", refreshBody(phone.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/login", credentials(email, "correct horse battery")).statusCode()).isEqualTo(200);
    }

    @Test
    void accessToken_verifiesWithNimbus_givenTheSecret_andCarriesTheDesignedClaims() throws Exception {
        String email = registered();
        String access = body(http.post("/auth/login", credentials(email, "correct horse battery"))).get("access_token").asText();

        SignedJWT jwt = SignedJWT.parse(access);

        assertThat(jwt.verify(new MACVerifier(secret))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(new OctetSequenceKey.Builder(secret).build().computeThumbprint().toString());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("inkan");
        assertThat(claims.getAudience()).containsExactly("inkan");
        assertThat(UUID.fromString(claims.getSubject())).isNotNull();
        assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
        assertThat(UUID.fromString(claims.getStringClaim("sid"))).isNotNull();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(15 * 60 * 1000L);
    }

    @Test
    void tokenMintedByNimbus_withTheSecretAndTheSameClaims_isAccepted() throws Exception {
        String email = registered();
        String userId = body(http.get("/me", login(email))).get("id").asText();

        String withKid = nimbusToken(secret, userId, new Date(), new OctetSequenceKey.Builder(secret).build().computeThumbprint().toString());
        String withoutKid = nimbusToken(secret, userId, new Date(), null);

        assertThat(http.get("/me", withKid).statusCode()).isEqualTo(200);
        assertThat(body(http.get("/auth/verify", withoutKid)).get("sub").asText()).isEqualTo(userId);
    }

    @Test
    void theSeedsAttack_changedPayloadWithTheOldSignature_isRefused() {
        String email = registered();
        String access = login(email);
        String[] parts = access.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        String forgedToken = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<String> response = http.get("/me", forgedToken);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(http.get("/auth/verify", forgedToken).statusCode()).isEqualTo(401);
    }

    @Test
    void expired_wronglySigned_andMissingTokens_areRefused() throws Exception {
        String email = registered();
        String userId = body(http.get("/me", login(email))).get("id").asText();
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);

        String expired = nimbusToken(secret, userId, new Date(System.currentTimeMillis() - 3_600_000), null);
        String wronglySigned = nimbusToken(otherKey, userId, new Date(), null);

        assertThat(http.get("/me", expired).statusCode()).isEqualTo(401);
        assertThat(http.get("/me", wronglySigned).statusCode()).isEqualTo(401);
        assertThat(http.get("/me", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/auth/verify", "not.a.token").statusCode()).isEqualTo(401);
    }

    @Test
    void unknownEmail_andWrongPassword_getTheSameAnswer() {
        String email = registered();

        HttpResponse<String> wrongPassword = http.post("/auth/login", credentials(email, "wrong password!"));
        HttpResponse<String> unknownUser = http.post("/auth/login", credentials(uniqueEmail(), "wrong password!"));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(unknownUser.body().replace("\"instance\":\"/auth/login\"", ""))
                .isEqualTo(wrongPassword.body().replace("\"instance\":\"/auth/login\"", ""));
    }

    @Test
    void registeringTheSameEmailTwice_inAnotherCase_answers409() {
        String email = registered();

        HttpResponse<String> again = http.post("/auth/register", credentials(email.toUpperCase(), "another password"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void health_isUp() {
        HttpResponse<String> health = http.get("/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).get("status").asText()).isEqualTo("UP");
    }

    private static String nimbusToken(byte[] key, String userId, Date issuedAt, String keyId) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT);
        if (keyId != null) {
            header.keyID(keyId);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("inkan").subject(userId).audience("inkan")
                .issueTime(new Date(issuedAt.getTime() / 1000 * 1000))
                .expirationTime(new Date(issuedAt.getTime() / 1000 * 1000 + 600_000))
                .jwtID(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String registered() {
        String email = uniqueEmail();
        assertThat(http.post("/auth/register", credentials(email, "correct horse battery")).statusCode()).isEqualTo(201);
        return email;
    }

    private static String login(String email) {
        return body(http.post("/auth/login", credentials(email, "correct horse battery"))).get("access_token").asText();
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
