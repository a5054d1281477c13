package dev.inkan.verifier;

import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.JwsKey;
import dev.inkan.token.TokenClaims;
import dev.inkan.token.TokenFormat;
import dev.inkan.token.TokenRules;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test fixture: keys of an issuer (Ed25519 pairs made by the JDK, HMAC secrets) and the tokens they sign. */
final class TestTokens {

    static final String AUDIENCE = "inkan";
    static final Duration LEEWAY = Duration.ofSeconds(30);

    private TestTokens() {
    }

    /** An Ed25519 pair: its JWK as the JWK Set publishes it, and the key that signs. */
    record Pair(String kid, KeyPair keys) {

        static Pair generate(String kid) {
            try {
                return new Pair(kid, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        JwsKey signingKey() {
            return JwsKey.signature(kid, JwsAlgorithm.EdDSA, (input, offset, length) -> {
                try {
                    Signature signature = Signature.getInstance("Ed25519");
                    signature.initSign(keys.getPrivate());
                    signature.update(input, offset, length);
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }, (input, offset, length, signature) -> true);
        }

        /** @return the JWK's JSON: kty, crv, x, kid, alg, use */
        String jwk() {
            EdECPublicKey key = (EdECPublicKey) keys.getPublic();
            byte[] y = unsigned32(key.getPoint().getY());
            byte[] x = new byte[32];
            for (int i = 0; i < 32; i++) {
                x[i] = y[31 - i]; // RFC 8032 5.1.2: little-endian y, the sign of x in the top bit
            }
            if (key.getPoint().isXOdd()) {
                x[31] |= (byte) 0x80;
            }
            return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(x)
                    + "\",\"kid\":\"" + kid + "\",\"alg\":\"EdDSA\",\"use\":\"sig\"}";
        }

        private static byte[] unsigned32(BigInteger value) {
            byte[] bytes = value.toByteArray();
            byte[] out = new byte[32];
            int length = Math.min(bytes.length, 32);
            System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
            return out;
        }
    }

    /** @return the JSON of a JWK Set of these JWKs */
    static String jwkSet(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    /** The claims of a token of {@code session}, issued at {@code now} and good for fifteen minutes. */
    static TokenClaims claims(String issuer, UUID user, UUID session, String tokenId, Instant now, List<String> roles) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        return new TokenClaims(issuer, user, List.of(AUDIENCE), issued, issued.plus(Duration.ofMinutes(15)), Optional.empty(),
                tokenId, session, roles, 0, Map.of("tenant", "acme"), true);
    }

    static String sign(JwsKey key, String issuer, TokenClaims claims) {
        return new TokenFormat(List.of(key), new TokenRules(issuer, AUDIENCE, LEEWAY)).sign(claims);
    }
}
