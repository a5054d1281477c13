package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Key pairs made from their private key, their thumbprints, and JWK Sets of them with their private member. */
class KeyPairsTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "Ed25519", "ES256"})
    void aGeneratedPair_isNamedByTheRfc7638ThumbprintOfItsPublicKey_andVerifiesWithTheJdk(JwsAlgorithm algorithm) throws Exception {
        SigningKey key = KeyPairs.generate(algorithm, new SecureRandomSource());
        PublicJwk publicKey = key.publicKey().orElseThrow();
        Map<String, String> members = new TreeMap<>(); // RFC 7638: the required members, in lexicographic order
        members.put("crv", publicKey.curve());
        members.put("kty", publicKey.keyType());
        members.put("x", B64.encodeToString(publicKey.x()));
        publicKey.y().ifPresent(y -> members.put("y", B64.encodeToString(y)));
        String canonical = new ObjectMapper().writeValueAsString(members);

        assertThat(key.keyId()).isEqualTo(B64.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8))));
        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(key.length()).isEqualTo(32);
        byte[] message = "generated".getBytes(StandardCharsets.US_ASCII);
        assertThat(SignatureAlgorithmContract.plainJcaVerifies(publicKey, message,
                new JcaSignatureAlgorithm().signer(key).sign(message, 0, message.length))).isTrue();
        assertThat(KeyPairs.ofPrivateKey(algorithm, key.secret())).as("the same private key, the same pair").isEqualTo(key);
    }

    @Test
    void aP256PrivateKeyOfZeroOrNotBelowTheOrder_isDrawnAgain() {
        byte[] good = new byte[32];
        good[31] = 7;
        Deque<byte[]> draws = new ArrayDeque<>();
        draws.add(new byte[32]);
        draws.add(P256.bytes(P256.N));
        draws.add(good);
        RandomSource random = new RandomSource() {
            @Override
            public byte[] bytes(int count) {
                assertThat(count).isEqualTo(32);
                return draws.removeFirst();
            }

            @Override
            public UUID uuid() {
                throw new AssertionError();
            }
        };

        assertThat(KeyPairs.generate(JwsAlgorithm.ES256, random).secret()).isEqualTo(good);
        assertThat(draws).isEmpty();
    }

    @Test
    void anHmacOrABadPrivateKey_makesNoPair() {
        assertThatThrownBy(() -> KeyPairs.ofPrivateKey(JwsAlgorithm.HS256, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPairs.ofPrivateKey(JwsAlgorithm.EdDSA, new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPairs.ofPrivateKey(JwsAlgorithm.ES256, new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJwkSetOfPairsAndASecret_readsEachKeyForItsAlg_inOrder() {
        SigningKey ed = KeyPairs.generate(JwsAlgorithm.EdDSA, new SecureRandomSource());
        SigningKey ec = KeyPairs.generate(JwsAlgorithm.ES256, new SecureRandomSource());
        SigningKey full = KeyPairs.generate(JwsAlgorithm.Ed25519, new SecureRandomSource());
        byte[] secret = MacAlgorithmContract.TestBase64.random(32);

        KeyRing ring = JwkSetKeyRing.parse("{\"keys\":[" + jwk(ed, "") + "," + jwk(ec, "") + "," + jwk(full, "")
                + ",{\"kty\":\"oct\",\"kid\":\"old\",\"alg\":\"HS256\",\"k\":\"" + B64.encodeToString(secret) + "\"}]}",
                JwsAlgorithm.EdDSA, "keys.json");

        assertThat(ring.keys()).containsExactly(ed, ec, full, new SigningKey("old", JwsAlgorithm.HS256, secret));
    }

    @Test
    void aPairWithoutAlg_isForTheDefault_whenTheDefaultIsOfItsType() {
        SigningKey ed = KeyPairs.generate(JwsAlgorithm.Ed25519, new SecureRandomSource());
        String withoutAlg = jwk(ed, "").replace(",\"alg\":\"Ed25519\"", "");

        assertThat(JwkSetKeyRing.parse("{\"keys\":[" + withoutAlg + "]}", JwsAlgorithm.Ed25519, "k").keys()).containsExactly(ed);
        assertThat(JwkSetKeyRing.parse("{\"keys\":[" + withoutAlg + "]}", JwsAlgorithm.EdDSA, "k").keys().get(0).algorithm())
                .isEqualTo(JwsAlgorithm.EdDSA);
        assertThatThrownBy(() -> JwkSetKeyRing.parse("{\"keys\":[" + withoutAlg + "]}", JwsAlgorithm.ES256, "keys.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys.json").hasMessageContaining("needs an \"alg\"")
                .hasMessageContaining("ES256");
        assertThatThrownBy(() -> JwkSetKeyRing.parse("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\""
                + B64.encodeToString(new byte[32]) + "\"}]}", JwsAlgorithm.EdDSA, "keys.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kty oct").hasMessageContaining("HS256");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"ES256\",@X@,@D@",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"HS256\",@X@,@D@",
        "\"kty\":\"OKP\",\"crv\":\"X25519\",\"alg\":\"EdDSA\",@X@,@D@",
        "\"kty\":\"OKP\",\"crv\":\"Ed448\",\"alg\":\"EdDSA\",@X@,@D@",
        "\"kty\":\"OKP\",\"alg\":\"EdDSA\",@X@,@D@",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",@X@",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",@D@",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",@X@,@D@,\"y\":\"AAAA\"",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"x\":\"AAAA\",@D@",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",@X@,\"d\":\"AAAA\"",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",@X@,\"d\":\"@D@=\"",
        "\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"EdDSA\",@X@,@D@",
        "\"kty\":\"EC\",\"crv\":\"P-384\",\"alg\":\"ES256\",@X@,\"y\":\"AAAA\",@D@",
        "\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",@X@,@D@",
        "\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES384\",@X@,@D@",
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"use\":\"enc\",@X@,@D@"
    })
    void aBadPair_isRefused_namingTheSourceAndTheKey_neverShowingItsPrivateKey(String members) {
        SigningKey ed = KeyPairs.generate(JwsAlgorithm.EdDSA, new SecureRandomSource());
        String d = B64.encodeToString(ed.secret());
        String x = "\"x\":\"" + B64.encodeToString(ed.publicKey().orElseThrow().x()) + "\"";
        String json = "{\"keys\":[{\"kid\":\"bad\"," + members.replace("@X@", x).replace("@D@=", d + "=")
                .replace("@D@", "\"d\":\"" + d + "\"") + "}]}";

        assertThatThrownBy(() -> JwkSetKeyRing.parse(json, JwsAlgorithm.EdDSA, "INKAN_JWT_KEYS_FILE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE").hasMessageContaining("'bad'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(d));
    }

    /** The JWK of a pair with its private member, as a key file holds it. */
    static String jwk(SigningKey key, String extra) {
        PublicJwk publicKey = key.publicKey().orElseThrow();
        return "{\"kty\":\"" + publicKey.keyType() + "\",\"crv\":\"" + publicKey.curve() + "\",\"kid\":\"" + key.keyId()
                + "\",\"alg\":\"" + key.algorithm().jwsName() + "\",\"x\":\"" + B64.encodeToString(publicKey.x()) + "\""
                + publicKey.y().map(y -> ",\"y\":\"" + B64.encodeToString(y) + "\"").orElse("")
                + ",\"d\":\"" + B64.encodeToString(key.secret()) + "\"" + extra + "}";
    }
}
