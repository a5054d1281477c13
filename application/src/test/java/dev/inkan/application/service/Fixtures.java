package dev.inkan.application.service;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.application.tokens.SuccessorTokens;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenRules;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test fixtures: a fixed clock, a policy and rules, and a test-only stand-in for the MAC port (a JCA
 * HMAC), so the use cases are tested without the crypto adapters.
 */
final class Fixtures {

    static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final TokenPolicy POLICY = new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(7));
    static final TokenRules RULES = new TokenRules("inkan", "inkan", Duration.ofSeconds(30));
    static final UserId USER = new UserId(UUID.fromString("0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10"));
    static final SessionId SESSION = new SessionId(UUID.fromString("6f1b1f2e-4c1d-4b7e-9a55-2d1f0e9c8b7a"));

    private Fixtures() {
    }

    static SigningKey key(String kid) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (kid.hashCode() + i);
        }
        return new SigningKey(kid, JwsAlgorithm.HS256, bytes);
    }

    static KeyRing ring(SigningKey... keys) {
        List<SigningKey> list = List.of(keys);
        return () -> list;
    }

    /** Access tokens under the key {@code k1}, with the test stand-in for the MAC. */
    static AccessTokens accessTokens() {
        return new AccessTokens(ring(key("k1")), hs256(), RULES, POLICY.accessTtl());
    }

    /** The user {@link #USER}, with no roles. */
    static final User ANN = User.register(USER, new Email("ann@example.com"), new PasswordHash("$argon2id$x"), NOW);

    static AccessTokenClaims claims() {
        return accessTokens().claimsFor(ANN, SESSION, "jti-1", Map.of(), NOW);
    }

    /** A user repository that holds {@code users} and nothing else, for the token issuer's reads. */
    static UserRepository holding(User... users) {
        UserRepository repository = org.mockito.Mockito.mock(UserRepository.class);
        org.mockito.Mockito.when(repository.findById(org.mockito.ArgumentMatchers.any())).thenReturn(Optional.empty());
        for (User user : users) {
            org.mockito.Mockito.when(repository.findById(user.id())).thenReturn(Optional.of(user));
        }
        return repository;
    }

    /** Randomness for event ids: a fresh UUID each time (and no bytes, which these tests do not ask of it). */
    static RandomSource uuids() {
        return new RandomSource() {
            @Override
            public byte[] bytes(int count) {
                throw new UnsupportedOperationException("no bytes in this test");
            }

            @Override
            public UUID uuid() {
                return UUID.randomUUID();
            }
        };
    }

    /** Successor tokens under a fixed test secret. */
    static SuccessorTokens successors() {
        return new SuccessorTokens(hs256().keyed(key("successor-secret")));
    }

    /** HMAC-SHA256 through the JDK, as a test stand-in for the crypto adapter. */
    static MacAlgorithm hs256() {
        return key -> (input, offset, length) -> {
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
