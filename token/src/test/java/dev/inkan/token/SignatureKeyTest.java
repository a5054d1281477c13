package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.RULES;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.b64;
import static dev.inkan.token.Fixtures.claims;
import static dev.inkan.token.Fixtures.signed;
import static dev.inkan.token.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.JcaPairs.Pair;
import dev.inkan.token.TokenException.Reason;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The token format with key pairs (EdDSA, Ed25519, ES256): signing, verifying, and every forgery refused. */
class SignatureKeyTest {

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "Ed25519", "ES256"})
    void aPairSigns_withItsAlgInTheHeader_aSignatureOfItsLength_andVerifies(JwsAlgorithm algorithm) {
        Pair pair = JcaPairs.pair("p1", algorithm);
        TokenFormat format = new TokenFormat(List.of(pair.key()), RULES);

        String token = format.sign(claims());
        String[] parts = token.split("\\.");

        assertThat(utf8(Base64.getUrlDecoder().decode(parts[0])))
                .isEqualTo("{\"alg\":\"" + algorithm.jwsName() + "\",\"typ\":\"JWT\",\"kid\":\"p1\"}");
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
        assertThat(format.verify(token, NOW)).isEqualTo(claims());
        assertThat(pair.verify((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0,
                parts[0].length() + 1 + parts[1].length(), Base64.getUrlDecoder().decode(parts[2])))
                .as("the signature is the JCA's over the signing input").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "ES256"})
    void aTamperedToken_isRefused_andASignatureOfAnotherLength_neverReachesTheVerifier(JwsAlgorithm algorithm) {
        Pair pair = JcaPairs.pair("p1", algorithm);
        TokenFormat format = new TokenFormat(List.of(pair.key()), RULES);
        String[] parts = format.sign(claims()).split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        byte[] flipped = signature.clone();
        flipped[40] ^= 1;
        String otherClaims = b64(ClaimsWriter.write(new TokenClaims("inkan", Fixtures.USER, List.of("inkan"), NOW,
                NOW.plusSeconds(3600), Optional.empty(), "jti-2", Fixtures.SESSION)));

        assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "." + b64(flipped), NOW), Reason.BAD_SIGNATURE);
        assertRefused(() -> format.verify(parts[0] + "." + otherClaims + "." + parts[2], NOW), Reason.BAD_SIGNATURE);
        int before = pair.verified();
        for (byte[] wrongLength : List.of(Arrays.copyOf(signature, 63), Arrays.copyOf(signature, 65), new byte[1],
                Arrays.copyOf(signature, 72))) {
            assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "." + b64(wrongLength), NOW), Reason.BAD_SIGNATURE);
        }
        assertThat(pair.verified()).as("verifier calls for signatures of the wrong length").isEqualTo(before);
    }

    @Test
    void algConfusion_isRefused_beforeAnySignatureOrMac() {
        Pair ed = JcaPairs.pair("ed", JwsAlgorithm.EdDSA);
        Pair ec = JcaPairs.pair("ec", JwsAlgorithm.ES256);
        TokenFormat ring = new TokenFormat(List.of(ed.key(), ec.key()), RULES);
        TokenFormat sole = new TokenFormat(List.of(ed.key()), RULES);
        byte[] payload = ClaimsWriter.write(claims());
        // The public key is public: an attacker can use it as an HMAC secret.
        JwsKey publicKeyAsSecret = JwsKey.hmac("ed", JwsAlgorithm.HS256,
                (input, offset, length) -> hmacSha256(ed.x(), input, offset, length));
        String hs256WithPublicKey = signed(publicKeyAsSecret, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"ed\"}", payload);
        String hs256NoKid = signed(publicKeyAsSecret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload);
        String none = b64("{\"alg\":\"none\",\"kid\":\"ed\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64(payload) + "." + b64(new byte[64]);
        String edHeaderOnEcKid = signed(ed.key(), "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ec\"}", payload);
        String ecHeaderOnEdKid = signed(ec.key(), "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"ed\"}", payload);
        String fullySpecifiedNameOnAnEdDsaKey = signed(ed.key(), "{\"alg\":\"Ed25519\",\"typ\":\"JWT\",\"kid\":\"ed\"}", payload);
        int before = ed.verified() + ec.verified();

        assertRefused(() -> ring.verify(hs256WithPublicKey, NOW), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> sole.verify(hs256WithPublicKey, NOW), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> sole.verify(hs256NoKid, NOW), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> ring.verify(none, NOW), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> ring.verify(edHeaderOnEcKid, NOW), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> ring.verify(ecHeaderOnEdKid, NOW), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> ring.verify(fullySpecifiedNameOnAnEdDsaKey, NOW), Reason.UNSUPPORTED_ALGORITHM);
        assertThat(ed.verified() + ec.verified()).as("signatures checked for confused headers").isEqualTo(before);
        assertThat(ring.verify(signed(ec.key(), "{\"alg\":\"ES256\",\"kid\":\"ec\"}", payload), NOW)).isEqualTo(claims());
    }

    @Test
    void kidRules_holdForPairsToo() {
        Pair ed = JcaPairs.pair("ed", JwsAlgorithm.EdDSA);
        Pair other = JcaPairs.pair("other", JwsAlgorithm.EdDSA);
        TokenFormat ring = new TokenFormat(List.of(ed.key(), other.key()), RULES);
        TokenFormat sole = new TokenFormat(List.of(ed.key()), RULES);
        byte[] payload = ClaimsWriter.write(claims());

        assertRefused(() -> ring.verify(signed(ed.key(), "{\"alg\":\"EdDSA\"}", payload), NOW), Reason.UNKNOWN_KEY);
        assertRefused(() -> ring.verify(signed(ed.key(), "{\"alg\":\"EdDSA\",\"kid\":\"nobody\"}", payload), NOW),
                Reason.UNKNOWN_KEY);
        assertRefused(() -> ring.verify(signed(ed.key(), "{\"alg\":\"EdDSA\",\"kid\":\"other\"}", payload), NOW),
                Reason.BAD_SIGNATURE);
        assertThat(sole.verify(signed(ed.key(), "{\"alg\":\"EdDSA\"}", payload), NOW)).as("no kid, one key").isEqualTo(claims());
        assertRefused(() -> ring.verify(signed(ed.key(), "{\"alg\":\"EdDSA\",\"kid\":\"ed\",\"jwk\":{}}", payload), NOW),
                Reason.UNTRUSTED_HEADER);
        assertRefused(() -> ring.verify(signed(ed.key(), "{\"alg\":\"EdDSA\",\"kid\":\"ed\",\"crit\":[\"b64\"]}", payload), NOW),
                Reason.CRITICAL_HEADER);
    }

    @Test
    void aRingOfAnEdDsaAndAnHs256Key_signsWithEdDsa_andStillVerifiesTheOldHs256Tokens() {
        JwsKey old = Fixtures.key("old");
        String oldToken = new TokenFormat(List.of(old), RULES).sign(claims());
        Pair ed = JcaPairs.pair("new", JwsAlgorithm.EdDSA);
        TokenFormat migrated = new TokenFormat(List.of(ed.key(), old), RULES);

        String newToken = migrated.sign(claims());

        assertThat(migrated.verify(oldToken, NOW)).isEqualTo(claims());
        assertThat(utf8(Base64.getUrlDecoder().decode(newToken.split("\\.")[0]))).startsWith("{\"alg\":\"EdDSA\"")
                .contains("\"kid\":\"new\"");
        assertThat(migrated.verify(newToken, NOW)).isEqualTo(claims());
        assertThat(new TokenFormat(List.of(ed.key()), RULES).verify(newToken, NOW)).isEqualTo(claims());
        assertRefused(() -> new TokenFormat(List.of(ed.key()), RULES).verify(oldToken, NOW), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aPairWhosePartsDoNotBelongTogether_isRefused_whenTheKeyIsMade() {
        Pair one = JcaPairs.pair("k", JwsAlgorithm.ES256);
        Pair two = JcaPairs.pair("k", JwsAlgorithm.ES256);

        assertThatThrownBy(() -> JwsKey.signature("k", JwsAlgorithm.ES256, one::sign, two::verify))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k'").hasMessageContaining("belong together");
        assertThatThrownBy(() -> JwsKey.signature("k", JwsAlgorithm.ES256, (in, offset, length) -> new byte[10], one::verify))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwsKey.signature("k", JwsAlgorithm.HS256, one::sign, one::verify))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HMAC");
        assertThatThrownBy(() -> JwsKey.hmac("k", JwsAlgorithm.EdDSA, (in, offset, length) -> new byte[64]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public-key");
        assertThatThrownBy(() -> JwsKey.signature(" ", JwsAlgorithm.ES256, one::sign, one::verify))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignerThatGivesAnotherLengthLater_isNotSignedWith() {
        Pair pair = JcaPairs.pair("p", JwsAlgorithm.EdDSA);
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        JwsKey key = JwsKey.signature("p", JwsAlgorithm.EdDSA,
                (in, offset, length) -> broken.get() ? new byte[72] : pair.sign(in, offset, length), pair::verify);
        TokenFormat format = new TokenFormat(List.of(key), RULES);
        broken.set(true);

        assertThatThrownBy(() -> format.sign(claims())).isInstanceOf(IllegalStateException.class).hasMessageContaining("72 bytes");
    }

    private static byte[] hmacSha256(byte[] key, byte[] input, int offset, int length) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            mac.update(input, offset, length);
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
