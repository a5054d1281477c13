package dev.inkan.application.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.Role;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenException;
import dev.inkan.token.TokenRules;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private static final TokenRules RULES = new TokenRules("inkan", "api", Duration.ofSeconds(30));
    private static final User USER = new User(new UserId(UUID.randomUUID()), new Email("ann@example.com"),
            new PasswordHash("$argon2id$x"), NOW, List.of(new Role("billing:read")), 2, Optional.empty());
    private static final SessionId SESSION = new SessionId(UUID.randomUUID());

    private final AccessTokens tokens = new AccessTokens(ring(key("k1")), AccessTokensTest::hs256, RULES, Duration.ofMinutes(15));

    @Test
    void newClaims_haveWholeSeconds_theLifetime_andTheRulesIssuerAndAudience() {
        AccessTokenClaims claims = tokens.claimsFor(USER, SESSION, "jti", Map.of(), NOW.plusMillis(999));

        assertThat(claims.issuedAt()).isEqualTo(NOW);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(claims.issuer()).isEqualTo("inkan");
        assertThat(claims.audience()).containsExactly("api");
        assertThat(claims.notBefore()).isEmpty();
    }

    @Test
    void aSignedToken_verifiesBackIntoTheSameClaims() {
        AccessTokenClaims claims = tokens.claimsFor(USER, SESSION, "jti", Map.of(), NOW);

        assertThat(tokens.verify(tokens.sign(claims), NOW)).isEqualTo(claims);
    }

    @Test
    void aUserWithAVerifiedAddress_getsTokensThatSaySo_andAUserWithout_tokensThatDoNot() {
        User verified = new User(USER.id(), USER.email(), USER.passwordHash(), USER.createdAt(), USER.roles(),
                USER.rolesVersion(), USER.disabledAt(), Optional.of(NOW));

        AccessTokenClaims claims = tokens.verify(tokens.sign(tokens.claimsFor(verified, SESSION, "jti", Map.of(), NOW)), NOW);

        assertThat(claims.emailVerified()).isTrue();
        assertThat(tokens.verify(tokens.sign(tokens.claimsFor(USER, SESSION, "jti", Map.of(), NOW)), NOW).emailVerified()).isFalse();
    }

    @Test
    void aRefusal_keepsTheFormatsReason() {
        String token = tokens.sign(tokens.claimsFor(USER, SESSION, "jti", Map.of(), NOW));
        AccessTokens otherKey = new AccessTokens(ring(key("k1", 7)), AccessTokensTest::hs256, RULES, Duration.ofMinutes(15));
        AccessTokens otherIssuer = new AccessTokens(ring(key("k1")), AccessTokensTest::hs256,
                new TokenRules("elsewhere", "api", Duration.ZERO), Duration.ofMinutes(15));

        assertRefused(() -> tokens.verify("", NOW), Reason.MISSING);
        assertRefused(() -> tokens.verify("x.y.z", NOW), Reason.MALFORMED);
        assertRefused(() -> otherKey.verify(token, NOW), Reason.BAD_SIGNATURE);
        assertRefused(() -> otherIssuer.verify(token, NOW), Reason.WRONG_ISSUER);
        assertRefused(() -> tokens.verify(token, NOW.plus(Duration.ofMinutes(16))), Reason.EXPIRED);
    }

    @Test
    void everyReasonOfTheFormat_hasTheSameNameInTheDomain() {
        for (TokenException.Reason reason : TokenException.Reason.values()) {
            assertThat(Reason.valueOf(reason.name())).isNotNull();
        }
    }

    @Test
    void aRingWhoseKeysShareAnId_isRefused() {
        assertThatThrownBy(() -> new AccessTokens(ring(key("k1"), key("k1", 3)), AccessTokensTest::hs256, RULES,
                Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1");
    }

    private static void assertRefused(Runnable verify, Reason reason) {
        assertThatThrownBy(verify::run)
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static SigningKey key(String kid) {
        return key(kid, 1);
    }

    private static SigningKey key(String kid, int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return new SigningKey(kid, JwsAlgorithm.HS256, bytes);
    }

    private static KeyRing ring(SigningKey... keys) {
        List<SigningKey> list = List.of(keys);
        return () -> list;
    }

    /** A {@link MacAlgorithm} through the JDK, standing in for the crypto adapter. */
    private static dev.inkan.token.Mac hs256(SigningKey key) {
        return (input, offset, length) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
                mac.update(input, offset, length);
                return mac.doFinal();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
