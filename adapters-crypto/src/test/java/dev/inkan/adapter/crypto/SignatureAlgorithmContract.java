package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.JwsKey;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenException;
import dev.inkan.token.TokenFormat;
import dev.inkan.token.TokenRules;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link SignatureAlgorithm} keeps, proven with published vectors: RFC 8037 A.4/A.5
 * for Ed25519, and every valid and every invalid case of Wycheproof's {@code ed25519_test.json} and
 * {@code ecdsa_secp256r1_sha256_p1363_test.json} (wrong-length and non-canonical signatures refused,
 * high-S ECDSA accepted).
 */
abstract class SignatureAlgorithmContract {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    abstract SignatureAlgorithm create();

    @Test
    void rfc8037_A4_signingTheExampleWithItsKey_givesExactlyItsSignature_andA5_itVerifies() {
        JsonNode example = Vectors.read("rfc8037_A_ed25519.json");
        JsonNode jwk = example.get("private_jwk");
        byte[] input = example.get("signing_input").asText().getBytes(StandardCharsets.US_ASCII);
        byte[] signature = BASE64URL.decode(example.get("signature_b64u").asText());
        SigningKey key = SigningKey.keyPair(BASE64URL.decode(jwk.get("d").asText()),
                new PublicJwk("rfc8037", JwsAlgorithm.EdDSA, BASE64URL.decode(jwk.get("x").asText()), Optional.empty()));

        assertThat(create().signer(key).sign(input, 0, input.length)).isEqualTo(signature);
        assertThat(create().verifier(key.publicKey().orElseThrow()).verify(input, 0, input.length, signature)).isTrue();
        assertThat(KeyPairs.ofPrivateKey(JwsAlgorithm.EdDSA, key.secret()).publicKey().orElseThrow().x())
                .as("x derived from d").isEqualTo(key.publicKey().orElseThrow().x());
        assertThat(JwkThumbprint.of(key.publicKey().orElseThrow())).as("RFC 8037 A.3").isEqualTo(example.get("thumbprint_b64u").asText());
    }

    @Test
    void rfc8037_A5_theExampleToken_passesTheSignatureCheckOfTheTokenFormat() {
        JsonNode example = Vectors.read("rfc8037_A_ed25519.json");
        JsonNode jwk = example.get("private_jwk");
        SigningKey key = SigningKey.keyPair(BASE64URL.decode(jwk.get("d").asText()),
                new PublicJwk("rfc8037", JwsAlgorithm.EdDSA, BASE64URL.decode(jwk.get("x").asText()), Optional.empty()));
        SigningKey other = KeyPairs.generate(JwsAlgorithm.EdDSA, new SecureRandomSource());
        String token = example.get("compact_serialization").asText();

        // Its signature is good; its payload is not claims, which the format says only after the signature.
        assertThat(refusal(format(key), token)).isEqualTo(TokenException.Reason.MALFORMED_CLAIMS);
        assertThat(refusal(format(SigningKey.keyPair(other.secret(), new PublicJwk("rfc8037", JwsAlgorithm.EdDSA,
                other.publicKey().orElseThrow().x(), Optional.empty()))), token)).isEqualTo(TokenException.Reason.BAD_SIGNATURE);
    }

    @Test
    void wycheproofEd25519_everyVerdictIsHonoured() {
        JsonNode file = Vectors.read("wycheproof/ed25519_test.json");
        Verdicts verdicts = new Verdicts();
        for (JsonNode group : file.get("testGroups")) {
            PublicJwk key = new PublicJwk("wycheproof", JwsAlgorithm.EdDSA, BASE64URL.decode(group.get("publicKeyJwk").get("x").asText()),
                    Optional.empty());
            verdicts.check(create().verifier(key), group.get("tests"), "ed25519");
        }
        assertThat(verdicts.total).isEqualTo(file.get("numberOfTests").asInt());
        verdicts.assertCovered();
    }

    @Test
    void wycheproofEcdsaP256Sha256P1363_everyVerdictIsHonoured() {
        JsonNode file = Vectors.read("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json");
        Verdicts verdicts = new Verdicts();
        for (JsonNode group : file.get("testGroups")) {
            // A few groups have no JWK form; their coordinates are hex integers, some with a sign byte.
            JsonNode point = group.get("publicKey");
            PublicJwk key = new PublicJwk("wycheproof", JwsAlgorithm.ES256, P256.bytes(new BigInteger(point.get("wx").asText(), 16)),
                    Optional.of(P256.bytes(new BigInteger(point.get("wy").asText(), 16))));
            verdicts.check(create().verifier(key), group.get("tests"), "ecdsa p-256");
        }
        assertThat(verdicts.total).isEqualTo(file.get("numberOfTests").asInt());
        verdicts.assertCovered();
    }

    /** Counts what the vectors covered, so that none of their kinds can go untested. */
    private static final class Verdicts {
        int total;
        int valid;
        int invalid;
        int wrongLength;

        void check(SignatureVerifier verifier, JsonNode tests, String name) {
            for (JsonNode test : tests) {
                byte[] message = HexFormat.of().parseHex(test.get("msg").asText());
                byte[] signature = HexFormat.of().parseHex(test.get("sig").asText());
                boolean expected = test.get("result").asText().equals("valid");
                assertThat(verifier.verify(message, 0, message.length, signature))
                        .as("%s tcId %d (%s) %s", name, test.get("tcId").asInt(), test.get("comment").asText(), test.get("flags"))
                        .isEqualTo(expected);
                total++;
                if (expected) {
                    valid++;
                } else {
                    invalid++;
                }
                if (signature.length != 64) {
                    wrongLength++;
                }
            }
        }

        void assertCovered() {
            assertThat(valid).as("valid vectors").isPositive();
            assertThat(invalid).as("invalid vectors").isPositive();
            assertThat(wrongLength).as("vectors with a signature of the wrong length").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "Ed25519", "ES256"})
    void aNewPair_signs_andOnlyItsOwnSignatureOfTheSameBytesVerifies(JwsAlgorithm algorithm) {
        SigningKey key = KeyPairs.generate(algorithm, new SecureRandomSource());
        Signer signer = create().signer(key);
        SignatureVerifier verifier = create().verifier(key.publicKey().orElseThrow());
        byte[] framed = "xxhello worldyy".getBytes(StandardCharsets.US_ASCII);
        byte[] plain = "hello world".getBytes(StandardCharsets.US_ASCII);

        byte[] signature = signer.sign(framed, 2, plain.length);

        assertThat(signature).hasSize(64);
        assertThat(verifier.verify(plain, 0, plain.length, signature)).as("offset and length honoured").isTrue();
        assertThat(verifier.verify(framed, 2, plain.length, signature)).isTrue();
        assertThat(verifier.verify(framed, 1, plain.length, signature)).isFalse();
        byte[] flipped = signature.clone();
        flipped[63] ^= 1;
        assertThat(verifier.verify(plain, 0, plain.length, flipped)).isFalse();
        assertThat(verifier.verify(plain, 0, plain.length, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(verifier.verify(plain, 0, plain.length, Arrays.copyOf(signature, 65))).isFalse();
        assertThat(verifier.verify(plain, 0, plain.length, new byte[64])).isFalse();
        SigningKey other = KeyPairs.generate(algorithm, new SecureRandomSource());
        assertThat(create().verifier(other.publicKey().orElseThrow()).verify(plain, 0, plain.length, signature)).isFalse();
        assertThat(plainJcaVerifies(key.publicKey().orElseThrow(), plain, signature)).as("the JDK agrees").isTrue();
    }

    @Test
    void es256_aHighSSignature_isValid_asJwsAllows() {
        SigningKey key = KeyPairs.generate(JwsAlgorithm.ES256, new SecureRandomSource());
        byte[] message = "high s".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = create().signer(key).sign(message, 0, message.length);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] mirrored = signature.clone();
        P256.write(P256.N.subtract(s), mirrored, 32);

        SignatureVerifier verifier = create().verifier(key.publicKey().orElseThrow());
        assertThat(verifier.verify(message, 0, message.length, signature)).isTrue();
        assertThat(verifier.verify(message, 0, message.length, mirrored)).as("s and n - s").isTrue();
        byte[] sAtN = signature.clone();
        P256.write(P256.N, sAtN, 32);
        assertThat(verifier.verify(message, 0, message.length, sAtN)).as("s = n").isFalse();
        byte[] rPlusN = signature.clone();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        if (r.add(P256.N).bitLength() <= 256) {
            P256.write(r.add(P256.N), rPlusN, 0);
            assertThat(verifier.verify(message, 0, message.length, rPlusN)).as("r + n").isFalse();
        }
    }

    @Test
    void ed25519_signaturesAreDeterministic_andTheSameWithEveryProvider() {
        SigningKey key = KeyPairs.generate(JwsAlgorithm.EdDSA, new SecureRandomSource());
        byte[] message = "same bytes".getBytes(StandardCharsets.US_ASCII);

        assertThat(create().signer(key).sign(message, 0, message.length))
                .isEqualTo(new JcaSignatureAlgorithm().signer(key).sign(message, 0, message.length))
                .isEqualTo(new BouncyCastleSignatureAlgorithm().signer(key).sign(message, 0, message.length));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "ES256"})
    void eachProvider_verifiesTheOthersSignatures(JwsAlgorithm algorithm) {
        SigningKey key = KeyPairs.generate(algorithm, new SecureRandomSource());
        byte[] message = "cross".getBytes(StandardCharsets.US_ASCII);
        PublicJwk publicKey = key.publicKey().orElseThrow();

        assertThat(create().verifier(publicKey).verify(message, 0, message.length,
                new JcaSignatureAlgorithm().signer(key).sign(message, 0, message.length))).isTrue();
        assertThat(create().verifier(publicKey).verify(message, 0, message.length,
                new BouncyCastleSignatureAlgorithm().signer(key).sign(message, 0, message.length))).isTrue();
        assertThat(new JcaSignatureAlgorithm().verifier(publicKey).verify(message, 0, message.length,
                create().signer(key).sign(message, 0, message.length))).isTrue();
    }

    @Test
    void badKeys_areRefused_whenTheyArePrepared() {
        SigningKey good = KeyPairs.generate(JwsAlgorithm.ES256, new SecureRandomSource());
        PublicJwk publicKey = good.publicKey().orElseThrow();
        byte[] y = publicKey.y().orElseThrow();
        y[31] ^= 1;
        PublicJwk offCurve = new PublicJwk("bad", JwsAlgorithm.ES256, publicKey.x(), Optional.of(y));
        PublicJwk beyondP = new PublicJwk("bad", JwsAlgorithm.ES256, P256.bytes(P256.P), Optional.of(publicKey.y().orElseThrow()));

        assertThatThrownBy(() -> create().verifier(offCurve)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad'");
        assertThatThrownBy(() -> create().verifier(beyondP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> create().signer(SigningKey.keyPair(new byte[32], publicKey)))
                .as("d = 0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> create().signer(SigningKey.keyPair(P256.bytes(P256.N), publicKey)))
                .as("d = n").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> create().signer(new SigningKey("h", JwsAlgorithm.HS256, new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
        // y = 2 (little-endian, x even) is no point of edwards25519: (y² - 1)/(d·y² + 1) has no square root mod p.
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThatThrownBy(() -> create().verifier(new PublicJwk("bad", JwsAlgorithm.EdDSA, notAPoint, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPairWhosePartsDoNotBelongTogether_isRefusedByTheTokenFormat() {
        SigningKey one = KeyPairs.generate(JwsAlgorithm.ES256, new SecureRandomSource());
        SigningKey two = KeyPairs.generate(JwsAlgorithm.ES256, new SecureRandomSource());
        SigningKey mixed = SigningKey.keyPair(one.secret(), two.publicKey().orElseThrow());

        assertThatThrownBy(() -> format(mixed)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belong together");
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "ES256"})
    void manyThreads_withTwoKeys_signAndVerifyRightEveryTime(JwsAlgorithm algorithm) throws Exception {
        SigningKey a = KeyPairs.generate(algorithm, new SecureRandomSource());
        SigningKey b = KeyPairs.generate(algorithm, new SecureRandomSource());
        Signer signA = create().signer(a);
        Signer signB = create().signer(b);
        SignatureVerifier verifyA = create().verifier(a.publicKey().orElseThrow());
        SignatureVerifier verifyB = create().verifier(b.publicKey().orElseThrow());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        byte[] data = ("thread " + thread + " round " + i).getBytes(StandardCharsets.US_ASCII);
                        byte[] sa = signA.sign(data, 0, data.length);
                        byte[] sb = signB.sign(data, 0, data.length);
                        if (!verifyA.verify(data, 0, data.length, sa) || !verifyB.verify(data, 0, data.length, sb)
                                || verifyA.verify(data, 0, data.length, sb) || verifyB.verify(data, 0, data.length, sa)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private TokenFormat format(SigningKey key) {
        SignatureAlgorithm algorithm = create();
        return new TokenFormat(List.of(JwsKey.signature(key.keyId(), key.algorithm(), algorithm.signer(key),
                algorithm.verifier(key.publicKey().orElseThrow()))), new TokenRules("joe", "inkan", Duration.ZERO));
    }

    private static TokenException.Reason refusal(TokenFormat format, String token) {
        try {
            format.verify(token, Instant.parse("2011-03-22T00:00:00Z"));
            throw new AssertionError("a token without Inkan's claims verified");
        } catch (TokenException e) {
            return e.reason();
        }
    }

    /** The JDK's own verification of a JWK's signature, built from nothing but the JWK members. */
    static boolean plainJcaVerifies(PublicJwk key, byte[] message, byte[] signature) {
        try {
            PublicKey publicKey;
            Signature verifier;
            if (key.algorithm() == JwsAlgorithm.ES256) {
                java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
                parameters.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
                publicKey = KeyFactory.getInstance("EC").generatePublic(new java.security.spec.ECPublicKeySpec(
                        new java.security.spec.ECPoint(new BigInteger(1, key.x()), new BigInteger(1, key.y().orElseThrow())),
                        parameters.getParameterSpec(java.security.spec.ECParameterSpec.class)));
                verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            } else {
                byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(key.x()));
                publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
                verifier = Signature.getInstance("Ed25519");
            }
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
