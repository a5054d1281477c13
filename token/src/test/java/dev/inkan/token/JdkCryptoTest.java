package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.RULES;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.JcaPairs.Pair;
import dev.inkan.token.TokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDK's MAC and signature verification, and public keys that only verify: what a verifier without Inkan's adapters uses. */
class JdkCryptoTest {

    private static final byte[] MESSAGE = "header.payload".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
    void hmac_isTheJdksHmacOfTheInput_fromAnyThread(JwsAlgorithm algorithm) throws Exception {
        byte[] secret = new byte[algorithm.macLength()];
        Arrays.fill(secret, (byte) 7);
        Mac mac = JdkCrypto.hmac(new SigningKey("k", algorithm, secret));
        javax.crypto.Mac reference = javax.crypto.Mac.getInstance("Hmac" + "SHA" + algorithm.name().substring(2));
        reference.init(new SecretKeySpec(secret, reference.getAlgorithm()));
        byte[] expected = reference.doFinal(MESSAGE);

        byte[][] fromOtherThread = new byte[1][];
        Thread other = new Thread(() -> fromOtherThread[0] = mac.compute(MESSAGE, 0, MESSAGE.length));
        other.start();
        other.join();

        assertThat(mac.compute(MESSAGE, 0, MESSAGE.length)).isEqualTo(expected);
        assertThat(mac.compute(MESSAGE, 0, MESSAGE.length)).as("a second time, from the same thread").isEqualTo(expected);
        assertThat(fromOtherThread[0]).isEqualTo(expected);
    }

    @Test
    void hmac_refusesAKeyPair() {
        Pair pair = JcaPairs.pair("p", JwsAlgorithm.EdDSA);
        assertThatThrownBy(() -> JdkCrypto.hmac(SigningKey.keyPair(new byte[32], pair.jwk)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an HMAC");
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "Ed25519", "ES256"})
    void verifier_acceptsThePairsSignature_andRefusesAFlippedBitOrAnotherLength(JwsAlgorithm algorithm) {
        Pair pair = JcaPairs.pair("p", algorithm);
        SignatureVerifier verifier = JdkCrypto.verifier(pair.jwk);
        byte[] signature = pair.sign(MESSAGE, 0, MESSAGE.length);
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;

        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, signature)).isTrue();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, flipped)).isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length - 1, signature)).as("another message").isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, new byte[64])).as("all zero").isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, signature)).as("still good after refusals").isTrue();
    }

    @Test
    void verifier_refusesAnEd25519KeyThatIsNoPoint_andAnEcPointOffTheCurve() {
        // y = 2 has no x on edwards25519 (x² = 3 / (4d + 1) is not a square mod p).
        byte[] noPoint = new byte[32];
        noPoint[0] = 2;
        assertThatThrownBy(() -> JdkCrypto.verifier(new PublicJwk("bad", JwsAlgorithm.EdDSA, noPoint, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no point of Ed25519");

        Pair ec = JcaPairs.pair("ec", JwsAlgorithm.ES256);
        byte[] y = ec.jwk.y().orElseThrow();
        y[31] ^= 1;
        assertThatThrownBy(() -> JdkCrypto.verifier(new PublicJwk("bad", JwsAlgorithm.ES256, ec.jwk.x(), Optional.of(y))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a point of P-256");
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "ES256"})
    void aFormatOfPublicKeysOnly_verifiesThePairsTokens_refusesForgeries_andCannotSign(JwsAlgorithm algorithm) {
        Pair pair = JcaPairs.pair("p1", algorithm);
        String token = new TokenFormat(List.of(pair.key()), RULES).sign(claims());
        TokenFormat verifier = new TokenFormat(
                List.of(JwsKey.verifying("p1", algorithm, JdkCrypto.verifier(pair.jwk))), RULES);
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[5] ^= 1;

        assertThat(verifier.verify(token, NOW)).isEqualTo(claims());
        assertRefused(() -> verifier.verify(parts[0] + "." + parts[1] + "." + Fixtures.b64(signature), NOW), Reason.BAD_SIGNATURE);
        assertThatThrownBy(() -> verifier.sign(claims())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot sign");
    }

    @Test
    void aPublicKeyUnderAnHmacsName_isRefused() {
        Pair pair = JcaPairs.pair("p1", JwsAlgorithm.EdDSA);
        assertThatThrownBy(() -> JwsKey.verifying("p1", JwsAlgorithm.HS256, JdkCrypto.verifier(pair.jwk)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256 is an HMAC");
    }
}
