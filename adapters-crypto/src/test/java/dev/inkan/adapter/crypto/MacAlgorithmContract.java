package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.JwsKey;
import dev.inkan.token.Mac;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenException;
import dev.inkan.token.TokenFormat;
import dev.inkan.token.TokenRules;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract every {@link MacAlgorithm} keeps, proven with published vectors: RFC 4231, Wycheproof, RFC 7515, RFC 7520. */
abstract class MacAlgorithmContract {

    abstract MacAlgorithm create();

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
    void rfc4231_everyCase_matches_orIsRefusedForAShortKey(JwsAlgorithm algorithm) {
        String digest = "sha" + algorithm.name().substring(2);
        int matched = 0;
        for (JsonNode testCase : Vectors.read("rfc4231_hmac_sha2.json").get("cases")) {
            byte[] key = Vectors.hex(testCase.get("key"));
            byte[] data = Vectors.hex(testCase.get("data"));
            byte[] expected = Vectors.hex(testCase.get(digest));
            String name = "RFC 4231 case " + testCase.get("tc").asInt() + " " + algorithm;
            if (key.length < algorithm.macLength()) {
                // Such a key never reaches a MAC: it cannot be a signing key.
                assertThatThrownBy(() -> keyed(algorithm, key)).as(name).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            byte[] mac = keyed(algorithm, key).compute(data, 0, data.length);
            // Case 5 publishes the leftmost 128 bits only.
            assertThat(Arrays.copyOf(mac, expected.length)).as(name).isEqualTo(expected);
            matched++;
        }
        assertThat(matched).as("cases with keys long enough for %s", algorithm).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
    void wycheproof_everyVerdict_isHonoured(JwsAlgorithm algorithm) {
        JsonNode file = Vectors.read("wycheproof/hmac_sha" + algorithm.name().substring(2) + "_test.json");
        int valid = 0;
        int invalid = 0;
        int truncated = 0;
        int shortKeys = 0;
        for (JsonNode group : file.get("testGroups")) {
            int tagBytes = group.get("tagSize").asInt() / 8;
            for (JsonNode test : group.get("tests")) {
                byte[] key = Vectors.hex(test.get("key"));
                byte[] msg = Vectors.hex(test.get("msg"));
                byte[] tag = Vectors.hex(test.get("tag"));
                String name = file.get("algorithm").asText() + " tcId " + test.get("tcId").asInt();
                if (key.length < algorithm.macLength()) {
                    assertThatThrownBy(() -> keyed(algorithm, key)).as(name).isInstanceOf(IllegalArgumentException.class);
                    shortKeys++;
                    continue;
                }
                byte[] mac = keyed(algorithm, key).compute(msg, 0, msg.length);
                boolean validVerdict = test.get("result").asText().equals("valid");
                if (tagBytes < algorithm.macLength()) {
                    // JWS never truncates: a truncated tag, valid or not, never equals a full MAC...
                    assertThat(mac).as(name).isNotEqualTo(tag);
                    // ...and where Wycheproof calls it valid, it is the MAC's true prefix.
                    assertThat(Arrays.equals(Arrays.copyOf(mac, tagBytes), tag)).as(name).isEqualTo(validVerdict);
                    truncated++;
                } else if (validVerdict) {
                    assertThat(mac).as(name).isEqualTo(tag);
                    valid++;
                } else {
                    assertThat(mac).as(name).isNotEqualTo(tag);
                    invalid++;
                }
            }
        }
        assertThat(valid).as("valid full-length vectors").isPositive();
        assertThat(invalid).as("invalid full-length vectors").isPositive();
        assertThat(truncated).as("truncated-tag vectors").isPositive();
        assertThat(shortKeys).as("vectors with keys too short for JWS").isPositive();
    }

    @Test
    void rfc7515AppendixA1_verifiesThroughTheTokenFormat() {
        JsonNode a1 = Vectors.read("rfc7515_A1_hs256.json");
        byte[] key = Vectors.hex(a1.get("key_hex"));
        String token = a1.get("compact_serialization").asText();

        // Its signature is good; its claims are not Inkan's, which the format says only after the MAC.
        assertThat(refusal(format(new SigningKey("rfc7515-a1", JwsAlgorithm.HS256, key)), token))
                .isEqualTo(TokenException.Reason.MALFORMED_CLAIMS);
        assertThat(refusal(format(new SigningKey("rfc7515-a1", JwsAlgorithm.HS256, TestBase64.random(32))), token))
                .isEqualTo(TokenException.Reason.BAD_SIGNATURE);
        byte[] input = a1.get("signing_input").asText().getBytes(StandardCharsets.US_ASCII);
        assertThat(TestBase64.url(keyed(JwsAlgorithm.HS256, key).compute(input, 0, input.length)))
                .isEqualTo(a1.get("signature_b64u").asText());
    }

    @Test
    void rfc7520Section4_4_verifiesThroughTheTokenFormat_underItsKid() {
        JsonNode example = Vectors.read("rfc7520_4.4_hs256.json");
        byte[] key = Vectors.hex(example.get("key_hex"));
        String kid = example.get("jwk").get("kid").asText();
        String token = example.get("compact_serialization").asText();

        assertThat(refusal(format(new SigningKey("other", JwsAlgorithm.HS256, TestBase64.random(32)),
                new SigningKey(kid, JwsAlgorithm.HS256, key)), token)).isEqualTo(TokenException.Reason.MALFORMED_CLAIMS);
        assertThat(refusal(format(new SigningKey(kid, JwsAlgorithm.HS256, TestBase64.random(32))), token))
                .isEqualTo(TokenException.Reason.BAD_SIGNATURE);
    }

    private TokenFormat format(SigningKey... keys) {
        MacAlgorithm mac = create();
        return new TokenFormat(Arrays.stream(keys).map(key -> JwsKey.hmac(key.keyId(), key.algorithm(), mac.keyed(key))).toList(),
                new TokenRules("joe", "inkan", Duration.ZERO));
    }

    private static TokenException.Reason refusal(TokenFormat format, String token) {
        try {
            format.verify(token, Instant.parse("2011-03-22T00:00:00Z"));
            throw new AssertionError("a token without Inkan's claims verified");
        } catch (TokenException e) {
            return e.reason();
        }
    }

    @Test
    void compute_honoursOffsetAndLength() {
        byte[] key = TestBase64.random(32);
        byte[] framed = "xxhello worldyy".getBytes(StandardCharsets.US_ASCII);
        byte[] plain = "hello world".getBytes(StandardCharsets.US_ASCII);
        Mac mac = keyed(JwsAlgorithm.HS256, key);

        assertThat(mac.compute(framed, 2, plain.length)).isEqualTo(mac.compute(plain, 0, plain.length));
    }

    @Test
    void manyThreads_withTwoKeys_getTheRightMacsEveryTime() throws Exception {
        byte[] keyA = TestBase64.random(32);
        byte[] keyB = TestBase64.random(32);
        Mac macA = keyed(JwsAlgorithm.HS256, keyA);
        Mac macB = keyed(JwsAlgorithm.HS256, keyB);
        byte[] data = "thread safety".getBytes(StandardCharsets.US_ASCII);
        byte[] expectedA = new JcaMacAlgorithm().keyed(new SigningKey("a", JwsAlgorithm.HS256, keyA)).compute(data, 0, data.length);
        byte[] expectedB = new JcaMacAlgorithm().keyed(new SigningKey("b", JwsAlgorithm.HS256, keyB)).compute(data, 0, data.length);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        if (!Arrays.equals(macA.compute(data, 0, data.length), expectedA)
                                || !Arrays.equals(macB.compute(data, 0, data.length), expectedB)) {
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

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
    void theMac_isOfTheKeysAlgorithm_andHasItsLength(JwsAlgorithm algorithm) {
        byte[] data = "x".getBytes(StandardCharsets.US_ASCII);

        assertThat(keyed(algorithm, TestBase64.random(algorithm.macLength())).compute(data, 0, 1)).hasSize(algorithm.macLength());
    }

    private Mac keyed(JwsAlgorithm algorithm, byte[] key) {
        return create().keyed(new SigningKey("test", algorithm, key));
    }

    /** Small codec helpers for tests. */
    static final class TestBase64 {
        private static final SecureRandom RANDOM = new SecureRandom();

        static String url(byte[] bytes) {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        static byte[] random(int length) {
            byte[] bytes = new byte[length];
            RANDOM.nextBytes(bytes);
            return bytes;
        }
    }
}
