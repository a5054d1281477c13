package dev.inkan.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test fixtures: a fixed time, rules, claims, JCA-backed keys that count their MACs, and hand-made tokens. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    static final Duration LEEWAY = Duration.ofSeconds(30);
    static final TokenRules RULES = new TokenRules("inkan", "inkan", LEEWAY);
    static final String SUB = "0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10";
    static final String SID = "6f1b1f2e-4c1d-4b7e-9a55-2d1f0e9c8b7a";
    static final UUID USER = UUID.fromString(SUB);
    static final UUID SESSION = UUID.fromString(SID);

    private Fixtures() {
    }

    /** The usual claims: issued now, for 15 minutes, by and for "inkan". */
    static TokenClaims claims() {
        return new TokenClaims("inkan", USER, List.of("inkan"), NOW, NOW.plus(Duration.ofMinutes(15)), Optional.empty(),
                "jti-1", SESSION);
    }

    /** The usual claims, with these roles, roles version and custom claims. */
    static TokenClaims claims(List<String> roles, long rolesVersion, Map<String, Object> custom) {
        return new TokenClaims("inkan", USER, List.of("inkan"), NOW, NOW.plus(Duration.ofMinutes(15)), Optional.empty(),
                "jti-1", SESSION, roles, rolesVersion, custom);
    }

    static CountingMac mac(String kid, JwsAlgorithm algorithm) {
        byte[] secret = new byte[algorithm.macLength()];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (kid.hashCode() + i);
        }
        return new CountingMac(new SigningKey(kid, algorithm, secret));
    }

    static JwsKey key(String kid) {
        return key(kid, JwsAlgorithm.HS256);
    }

    static JwsKey key(String kid, JwsAlgorithm algorithm) {
        return JwsKey.hmac(kid, algorithm, mac(kid, algorithm));
    }

    /** A token of the header and payload given as they are, signed with {@code key}. */
    static String signed(JwsKey key, String headerJson, byte[] payload) {
        String input = b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload);
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        return input + "." + b64(key.sign(bytes, 0, bytes.length));
    }

    static String signed(JwsKey key, String headerJson, String claimsJson) {
        return signed(key, headerJson, claimsJson.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void assertRefused(ThrowingCallable call, TokenException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** HMAC through the JDK, as a crypto adapter supplies it, counting how often it is computed. */
    static final class CountingMac implements Mac {

        private final SigningKey key;
        private final AtomicInteger computed = new AtomicInteger();

        CountingMac(SigningKey key) {
            this.key = key;
        }

        @Override
        public byte[] compute(byte[] input, int offset, int length) {
            computed.incrementAndGet();
            String jcaName = switch (key.algorithm()) {
                case HS256 -> "HmacSHA256";
                case HS384 -> "HmacSHA384";
                case HS512 -> "HmacSHA512";
                default -> throw new IllegalStateException(key.algorithm() + " is not an HMAC");
            };
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance(jcaName);
                mac.init(new SecretKeySpec(key.secret(), jcaName));
                mac.update(input, offset, length);
                return mac.doFinal();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        int computed() {
            return computed.get();
        }
    }
}
