package dev.inkan.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    @Test
    void algorithms_knowTheirMacLength_andAreLookedUpExactly() {
        assertThat(JwsAlgorithm.HS256.macLength()).isEqualTo(32);
        assertThat(JwsAlgorithm.HS384.macLength()).isEqualTo(48);
        assertThat(JwsAlgorithm.HS512.macLength()).isEqualTo(64);
        assertThat(JwsAlgorithm.fromJwsName("HS512")).contains(JwsAlgorithm.HS512);
        assertThat(JwsAlgorithm.fromJwsName("hs256")).isEmpty();
        assertThat(JwsAlgorithm.fromJwsName("none")).isEmpty();
        assertThat(JwsAlgorithm.fromJwsName(null)).isEmpty();
    }

    @Test
    void publicKeyAlgorithms_knowTheirSignatureLength_keyType_andCurve_andHaveNoMac() {
        assertThat(JwsAlgorithm.EdDSA.signatureLength()).isEqualTo(64);
        assertThat(JwsAlgorithm.Ed25519.signatureLength()).isEqualTo(64);
        assertThat(JwsAlgorithm.ES256.signatureLength()).isEqualTo(64);
        assertThat(JwsAlgorithm.HS384.signatureLength()).isEqualTo(48);
        assertThat(JwsAlgorithm.EdDSA.keyType()).isEqualTo("OKP");
        assertThat(JwsAlgorithm.Ed25519.curve()).contains("Ed25519");
        assertThat(JwsAlgorithm.ES256.keyType()).isEqualTo("EC");
        assertThat(JwsAlgorithm.ES256.curve()).contains("P-256");
        assertThat(JwsAlgorithm.HS256.keyType()).isEqualTo("oct");
        assertThat(JwsAlgorithm.HS256.curve()).isEmpty();
        assertThat(JwsAlgorithm.HS256.isHmac()).isTrue();
        assertThat(JwsAlgorithm.EdDSA.isHmac()).isFalse();
        assertThatThrownBy(JwsAlgorithm.ES256::macLength).isInstanceOf(IllegalStateException.class);
        assertThat(JwsAlgorithm.fromJwsName("EdDSA")).contains(JwsAlgorithm.EdDSA);
        assertThat(JwsAlgorithm.fromJwsName("Ed25519")).contains(JwsAlgorithm.Ed25519);
        assertThat(JwsAlgorithm.fromJwsName("EDDSA")).isEmpty();
        assertThat(JwsAlgorithm.fromJwsName("es256")).isEmpty();
    }

    @Test
    void aKeyPair_isCheckedOnce_publishesOnlyItsPublicHalf_andNeverShowsItsPrivateKey() {
        byte[] x = new byte[32];
        x[0] = 9;
        byte[] d = new byte[32];
        d[0] = 42;
        PublicJwk publicKey = new PublicJwk("p1", JwsAlgorithm.EdDSA, x, Optional.empty());
        SigningKey pair = SigningKey.keyPair(d, publicKey);
        d[0] = 0;
        x[0] = 0;

        assertThat(pair.keyId()).isEqualTo("p1");
        assertThat(pair.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
        assertThat(pair.secret()[0]).isEqualTo((byte) 42);
        assertThat(pair.publicKey()).contains(publicKey);
        assertThat(publicKey.x()[0]).isEqualTo((byte) 9);
        assertThat(publicKey.keyType()).isEqualTo("OKP");
        assertThat(publicKey.curve()).isEqualTo("Ed25519");
        assertThat(pair).hasToString("SigningKey[kid=p1, EdDSA, key pair]");
        assertThat(publicKey).hasToString("PublicJwk[kid=p1, EdDSA, OKP Ed25519]");
        assertThat(new SigningKey("h", JwsAlgorithm.HS256, new byte[32]).publicKey()).isEmpty();
        assertThat(pair).isEqualTo(SigningKey.keyPair(pair.secret(), new PublicJwk("p1", JwsAlgorithm.EdDSA, publicKey.x(),
                Optional.empty())));
        assertThat(new PublicJwk("e", JwsAlgorithm.ES256, new byte[32], Optional.of(new byte[32])).y()).isPresent();

        assertThatThrownBy(() -> SigningKey.keyPair(new byte[31], publicKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, not 31");
        assertThatThrownBy(() -> new SigningKey("p", JwsAlgorithm.EdDSA, new byte[64])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key pair");
        assertThatThrownBy(() -> new PublicJwk("p", JwsAlgorithm.EdDSA, new byte[33], Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicJwk("p", JwsAlgorithm.EdDSA, new byte[32], Optional.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no y");
        assertThatThrownBy(() -> new PublicJwk("p", JwsAlgorithm.ES256, new byte[32], Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs y");
        assertThatThrownBy(() -> new PublicJwk("p", JwsAlgorithm.ES256, new byte[32], Optional.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicJwk("p", JwsAlgorithm.HS256, new byte[32], Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSigningKey_isCheckedOnce_andNeverShowsItsBytes() {
        byte[] secret = new byte[48];
        secret[0] = 42;
        SigningKey key = new SigningKey("k1", JwsAlgorithm.HS384, secret);
        secret[1] = 7;

        assertThat(key.secret()).hasSize(48).startsWith(42, 0);
        key.secret()[0] = 0;
        assertThat(key.secret()[0]).isEqualTo((byte) 42);
        assertThat(key.length()).isEqualTo(48);
        assertThat(key).hasToString("SigningKey[kid=k1, HS384, 48 bytes]");
        assertThat(key).isEqualTo(new SigningKey("k1", JwsAlgorithm.HS384, key.secret())).hasSameHashCodeAs(
                new SigningKey("k1", JwsAlgorithm.HS384, key.secret()));
        assertThat(key).isNotEqualTo(new SigningKey("k1", JwsAlgorithm.HS256, key.secret()));
        assertThat(key).isNotEqualTo(new SigningKey("k2", JwsAlgorithm.HS384, key.secret()));
        assertThatThrownBy(() -> new SigningKey("short", JwsAlgorithm.HS512, new byte[63]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a key of 63 bytes is too short for HS512, which needs at least 64");
        assertThatThrownBy(() -> new SigningKey(" ", JwsAlgorithm.HS256, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey("k", JwsAlgorithm.HS256, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anHmacKey_verifiesItsOwnMac_andNothingElse_whateverTheLength() {
        JwsKey key = Fixtures.key("k1");
        byte[] input = {1, 2, 3, 4};
        byte[] mac = key.sign(input, 1, 2);

        assertThat(key.verify(input, 1, 2, mac)).isTrue();
        assertThat(key.verify(input, 0, 2, mac)).isFalse();
        assertThat(key.verify(input, 1, 2, java.util.Arrays.copyOf(mac, 31))).isFalse();
        assertThat(key.verify(input, 1, 2, java.util.Arrays.copyOf(mac, 33))).isFalse();
        assertThat(key.verify(input, 1, 2, new byte[0])).isFalse();
        assertThat(key.keyId()).isEqualTo("k1");
        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.HS256);
        assertThatThrownBy(() -> JwsKey.hmac("", JwsAlgorithm.HS256, (in, offset, length) -> in)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwsKey.hmac("k", JwsAlgorithm.HS256, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void constantTimeEquals_comparesWholeArrays() {
        assertThat(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {1, 2, 3})).isTrue();
        assertThat(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {1, 2, 4})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {0, 2, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {1, 2})).isFalse();
        assertThat(ConstantTime.equals(new byte[0], new byte[0])).isTrue();
    }

    @Test
    void claims_areValidated_andCopied() {
        UUID id = UUID.randomUUID();
        List<String> audience = new ArrayList<>(List.of("a"));
        TokenClaims claims = new TokenClaims("i", id, audience, Instant.EPOCH, Instant.EPOCH, Optional.empty(), "j", id);
        audience.add("b");

        assertThat(claims.audience()).containsExactly("a");
        assertThatThrownBy(() -> new TokenClaims("i", id, List.of(), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "j", id))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenClaims("i", id, List.of("a"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "", id))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenClaims("i", id, List.of("a"), Instant.EPOCH.plusMillis(1), Instant.EPOCH, Optional.empty(), "j", id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iat");
        assertThatThrownBy(() -> new TokenClaims("i", id, List.of("a"), Instant.EPOCH, Instant.EPOCH.minusSeconds(1), Optional.empty(), "j", id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exp");
        assertThatThrownBy(() -> new TokenClaims("i", id, List.of("a"), Instant.EPOCH, Instant.EPOCH,
                Optional.of(Instant.ofEpochSecond(TokenClaims.LAST_NUMERIC_DATE + 1)), "j", id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nbf");
        assertThatThrownBy(() -> new TokenClaims(null, id, List.of("a"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "j", id))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TokenClaims("i", id, List.of("a"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "j", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theEightArgumentConstructor_givesNoRoles_rolesVersionZero_andNoCustomClaims() {
        UUID id = UUID.randomUUID();
        TokenClaims claims = new TokenClaims("i", id, List.of("a"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "j", id);

        assertThat(claims.roles()).isEmpty();
        assertThat(claims.rolesVersion()).isZero();
        assertThat(claims.custom()).isEmpty();
        assertThat(claims).isEqualTo(new TokenClaims("i", id, List.of("a"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "j", id,
                List.of(), 0, Map.of()));
    }

    @Test
    void aRefusal_namesItsReasonOnly_andCarriesNoStackTrace() {
        TokenException refused = new TokenException(TokenException.Reason.BAD_SIGNATURE);

        assertThat(refused.reason()).isEqualTo(TokenException.Reason.BAD_SIGNATURE);
        assertThat(refused).hasMessage("token refused: BAD_SIGNATURE");
        assertThat(refused.getStackTrace()).isEmpty();
    }
}
