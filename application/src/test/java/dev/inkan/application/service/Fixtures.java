package dev.inkan.application.service;

import dev.inkan.application.port.out.ClaimsCodec;
import dev.inkan.application.port.out.JoseHeader;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.SigningKey;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test fixtures: a fixed clock, a policy, and small test-only stand-ins for the crypto ports (a JCA
 * HMAC and a line-based claims format), so the application's token logic is tested on its own.
 */
final class Fixtures {

    static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final TokenPolicy POLICY = new TokenPolicy("inkan", "inkan", Duration.ofMinutes(15), Duration.ofDays(7),
            Duration.ofSeconds(30));
    static final UserId USER = new UserId(UUID.fromString("0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10"));
    static final SessionId SESSION = new SessionId(UUID.fromString("6f1b1f2e-4c1d-4b7e-9a55-2d1f0e9c8b7a"));

    private Fixtures() {
    }

    static SigningKey key(String kid) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (kid.hashCode() + i);
        }
        return new SigningKey(kid, bytes);
    }

    static KeyRing ring(SigningKey... keys) {
        List<SigningKey> list = List.of(keys);
        return () -> list;
    }

    static AccessTokenClaims claims() {
        return POLICY.newAccessClaims(USER, SESSION, "jti-1", NOW);
    }

    /** Successor tokens under a fixed test secret. */
    static SuccessorTokens successors() {
        return new SuccessorTokens(hs256().keyed(key("successor-secret")));
    }

    /** HMAC-SHA256 through the JDK, as a test stand-in for the crypto adapter. */
    static MacAlgorithm hs256() {
        return new MacAlgorithm() {
            @Override
            public JwsAlgorithm algorithm() {
                return JwsAlgorithm.HS256;
            }

            @Override
            public KeyedMac keyed(SigningKey key) {
                key.requireStrongEnoughFor(JwsAlgorithm.HS256);
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
        };
    }

    /**
     * A claims codec of its own plain format, so these tests do not depend on the JSON adapter:
     * header "alg|typ|kid|other,names", claims "iss|sub|aud|iat|exp|jti|sid".
     */
    static ClaimsCodec plainCodec() {
        return new ClaimsCodec() {
            @Override
            public byte[] encodeHeader(JwsAlgorithm algorithm, String keyId) {
                return header(algorithm.jwsName(), "JWT", keyId);
            }

            @Override
            public byte[] encodeClaims(AccessTokenClaims c) {
                return String.join("|", c.issuer(), c.subject().toString(), c.audience().get(0),
                        Long.toString(c.issuedAt().getEpochSecond()), Long.toString(c.expiresAt().getEpochSecond()),
                        c.tokenId(), c.sessionId().toString()).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public JoseHeader decodeHeader(byte[] json) {
                String[] parts = new String(json, StandardCharsets.UTF_8).split("\\|", -1);
                if (parts.length != 4) {
                    throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED_HEADER);
                }
                Set<String> names = new HashSet<>();
                for (String name : parts[3].split(",")) {
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
                return new JoseHeader(present(parts[0]), present(parts[1]), present(parts[2]), names);
            }

            @Override
            public AccessTokenClaims decodeClaims(byte[] json) {
                String[] p = new String(json, StandardCharsets.UTF_8).split("\\|", -1);
                return new AccessTokenClaims(p[0], UserId.parse(p[1]), List.of(p[2]), Instant.ofEpochSecond(Long.parseLong(p[3])),
                        Instant.ofEpochSecond(Long.parseLong(p[4])), Optional.empty(), p[5], SessionId.parse(p[6]));
            }

            private Optional<String> present(String part) {
                return part.isEmpty() ? Optional.empty() : Optional.of(part);
            }
        };
    }

    /** A header in {@link #plainCodec()}'s format; empty strings are absent values. */
    static byte[] header(String alg, String typ, String kid, String... otherNames) {
        return (alg + "|" + typ + "|" + kid + "|" + String.join(",", otherNames)).getBytes(StandardCharsets.UTF_8);
    }
}
